// Package registration registers people for events: it validates what they
// send, lets the store decide confirmed, waitlisted or pending under its
// capacity rules, signs tickets, writes the mails in each registrant's
// language, and checks tickets in. Every method takes the caller and
// checks the rules of access.go through the events service: an event the
// caller may not see is "not found", what only its managers or check-in
// staff may do is "forbidden" to others who see it, and "unauthorized" to
// nobody signed in. What a secret link opens (a manage link, an
// invitation) is for whoever holds the link.
package registration

import (
	"context"
	"log/slog"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/limits"
	"symposium/internal/secret"
	"symposium/internal/store"
	"symposium/internal/ticket"
)

// Service registers people.
type Service struct {
	store   *store.Store
	events  *events.Service
	i18n    *i18n.Bundle
	baseURL string
	// Limits refuses floods of registrations and mail from one client
	// address, and too much mail to one recipient; nil limits nothing.
	Limits *limits.Limiter
	// Now tells the time; tests move it.
	Now func() time.Time
}

// New returns a Service that finds events and the caller's access to them
// through ev; baseURL starts the links in mails.
func New(s *store.Store, ev *events.Service, b *i18n.Bundle, baseURL string) *Service {
	return &Service{store: s, events: ev, i18n: b, baseURL: baseURL, Now: time.Now}
}

// require returns the event with the slug and the caller's access when
// allowed says they may act on it: unauthorized without a caller, not
// found when they may not see the event, forbidden when they see it but
// may not.
func (s *Service) require(ctx context.Context, u *symposium.User, slug string, allowed func(symposium.Access) bool) (*symposium.Event, symposium.Access, error) {
	if u == nil {
		return nil, symposium.Access{}, symposium.Unauthorized()
	}
	e, access, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return nil, access, err
	}
	return e, access, access.Require(e, allowed(access))
}

// managed returns the event with the slug for one of its managers.
func (s *Service) managed(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, symposium.Access, error) {
	return s.require(ctx, u, slug, symposium.Access.CanManage)
}

// Page is the event a method acted on and the caller's access to it, for
// the page that answers.
type Page struct {
	Event  *symposium.Event
	Access symposium.Access
}

// Form is what an event's registration form offers.
type Form struct {
	Page
	Categories []symposium.Category
	Questions  []symposium.Question
}

// Form returns the categories and questions of the event's registration
// form, for whoever may see the event.
func (s *Service) Form(ctx context.Context, u *symposium.User, slug string) (*Form, error) {
	e, access, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	return s.form(ctx, e, access)
}

// form loads the categories and questions of an event's form.
func (s *Service) form(ctx context.Context, e *symposium.Event, access symposium.Access) (*Form, error) {
	f := &Form{Page: Page{Event: e, Access: access}}
	var err error
	if f.Categories, err = s.store.Categories(ctx, e.ID); err != nil {
		return nil, err
	}
	if f.Questions, err = s.store.Questions(ctx, e.ID); err != nil {
		return nil, err
	}
	return f, nil
}

// Register validates a registration for the event with the slug, which
// the caller must be able to see, and stores it. It returns the
// registration with its status and, when confirmed, its ticket, and the
// secret of its manage link. The address counts as confirmed when the
// caller is signed in with it, verified; otherwise a confirmed seat is
// held until the registrant opens the link mailed to them, and too many
// such registrations from the caller's client address, or mails to that
// address, are refused with ETOOMANY.
func (s *Service) Register(ctx context.Context, u *symposium.User, slug string, r *symposium.Registration) (*Registered, string, error) {
	e, access, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return nil, "", err
	}
	manage, err := s.register(ctx, u, e, r)
	if err != nil {
		return nil, "", err
	}
	out := &Registered{Page: Page{Event: e, Access: access}}
	cats, err := s.store.Categories(ctx, e.ID)
	for i := range cats {
		if cats[i].ID == r.CategoryID {
			out.Category = &cats[i]
		}
	}
	return out, manage, err
}

// Registered is what a new registration's page shows beside it: its event
// and its category.
type Registered struct {
	Page
	Category *symposium.Category
}

// register validates and stores a registration for an event.
func (s *Service) register(ctx context.Context, u *symposium.User, e *symposium.Event, r *symposium.Registration) (string, error) {
	r.EventID = e.ID
	var p symposium.Problems
	r.Validate(&p)
	if r.CategoryID == "" {
		p.Add("category_id", "error.field.required")
	} else if !symposium.IsID(r.CategoryID) {
		p.Add("category_id", "error.field.unknown_reference")
	}
	if !e.TakesRegistrations(s.Now()) {
		p.Add("category_id", "error.event_ended")
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
	r.ID, r.ManageToken, r.ConsentText = symposium.NewID(), manage, s.consentWords(r.Language)
	if u != nil && u.Verified && u.Email == r.Email {
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
	if r.Status == symposium.RegWaitlisted {
		if r.WaitlistPlace, err = s.store.WaitlistPlace(ctx, r.ID); err != nil {
			return "", err
		}
	}
	return manage, nil
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

// ResendLink mails a new manage link to the live registration of an email
// at the event with the slug, which the caller must be able to see, if
// there is one; the links mailed before keep working. It says nothing
// either way, so that it does not tell who is registered, but refuses
// with ETOOMANY past the limits on mail a stranger asks for.
func (s *Service) ResendLink(ctx context.Context, u *symposium.User, slug, email string) (*Page, error) {
	e, access, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	if email = symposium.NormalizeEmail(email); !symposium.ValidEmail(email) {
		var p symposium.Problems
		p.Add("email", "error.field.email")
		return &Page{Event: e, Access: access}, p.Err()
	}
	return &Page{Event: e, Access: access}, s.resendLink(ctx, e, email)
}

// resendLink mails the live registration of an email a new manage link.
func (s *Service) resendLink(ctx context.Context, e *symposium.Event, email string) error {
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
