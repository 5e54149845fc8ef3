// Package registration registers people for events: it validates what they
// send, lets the store decide confirmed, waitlisted or pending under its
// capacity rules, signs tickets, writes the mails in each registrant's
// language, and checks tickets in.
package registration

import (
	"context"
	"crypto/ed25519"
	"log/slog"
	"time"

	"symposium"
	"symposium/internal/i18n"
	"symposium/internal/limits"
	"symposium/internal/secret"
	"symposium/internal/store"
	"symposium/internal/ticket"
)

// Service registers people.
type Service struct {
	store   *store.Store
	i18n    *i18n.Bundle
	baseURL string
	// Limits refuses floods of registrations and mail from one client
	// address, and too much mail to one recipient; nil limits nothing.
	Limits *limits.Limiter
	// Now tells the time; tests move it.
	Now func() time.Time
}

// New returns a Service; baseURL starts the links in mails.
func New(s *store.Store, b *i18n.Bundle, baseURL string) *Service {
	return &Service{store: s, i18n: b, baseURL: baseURL, Now: time.Now}
}

// Register validates a registration for an event and stores it. It
// returns the registration with its status and, when confirmed, its
// ticket, and the secret of its manage link. The address counts as
// confirmed when the caller is signed in with it, verified; otherwise a
// confirmed seat is held until the registrant opens the link mailed to
// them, and too many such registrations from the caller's client address,
// or mails to that address, are refused with ETOOMANY.
func (s *Service) Register(ctx context.Context, e *symposium.Event, r *symposium.Registration) (string, error) {
	r.EventID = e.ID
	var p symposium.Problems
	r.Validate(&p)
	if r.CategoryID == "" {
		p.Add("category_id", "error.field.required")
	} else if !symposium.IsID(r.CategoryID) {
		p.Add("category_id", "error.field.unknown_reference")
	}
	qs, err := s.store.Questions(ctx, e.ID)
	if err != nil {
		return "", err
	}
	symposium.ValidateAnswers(&p, qs, r.Answers)
	if err := p.Err(); err != nil {
		return "", err
	}
	key, err := s.store.EventKey(ctx, e.ID)
	if err != nil {
		return "", err
	}
	manage := secret.New("")
	r.ID, r.ManageToken = symposium.NewID(), manage
	if u := symposium.UserFromContext(ctx); u != nil && u.Verified && u.Email == r.Email {
		r.EmailConfirmed = true
	} else if err := s.limitRegistration(ctx, r.Email); err != nil {
		return "", err
	}
	if r.Ticket, err = ticket.Sign(key, e.ID, r.ID); err != nil {
		return "", err
	}
	mail := s.prewritten(r, s.mailer(e, key))
	if err := s.store.Register(ctx, r, secret.Hash(manage), s.Now(), mail); err != nil {
		return "", err
	}
	if r.Status != symposium.RegConfirmed {
		r.Ticket = "" // a ticket is given only for a confirmed place
	}
	return manage, nil
}

// Change cancels, approves or rejects a registration of an event.
func (s *Service) Change(ctx context.Context, e *symposium.Event, id, change string) (*symposium.Registration, error) {
	r, err := s.store.Registration(ctx, id)
	if err != nil || r.EventID != e.ID {
		return nil, symposium.NotFound()
	}
	key, err := s.store.EventKey(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	return s.store.ChangeRegistration(ctx, id, change, s.Now(), s.mailer(e, key))
}

// Ticket returns a confirmed registration's ticket, or "".
func (s *Service) Ticket(ctx context.Context, r *symposium.Registration) (string, error) {
	if r.Status != symposium.RegConfirmed {
		return "", nil
	}
	key, err := s.store.EventKey(ctx, r.EventID)
	if err != nil {
		return "", err
	}
	return ticket.Sign(key, r.EventID, r.ID)
}

// CheckIn checks a ticket in at an event. A malformed, forged or altered
// ticket, or one for another event, is not found.
func (s *Service) CheckIn(ctx context.Context, e *symposium.Event, token string) (*symposium.Registration, error) {
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

// Confirm records that the registrant opened the link mailed to them.
func (s *Service) Confirm(ctx context.Context, token string) error {
	return s.store.ConfirmRegistration(ctx, secret.Hash(token))
}

// ReleaseHolds passes on the seats whose holders did not confirm in time,
// telling each and promoting from the waiting list.
func (s *Service) ReleaseHolds(ctx context.Context) (int, error) {
	return s.store.ReleaseExpiredHolds(ctx, s.Now(), 100, s.anyEventMailer(ctx))
}

// Sweep releases expired holds every interval until ctx ends.
func (s *Service) Sweep(ctx context.Context, interval time.Duration, log *slog.Logger) {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		if n, err := s.ReleaseHolds(ctx); err != nil && ctx.Err() == nil {
			log.Error("registration: release holds", "err", err)
		} else if n > 0 {
			log.Info("registration: released expired holds", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// UpdateDetails lets a registrant change their name, organization, country,
// answers and listing; the answers are checked against the event's form.
func (s *Service) UpdateDetails(ctx context.Context, e *symposium.Event, r *symposium.Registration) error {
	var p symposium.Problems
	r.Validate(&p)
	qs, err := s.store.Questions(ctx, e.ID)
	if err != nil {
		return err
	}
	symposium.ValidateAnswers(&p, qs, r.Answers)
	if err := p.Err(); err != nil {
		return err
	}
	return s.store.UpdateRegistrationDetails(ctx, r)
}

// RenewLink replaces a registration's manage links with a new one and
// mails it, so that a link that leaked stops working. Only the registrant,
// holding a link, asks for it.
func (s *Service) RenewLink(ctx context.Context, e *symposium.Event, id string) error {
	return s.newLink(ctx, e, id, true)
}

// newLink mails a registration a new manage link, replacing the others or
// not.
func (s *Service) newLink(ctx context.Context, e *symposium.Event, id string, replace bool) error {
	key, err := s.store.EventKey(ctx, e.ID)
	if err != nil {
		return err
	}
	return s.store.RenewManageLink(ctx, id, replace, s.mailer(e, key))
}

// UpdateCategory changes a category; a raised capacity promotes from its
// waiting list.
func (s *Service) UpdateCategory(ctx context.Context, e *symposium.Event, c *symposium.Category) error {
	var p symposium.Problems
	c.Validate(&p)
	if err := p.Err(); err != nil {
		return err
	}
	key, err := s.store.EventKey(ctx, e.ID)
	if err != nil {
		return err
	}
	return s.store.UpdateCategory(ctx, c, s.Now(), s.mailer(e, key))
}

// SetCapacity sets the event's overall capacity; seats it frees go to the
// waiting lists.
func (s *Service) SetCapacity(ctx context.Context, e *symposium.Event, capacity *int) error {
	if capacity != nil && *capacity < 0 {
		var p symposium.Problems
		p.Add("capacity", "error.field.invalid")
		return p.Err()
	}
	key, err := s.store.EventKey(ctx, e.ID)
	if err != nil {
		return err
	}
	return s.store.SetRegistrationCapacityAt(ctx, e.ID, capacity, s.Now(), s.mailer(e, key))
}

// ResendLink mails a new manage link to the live registration of an email
// at an event, if there is one; the links mailed before keep working. It
// says nothing either way, so that it does not tell who is registered,
// but refuses with ETOOMANY past the limits on mail a stranger asks for.
func (s *Service) ResendLink(ctx context.Context, e *symposium.Event, email string) error {
	email = symposium.NormalizeEmail(email)
	if s.Limits != nil {
		if err := s.Limits.Mail(ctx, symposium.ClientFromContext(ctx), email); err != nil {
			return err
		}
	}
	list, err := s.store.SearchRegistrations(ctx, store.RegistrationSearch{EventID: e.ID, Text: email, Limit: 5})
	if err != nil {
		return err
	}
	for _, r := range list {
		live := r.Status == symposium.RegConfirmed || r.Status == symposium.RegWaitlisted || r.Status == symposium.RegPending
		if r.Email == email && live {
			return s.newLink(ctx, e, r.ID, false)
		}
	}
	return nil
}

// limitRegistration counts a registration made for an address the caller
// did not prove is theirs, refusing it past the limits.
func (s *Service) limitRegistration(ctx context.Context, email string) error {
	if s.Limits == nil {
		return nil
	}
	return s.Limits.Registration(ctx, symposium.ClientFromContext(ctx), email)
}
