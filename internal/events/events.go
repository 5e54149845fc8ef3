// Package events creates and changes events and their teams. Every method
// takes the caller and checks the rules of access.go before it reads or
// writes: an event the caller may not see is "not found", an action on an
// event they see but may not manage is "forbidden".
package events

import (
	"context"
	"time"

	"symposium"
	"symposium/internal/store"
)

// SiteReader tells the site-wide settings, which decide who may create
// events.
type SiteReader interface {
	Site(ctx context.Context) (symposium.Site, error)
}

// Service creates, finds and changes events and their teams.
type Service struct {
	store *store.Store
	site  SiteReader
}

// New returns a Service.
func New(st *store.Store, site SiteReader) *Service {
	return &Service{store: st, site: site}
}

// Visible returns the event with the slug, without its organizers, and the
// caller's access to it; an event the caller may not see is not found.
func (s *Service) Visible(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, symposium.Access, error) {
	e, err := s.store.FindEvent(ctx, slug)
	if err != nil {
		return nil, symposium.Access{}, err
	}
	access, err := s.store.EventAccess(ctx, e.ID, u)
	if err != nil {
		return nil, access, err
	}
	return e, access, access.See(e)
}

// VisibleByID is Visible for an event known by its ID.
func (s *Service) VisibleByID(ctx context.Context, u *symposium.User, id string) (*symposium.Event, symposium.Access, error) {
	e, err := s.store.EventByID(ctx, id)
	if err != nil {
		return nil, symposium.Access{}, err
	}
	access, err := s.store.EventAccess(ctx, e.ID, u)
	if err != nil {
		return nil, access, err
	}
	return e, access, access.See(e)
}

// Lookup returns the event with the ID, with its organizers, and the
// caller's access to it, without deciding whether they may see it: for
// services whose objects carry their own rule of who reaches them (an
// abstract for its authors, a registration for the holder of its link).
func (s *Service) Lookup(ctx context.Context, u *symposium.User, id string) (*symposium.Event, symposium.Access, error) {
	e, err := s.store.EventByID(ctx, id)
	if err != nil {
		return nil, symposium.Access{}, err
	}
	access, err := s.store.EventAccess(ctx, e.ID, u)
	return e, access, err
}

// Get returns the event with its organizers, for whoever may see it.
func (s *Service) Get(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, symposium.Access, error) {
	e, access, err := s.Visible(ctx, u, slug)
	if err != nil {
		return nil, access, err
	}
	e, err = s.store.EventBySlug(ctx, e.Slug)
	return e, access, err
}

// Require returns the event with its organizers when the caller may do
// what allowed says with it: unauthorized when nobody is signed in (every
// such action needs an account), not found when they may not see it,
// forbidden when they see it but may not.
func (s *Service) Require(ctx context.Context, u *symposium.User, slug string, allowed func(symposium.Access) bool) (*symposium.Event, symposium.Access, error) {
	if u == nil {
		return nil, symposium.Access{}, symposium.Unauthorized() // before anything is read, so nothing is told
	}
	e, access, err := s.Visible(ctx, u, slug)
	if err != nil {
		return nil, access, err
	}
	if err := access.Require(e, allowed(access)); err != nil {
		return nil, access, err
	}
	e, err = s.store.EventBySlug(ctx, e.Slug)
	return e, access, err
}

// Managed returns the event with its organizers for one of its managers.
func (s *Service) Managed(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, symposium.Access, error) {
	return s.Require(ctx, u, slug, symposium.Access.CanManage)
}

// ListQuery selects a page of events.
type ListQuery struct {
	// Upcoming keeps events that have not ended at Now; Past those that
	// have. Neither: every event.
	Upcoming, Past bool
	Now            time.Time
	Limit          int
	Cursor         string
}

// List returns a page of the events the caller may see, and the cursor of
// the next page.
func (s *Service) List(ctx context.Context, u *symposium.User, q ListQuery) ([]*symposium.Event, string, error) {
	sq := store.EventQuery{Viewer: u, Limit: q.Limit, Cursor: q.Cursor}
	switch {
	case q.Upcoming:
		sq.EndsAfter = q.Now
	case q.Past:
		sq.EndsBefore, sq.Descending = q.Now, true
	}
	return s.store.ListEvents(ctx, sq)
}

// MayCreate reports whether the caller may create events under the site's
// settings.
func (s *Service) MayCreate(ctx context.Context, u *symposium.User) (bool, error) {
	if u == nil {
		return false, nil
	}
	site, err := s.site.Site(ctx)
	if err != nil {
		return false, err
	}
	return u.MayCreateEvents(site), nil
}

// Create validates and stores a new event; the caller becomes its manager.
// Only those the site lets create events may.
func (s *Service) Create(ctx context.Context, u *symposium.User, e *symposium.Event) error {
	if u == nil {
		return symposium.Unauthorized()
	}
	ok, err := s.MayCreate(ctx, u)
	if err != nil {
		return err
	}
	if !ok {
		return symposium.Errorf(symposium.EFORBIDDEN, "error.create_events_forbidden")
	}
	var p symposium.Problems
	e.Validate(&p)
	if err := p.Err(); err != nil {
		return err
	}
	e.ID = symposium.NewID()
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditEventCreate, e.ID, nil, e)
	if err := s.store.CreateEvent(store.WithAudit(ctx, entry), e, u.ID); err != nil {
		return err
	}
	return nil
}

// Update changes an event, for its managers: change edits a copy of the
// stored event, which is validated and stored; the stored event is
// returned.
func (s *Service) Update(ctx context.Context, u *symposium.User, slug string, change func(*symposium.Event)) (*symposium.Event, error) {
	old, e, err := s.changed(ctx, u, slug, change)
	if err != nil {
		return nil, err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditEventUpdate, e.ID, old, e)
	if err := s.store.UpdateEvent(store.WithAudit(ctx, entry), e); err != nil {
		return nil, err
	}
	return s.store.EventBySlug(ctx, e.Slug)
}

// changed returns the stored event, for its managers, and a copy edited
// by change and validated.
func (s *Service) changed(ctx context.Context, u *symposium.User, slug string, change func(*symposium.Event)) (old, e *symposium.Event, err error) {
	old, _, err = s.Managed(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	c := *old
	change(&c)
	c.ID = old.ID
	var p symposium.Problems
	c.Validate(&p)
	if err := p.Err(); err != nil {
		return nil, nil, err
	}
	return old, &c, nil
}

// shifted is what the audit log records of an update that moved the
// event's dates with it.
type shifted struct {
	*symposium.Event
	ShiftedBy string `json:"shifted_by"`
}

// UpdateShifting changes the event like Update and moves its programme,
// its call's dates and its registration categories' dates by as much as
// its start moved, all at once.
func (s *Service) UpdateShifting(ctx context.Context, u *symposium.User, slug string, change func(*symposium.Event)) (*symposium.Event, error) {
	old, e, err := s.changed(ctx, u, slug, change)
	if err != nil {
		return nil, err
	}
	d := e.StartsAt.Sub(old.StartsAt)
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditEventUpdate, e.ID, old, shifted{e, d.String()})
	if err := s.store.UpdateEventShifting(store.WithAudit(ctx, entry), e, d); err != nil {
		return nil, err
	}
	return s.store.EventBySlug(ctx, e.Slug)
}
