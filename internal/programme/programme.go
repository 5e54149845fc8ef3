// Package programme keeps an event's programme: its rooms, sessions and
// contributions, the timetable, the page of each contribution, the
// speakers and the calendar files. Every method takes the caller and checks
// the rules of access.go through the events service: an event the caller
// may not see (restricted, draft) is "not found", a change to the
// programme of an event they see but do not manage is "forbidden", and a
// change by nobody signed in is "unauthorized".
package programme

import (
	"context"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/store"
)

// Service reads and changes the programmes of events.
type Service struct {
	store  *store.Store
	events *events.Service
}

// New returns a Service that finds events and the caller's access to them
// through ev.
func New(st *store.Store, ev *events.Service) *Service {
	return &Service{store: st, events: ev}
}

// visible returns the event with the slug and the caller's access, when
// the caller may see it.
func (s *Service) visible(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, symposium.Access, error) {
	return s.events.Visible(ctx, u, slug)
}

// managed returns the event with the slug and the caller's access, when
// the caller may change its programme: unauthorized without a caller, not
// found when they may not see the event, forbidden when they see it but do
// not manage it.
func (s *Service) managed(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, symposium.Access, error) {
	if u == nil {
		return nil, symposium.Access{}, symposium.Unauthorized()
	}
	e, access, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, access, err
	}
	if err := access.Require(e, access.CanManage()); err != nil {
		return nil, access, err
	}
	return e, access, nil
}

// CreateRoom validates and adds a room to the event, for its managers.
// The room gets its ID and position.
func (s *Service) CreateRoom(ctx context.Context, u *symposium.User, slug string, r *symposium.Room) error {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return err
	}
	r.EventID = e.ID
	var p symposium.Problems
	r.Validate(&p)
	if err := p.Err(); err != nil {
		return err
	}
	r.ID = symposium.NewID()
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditRoomCreate, r.ID, nil, r)
	if err := s.store.CreateRoom(store.WithAudit(ctx, entry), r); err != nil {
		r.ID = ""
		return err
	}
	return nil
}

// Rooms lists the event's rooms in their order, for whoever may see it.
func (s *Service) Rooms(ctx context.Context, u *symposium.User, slug string) ([]symposium.Room, error) {
	e, _, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	return s.store.Rooms(ctx, e.ID)
}

// CreateSession validates and adds a session to the event, for its
// managers. Its room must be one of the event's and its conveners must
// exist.
func (s *Service) CreateSession(ctx context.Context, u *symposium.User, slug string, ps *symposium.Session) error {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return err
	}
	ps.EventID = e.ID
	var p symposium.Problems
	ps.Validate(&p)
	if err := p.Err(); err != nil {
		return err
	}
	ps.ID = symposium.NewID()
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditSessionCreate, ps.ID, nil, ps)
	if err := s.store.CreateProgrammeSession(store.WithAudit(ctx, entry), ps); err != nil {
		ps.ID = ""
		return err
	}
	return nil
}

// Sessions lists the event's sessions, for whoever may see it.
func (s *Service) Sessions(ctx context.Context, u *symposium.User, slug string) ([]symposium.Session, error) {
	e, _, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	return s.store.ProgrammeSessions(ctx, e.ID)
}

// redact returns people as the caller may see them: without the emails
// they may not read.
func redact(u *symposium.User, people []*symposium.Person) []*symposium.Person {
	out := make([]*symposium.Person, len(people))
	for i, p := range people {
		out[i] = p
		if p.Email != "" && !u.MaySeeEmailOf(p) {
			c := *p
			c.Email = ""
			out[i] = &c
		}
	}
	return out
}
