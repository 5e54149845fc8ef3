// Package overview gives a signed-in person "My Symposium": their part in
// every event on one page, from tickets to talks to reviews to do.
package overview

import (
	"context"
	"fmt"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/ticket"
)

// Service gathers a person's part in every event.
type Service struct {
	store *store.Store
	// Now tells the time; tests move it to see events pass.
	Now func() time.Time
}

// New returns a Service.
func New(st *store.Store) *Service {
	return &Service{store: st, Now: time.Now}
}

// MySymposium returns the caller's part in every event, events to come
// first: their roles, registrations with a confirmed one's ticket and a
// waitlisted one's place in the queue, abstracts, reviews to do, talks,
// sessions they chair and matchmaking meetings. What hangs on an email or
// a person record counts once the account's email is verified, since
// only then is the account that person.
func (s *Service) MySymposium(ctx context.Context, u *symposium.User) (*symposium.MySymposium, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	sub, err := s.subject(ctx, u)
	if err != nil {
		return nil, err
	}
	events, err := s.store.MySymposium(ctx, sub)
	if err != nil {
		return nil, err
	}
	for _, e := range events {
		if err := s.tickets(ctx, e); err != nil {
			return nil, err
		}
	}
	m := &symposium.MySymposium{Events: events}
	if m.Events == nil {
		m.Events = []*symposium.MyEvent{}
	}
	m.Arrange(s.Now())
	return m, nil
}

// subject is the caller as the individual whose items are gathered: the
// account, and once its email is verified, that email and the people
// records carrying it.
func (s *Service) subject(ctx context.Context, u *symposium.User) (store.DataSubject, error) {
	sub := store.DataSubject{User: u}
	if !u.Verified {
		return sub, nil
	}
	people, err := s.store.AccountPeople(ctx, u)
	if err != nil {
		return sub, fmt.Errorf("overview: people of the account: %w", err)
	}
	sub.Email = u.Email
	for _, p := range people {
		sub.PersonIDs = append(sub.PersonIDs, p.ID)
	}
	return sub, nil
}

// tickets signs the ticket of each confirmed registration of the event.
func (s *Service) tickets(ctx context.Context, e *symposium.MyEvent) error {
	for i := range e.Registrations {
		r := &e.Registrations[i]
		if r.Status != symposium.RegConfirmed {
			continue
		}
		key, err := s.store.EventKey(ctx, e.ID)
		if err != nil {
			return fmt.Errorf("overview: key of event %s: %w", e.Slug, err)
		}
		if r.Ticket, err = ticket.Sign(key, e.ID, r.ID); err != nil {
			return fmt.Errorf("overview: ticket: %w", err)
		}
	}
	return nil
}
