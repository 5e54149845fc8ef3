// Package people keeps the directory of people and organizations: adding
// and editing them, their photos, and finding and merging duplicates. Every
// method takes the caller and checks the rules of access.go: a person is
// edited by themself, the directory's curators, administrators and the team
// of an event that added them; emails are shown only to whoever may read
// them; merging is for curators, and for an event's managers only among the
// people of their own events whom they may edit.
package people

import (
	"context"
	"io"

	"symposium"
	"symposium/internal/photo"
	"symposium/internal/search"
	"symposium/internal/store"
)

// SiteReader tells the site-wide settings.
type SiteReader interface {
	Site(ctx context.Context) (symposium.Site, error)
}

// Service keeps the directory of people and organizations.
type Service struct {
	store  *store.Store
	search *search.Service
	site   SiteReader
}

// New returns a Service.
func New(st *store.Store, se *search.Service, site SiteReader) *Service {
	return &Service{store: st, search: se, site: site}
}

// MayAdd reports whether the caller may add people and organizations to
// the directory: whoever may create events, managers of an event, and
// curators.
func (s *Service) MayAdd(ctx context.Context, u *symposium.User) (bool, error) {
	if u == nil {
		return false, nil
	}
	if u.MayCurate() {
		return true, nil
	}
	site, err := s.site.Site(ctx)
	if err != nil {
		return false, err
	}
	if u.MayCreateEvents(site) {
		return true, nil
	}
	return s.store.ManagesAnEvent(ctx, u.ID)
}

// requireAdd refuses callers who may not add to the directory.
func (s *Service) requireAdd(ctx context.Context, u *symposium.User) error {
	if u == nil {
		return symposium.Unauthorized()
	}
	ok, err := s.MayAdd(ctx, u)
	if err != nil {
		return err
	}
	if !ok {
		return symposium.Errorf(symposium.EFORBIDDEN, "error.directory_forbidden")
	}
	return nil
}

// Created is a new person, with the people already in the directory who
// are likely the same one.
type Created struct {
	Person *symposium.Person
	Likely []search.Result
}

// Create validates and adds a person typed in by the caller. With
// refuseLikely, a person who likely exists already (by a spelling of the
// name or the email) is not added: the error is a conflict and Likely
// lists the candidates, so that the caller can choose or confirm.
func (s *Service) Create(ctx context.Context, u *symposium.User, p *symposium.Person, refuseLikely bool) (*Created, error) {
	if err := s.requireAdd(ctx, u); err != nil {
		return nil, err
	}
	var problems symposium.Problems
	p.Validate(&problems)
	if err := problems.Err(); err != nil {
		return nil, err
	}
	out := &Created{Likely: s.search.Likely(p.Spellings(), p.Email, 5)}
	if refuseLikely && len(out.Likely) > 0 {
		return out, symposium.Errorf(symposium.ECONFLICT, "error.person_likely_exists")
	}
	p.CreatedBy = u.ID
	entry := symposium.NewAuditEntry(u, "", symposium.AuditPersonCreate, "", nil, p)
	if err := s.store.CreatePerson(store.WithAudit(ctx, entry), p); err != nil {
		return nil, err
	}
	out.Person = p
	return out, nil
}

// Get returns a person as the caller may see them: the email only for
// whoever may read it. A merged person carries MergedInto.
func (s *Service) Get(ctx context.Context, u *symposium.User, id string) (*symposium.Person, error) {
	p, err := s.store.Person(ctx, id)
	if err != nil {
		return nil, err
	}
	return redact(u, p), nil
}

// redact removes the email from a copy of p unless u may read it.
func redact(u *symposium.User, p *symposium.Person) *symposium.Person {
	if p == nil || p.Email == "" || u.MaySeeEmailOf(p) {
		return p
	}
	c := *p
	c.Email = ""
	return &c
}

// MayEdit reports whether the caller may change the person.
func (s *Service) MayEdit(ctx context.Context, u *symposium.User, p *symposium.Person) (bool, error) {
	if u == nil {
		return false, nil
	}
	if u.MayEditPerson(p, false) {
		return true, nil
	}
	team, err := s.store.TeamAdded(ctx, u, p)
	if err != nil {
		return false, err
	}
	return u.MayEditPerson(p, team), nil
}

// editable returns the stored person for a caller who may edit them:
// forbidden for others (a person's page is public), not found for a merged
// person.
func (s *Service) editable(ctx context.Context, u *symposium.User, id string) (*symposium.Person, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	p, err := s.store.Person(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.MergedInto != "" {
		return nil, symposium.NotFound()
	}
	ok, err := s.MayEdit(ctx, u, p)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, symposium.Forbidden()
	}
	return p, nil
}

// Update changes a person for a caller who may edit them: change edits a
// copy of the stored person, which is validated and stored. An email the
// caller may not read stays as it is unless change sets a new one.
func (s *Service) Update(ctx context.Context, u *symposium.User, id string, change func(*symposium.Person)) (*symposium.Person, error) {
	old, err := s.editable(ctx, u, id)
	if err != nil {
		return nil, err
	}
	p := *redact(u, old)
	change(&p)
	p.ID, p.CreatedBy, p.MergedInto = old.ID, old.CreatedBy, ""
	if p.Email == "" && !u.MaySeeEmailOf(old) {
		p.Email = old.Email
	}
	var problems symposium.Problems
	p.Validate(&problems)
	if err := problems.Err(); err != nil {
		return nil, err
	}
	entry := symposium.NewAuditEntry(u, "", symposium.AuditPersonUpdate, p.ID, redact(u, old), redact(u, &p))
	if err := s.store.UpdatePerson(store.WithAudit(ctx, entry), &p); err != nil {
		return nil, err
	}
	return redact(u, &p), nil
}

// SetPhoto replaces a person's photo with a clean copy of an upload, for a
// caller who may edit them; a nil upload is a missing "photo".
func (s *Service) SetPhoto(ctx context.Context, u *symposium.User, id string, upload io.Reader) error {
	p, err := s.editable(ctx, u, id)
	if err != nil {
		return err
	}
	if upload == nil {
		var problems symposium.Problems
		problems.Add("photo", "error.field.required")
		return problems.Err()
	}
	data, err := photo.Process(ctx, upload)
	if err != nil {
		return err
	}
	entry := symposium.NewAuditEntry(u, "", symposium.AuditPersonPhoto, p.ID, nil, nil)
	return s.store.SetPhoto(store.WithAudit(ctx, entry), p.ID, "image/jpeg", data)
}

// Photo returns a person's photo and its content type; photos are as
// public as the person's page.
func (s *Service) Photo(ctx context.Context, id string) ([]byte, string, error) {
	return s.store.Photo(ctx, id)
}
