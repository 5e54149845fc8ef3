package review

import (
	"context"
	"slices"

	"symposium"
	"symposium/internal/store"
)

// PutCall validates and stores the call for abstracts of the event with
// the slug, for its managers, recording it in the audit log.
func (s *Service) PutCall(ctx context.Context, u *symposium.User, slug string, c *symposium.Call) error {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return err
	}
	c.EventID = e.ID
	var p symposium.Problems
	c.Validate(&p)
	if err := p.Err(); err != nil {
		return err
	}
	var before any
	old, err := s.store.Call(ctx, e.ID)
	switch {
	case err == nil:
		before = old
	case symposium.ErrorCode(err) != symposium.ENOTFOUND:
		return err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditCallSave, e.ID, before, c)
	return s.store.PutCall(store.WithAudit(ctx, entry), c)
}

// CallPage is an event's call for abstracts as the caller may see it,
// with the abstracts they submitted or are an author of.
type CallPage struct {
	Event  *symposium.Event
	Access symposium.Access
	// Call is nil for a manager of an event without a call yet.
	Call *symposium.Call
	Mine []*symposium.Abstract
}

// Call returns the call for abstracts of the event with the slug, for
// whoever may see the event: its review questions only to the event's
// managers and reviewers. An event without a call is not found, but to
// its managers, who may set one up.
func (s *Service) Call(ctx context.Context, u *symposium.User, slug string) (*CallPage, error) {
	e, access, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	v := &CallPage{Event: e, Access: access}
	v.Call, err = s.store.Call(ctx, e.ID)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND && access.CanManage() {
		return v, nil
	}
	if err != nil {
		return nil, err
	}
	if !access.CanManage() && !access.Has(symposium.RoleReviewer) {
		v.Call.Questions = []symposium.ReviewQuestion{}
	}
	if u != nil {
		if v.Mine, err = s.mine(ctx, u, e.ID); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// mine lists the abstracts of an event an account submitted or one of
// whose authors is a person with its verified email, without their texts.
func (s *Service) mine(ctx context.Context, u *symposium.User, eventID string) ([]*symposium.Abstract, error) {
	all, err := s.store.EventAbstractsBrief(ctx, eventID)
	if err != nil {
		return nil, err
	}
	people, err := s.store.AccountPeople(ctx, u)
	if err != nil {
		return nil, err
	}
	var out []*symposium.Abstract
	for _, a := range all {
		if a.SubmitterID == u.ID || slices.ContainsFunc(people, func(p *symposium.Person) bool { return slices.Contains(a.AuthorIDs, p.ID) }) {
			out = append(out, Redact(a, AsAuthor, false))
		}
	}
	return out, nil
}

// CallForm returns the call of the event with the slug for its managers
// to edit: a new call with the defaults when there is none yet.
func (s *Service) CallForm(ctx context.Context, u *symposium.User, slug string) (*CallPage, error) {
	e, access, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	c, err := s.store.Call(ctx, e.ID)
	switch {
	case symposium.ErrorCode(err) == symposium.ENOTFOUND:
		c = &symposium.Call{Blind: true, WordLimit: symposium.DefaultWordLimit,
			Types: []string{symposium.ContributionTalk, symposium.ContributionPoster}}
	case err != nil:
		return nil, err
	}
	return &CallPage{Event: e, Access: access, Call: c}, nil
}

// call returns an event's call, or a conflict when it has none.
func (s *Service) call(ctx context.Context, eventID string) (*symposium.Call, error) {
	c, err := s.store.Call(ctx, eventID)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return nil, symposium.Errorf(symposium.ECONFLICT, "error.call_missing")
	}
	return c, err
}
