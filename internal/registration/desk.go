package registration

import (
	"context"
	"crypto/ed25519"
	"strings"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/ticket"
)

// CheckIn checks a ticket in at the event with the slug, for its check-in
// staff and managers. A malformed, forged or altered ticket, or one for
// another event, is not found; a second check-in, or a registration not
// confirmed, is a conflict saying why.
func (s *Service) CheckIn(ctx context.Context, u *symposium.User, slug, token string) (*symposium.Registration, error) {
	e, _, err := s.require(ctx, u, slug, symposium.Access.CanCheckIn)
	if err != nil {
		return nil, err
	}
	return s.checkIn(ctx, e, token)
}

// checkIn checks a ticket in at an event.
func (s *Service) checkIn(ctx context.Context, e *symposium.Event, token string) (*symposium.Registration, error) {
	key, err := s.store.EventKey(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	eventID, regID, err := ticket.Verify(key.Public().(ed25519.PublicKey), token)
	if err != nil || eventID != e.ID {
		return nil, symposium.NotFound()
	}
	return s.store.CheckIn(ctx, e.ID, regID, s.Now())
}

// Desk is the check-in desk of an event: its ticket key, for checking
// tickets offline, its categories and counts by status, the registrations
// a search by name or email found, and the outcome of the last scan.
type Desk struct {
	Page
	PublicKey  ed25519.PublicKey
	Categories []symposium.Category
	Counts     map[string]int
	// Arrived counts the registrants checked in, of Expected confirmed.
	Arrived, Expected int
	Query             string
	Found             []symposium.Registration
	Scanned           *Scanned
}

// Scanned is what one ticket scanned at the desk did: the registration
// checked in, or the domain error that refused the ticket.
type Scanned struct {
	Registration *symposium.Registration
	Refused      error
}

// Desk returns the check-in desk of the event with the slug, for its
// check-in staff and managers, with the registrations whose name or email
// match query.
func (s *Service) Desk(ctx context.Context, u *symposium.User, slug, query string) (*Desk, error) {
	e, access, err := s.require(ctx, u, slug, symposium.Access.CanCheckIn)
	if err != nil {
		return nil, err
	}
	return s.desk(ctx, e, access, query)
}

// CheckInAtDesk checks a scanned ticket in and returns the desk with the
// outcome. A refused ticket is not an error of the call: its reason is in
// the desk's Scanned.
func (s *Service) CheckInAtDesk(ctx context.Context, u *symposium.User, slug, token, query string) (*Desk, error) {
	return s.checkInAtDesk(ctx, u, slug, query, func(e *symposium.Event) (*symposium.Registration, error) {
		return s.checkIn(ctx, e, token)
	})
}

// CheckInFoundAtDesk checks in the registration with the ID, found by a
// search at the desk (for a guest without their ticket), and returns the
// desk with the outcome, as CheckInAtDesk does.
func (s *Service) CheckInFoundAtDesk(ctx context.Context, u *symposium.User, slug, registrationID, query string) (*Desk, error) {
	return s.checkInAtDesk(ctx, u, slug, query, func(e *symposium.Event) (*symposium.Registration, error) {
		return s.store.CheckIn(ctx, e.ID, registrationID, s.Now())
	})
}

// checkInAtDesk runs one check-in for the desk's staff and returns the
// desk with its outcome.
func (s *Service) checkInAtDesk(ctx context.Context, u *symposium.User, slug, query string, checkIn func(*symposium.Event) (*symposium.Registration, error)) (*Desk, error) {
	e, access, err := s.require(ctx, u, slug, symposium.Access.CanCheckIn)
	if err != nil {
		return nil, err
	}
	r, err := checkIn(e)
	if err != nil && symposium.AsError(err) == nil {
		return nil, err
	}
	d, derr := s.desk(ctx, e, access, query)
	if derr != nil {
		return nil, derr
	}
	d.Scanned = &Scanned{Registration: r, Refused: err}
	return d, nil
}

// desk gathers what the desk shows.
func (s *Service) desk(ctx context.Context, e *symposium.Event, access symposium.Access, query string) (*Desk, error) {
	d := &Desk{Page: Page{Event: e, Access: access}, Query: strings.TrimSpace(query)}
	key, err := s.store.EventKey(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	d.PublicKey = key.Public().(ed25519.PublicKey)
	if d.Categories, err = s.store.Categories(ctx, e.ID); err != nil {
		return nil, err
	}
	if d.Counts, err = s.store.RegistrationCounts(ctx, e.ID); err != nil {
		return nil, err
	}
	stats, err := s.store.RegistrationStats(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	for _, st := range stats {
		d.Arrived += st.CheckedIn
		d.Expected += st.Confirmed
	}
	if d.Query != "" {
		d.Found, err = s.store.SearchRegistrations(ctx, store.RegistrationSearch{EventID: e.ID, Text: d.Query, Limit: 20})
		if err != nil {
			return nil, err
		}
	}
	return d, nil
}
