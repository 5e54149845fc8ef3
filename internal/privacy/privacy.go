// Package privacy gives people their rights over their data: to see
// everything Symposium holds about them, to withdraw consents and to be
// erased; and gives events a retention period after which registration
// data is shredded. Administrators act on written requests for anyone.
package privacy

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/store"
)

// Canceller cancels a registration as the caller may: the registrant, or
// a manager of its event.
type Canceller interface {
	Change(ctx context.Context, u *symposium.User, id, change, token string) (*symposium.Registration, error)
}

// Service reads, erases and shreds personal data.
type Service struct {
	store  *store.Store
	events *events.Service
	cancel Canceller
	// Now tells the time; tests move it to try retention periods.
	Now func() time.Time
}

// New returns a Service.
func New(st *store.Store, ev *events.Service, cancel Canceller) *Service {
	return &Service{store: st, events: ev, cancel: cancel, Now: time.Now}
}

// MyData returns everything held about the caller.
func (s *Service) MyData(ctx context.Context, u *symposium.User) (*symposium.PersonalData, error) {
	sub, err := s.self(ctx, u)
	if err != nil {
		return nil, err
	}
	return s.store.PersonalData(ctx, sub)
}

// PersonData returns everything held about the person, for an
// administrator acting on their written request.
func (s *Service) PersonData(ctx context.Context, u *symposium.User, personID string) (*symposium.PersonalData, error) {
	sub, err := s.person(ctx, u, personID)
	if err != nil {
		return nil, err
	}
	return s.store.PersonalData(ctx, sub)
}

// EraseMe erases the caller: their account ends and what is theirs alone
// goes (see store.Erase). Their registrations at events to come are
// cancelled first, so that the waiting lists move on. Nothing happens
// unless confirmed says the caller confirmed that it cannot be undone.
func (s *Service) EraseMe(ctx context.Context, u *symposium.User, confirmed bool) (*symposium.Erasure, error) {
	sub, err := s.self(ctx, u)
	if err != nil {
		return nil, err
	}
	if err := requireConfirmation(confirmed); err != nil {
		return nil, err
	}
	return s.erase(ctx, u, sub)
}

// ErasePerson erases the person and the account that is them, for an
// administrator acting on their written request, once confirmed.
func (s *Service) ErasePerson(ctx context.Context, u *symposium.User, personID string, confirmed bool) (*symposium.Erasure, error) {
	sub, err := s.person(ctx, u, personID)
	if err != nil {
		return nil, err
	}
	if err := requireConfirmation(confirmed); err != nil {
		return nil, err
	}
	return s.erase(ctx, u, sub)
}

// requireConfirmation refuses an erasure nobody confirmed, naming the
// field "confirm".
func requireConfirmation(confirmed bool) error {
	if confirmed {
		return nil
	}
	var p symposium.Problems
	p.Add("confirm", "error.field.confirm")
	return p.Err()
}

// erase cancels the subject's registrations to come, then erases them,
// recording the erasure in the audit log with counts only.
func (s *Service) erase(ctx context.Context, u *symposium.User, sub store.DataSubject) (*symposium.Erasure, error) {
	at := s.Now().UTC()
	live, err := s.store.LiveRegistrationsToCome(ctx, sub.Email, sub.PersonIDs, at)
	if err != nil {
		return nil, err
	}
	cancelled := 0
	for _, id := range live {
		if _, err := s.cancel.Change(ctx, u, id, store.ChangeCancel, ""); err != nil {
			return nil, fmt.Errorf("privacy: cancel registration %s: %w", id, err)
		}
		cancelled++
	}
	subject := ""
	if sub.User != nil {
		subject = sub.User.ID
	} else if len(sub.PersonIDs) > 0 {
		subject = sub.PersonIDs[0]
	}
	entry := symposium.NewAuditEntry(u, "", symposium.AuditErase, subject, nil, nil)
	if sub.User != nil && u.ID == sub.User.ID {
		entry.ActorName = "" // the erased keep no name in the log
	}
	out, err := s.store.Erase(store.WithAudit(ctx, entry), sub, at)
	if err != nil {
		return nil, err
	}
	out.RegistrationsCancelled = cancelled
	return out, nil
}

// self is the caller as a data subject: their account, and, once its
// email is verified, that email and the people records carrying it.
func (s *Service) self(ctx context.Context, u *symposium.User) (store.DataSubject, error) {
	if u == nil {
		return store.DataSubject{}, symposium.Unauthorized()
	}
	sub := store.DataSubject{User: u}
	if !u.Verified {
		return sub, nil
	}
	people, err := s.store.AccountPeople(ctx, u)
	if err != nil {
		return sub, err
	}
	sub.Email = u.Email
	for _, p := range people {
		sub.PersonIDs = append(sub.PersonIDs, p.ID)
	}
	return sub, nil
}

// person is a person as a data subject, for an administrator: the
// records carrying their email (or the one record, without an email) and
// the verified account with that email, if any.
func (s *Service) person(ctx context.Context, u *symposium.User, personID string) (store.DataSubject, error) {
	switch {
	case u == nil:
		return store.DataSubject{}, symposium.Unauthorized()
	case !u.MayActOnDataRequests():
		return store.DataSubject{}, symposium.Forbidden()
	}
	p, err := s.store.Person(ctx, personID)
	if err != nil {
		return store.DataSubject{}, err
	}
	sub := store.DataSubject{Email: p.Email, PersonIDs: []string{p.ID}}
	if p.Email == "" {
		return sub, nil
	}
	same, err := s.store.PeopleWithEmail(ctx, p.Email)
	if err != nil {
		return sub, err
	}
	for _, q := range same {
		if q.ID != p.ID {
			sub.PersonIDs = append(sub.PersonIDs, q.ID)
		}
	}
	acc, _, err := s.store.UserByEmail(ctx, p.Email)
	switch {
	case symposium.ErrorCode(err) == symposium.ENOTFOUND:
	case err != nil:
		return sub, err
	case acc.Verified:
		sub.User = acc
	}
	return sub, nil
}

// Consents returns the newest answer of each kind and scope the caller
// gave, by kind and scope.
func (s *Service) Consents(ctx context.Context, u *symposium.User) ([]symposium.Consent, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	if !u.Verified {
		return nil, nil
	}
	log, err := s.store.Consents(ctx, u.Email)
	return current(log), err
}

// current keeps the newest answer of each kind and scope of a log
// ordered oldest first.
func current(log []symposium.Consent) []symposium.Consent {
	index := map[[2]string]int{}
	var out []symposium.Consent
	for _, c := range log {
		key := [2]string{c.Kind, c.Scope}
		if i, ok := index[key]; ok {
			out[i] = c
			continue
		}
		index[key] = len(out)
		out = append(out, c)
	}
	return out
}

// SetConsent records the caller's answer for a use of their data, with
// the words they were shown in their language. Only a verified account
// answers for its email.
func (s *Service) SetConsent(ctx context.Context, u *symposium.User, c *symposium.Consent) error {
	switch {
	case u == nil:
		return symposium.Unauthorized()
	case !u.Verified:
		return symposium.Forbidden()
	}
	var p symposium.Problems
	if !symposium.ValidConsentKind(c.Kind) {
		p.Add("kind", "error.field.invalid")
	}
	if err := p.Err(); err != nil {
		return err
	}
	c.ID, c.Email, c.At = "", u.Email, s.Now().UTC()
	return s.store.RecordConsent(ctx, c)
}

// Retention returns how long the event keeps registration data, for its
// managers.
func (s *Service) Retention(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, symposium.Retention, error) {
	e, access, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return nil, symposium.Retention{}, err
	}
	if err := access.Require(e, access.CanManage()); err != nil {
		return nil, symposium.Retention{}, err
	}
	r, err := s.store.Retention(ctx, e.ID)
	return e, r, err
}

// SetRetention sets how many days after the event its registration data
// is kept, for its managers.
func (s *Service) SetRetention(ctx context.Context, u *symposium.User, slug string, days int) (symposium.Retention, error) {
	e, old, err := s.Retention(ctx, u, slug)
	if err != nil {
		return old, err
	}
	var p symposium.Problems
	symposium.ValidateRetention(days, &p)
	if err := p.Err(); err != nil {
		return old, err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditRetention, e.ID, map[string]int{"days": old.Days}, map[string]int{"days": days})
	if err := s.store.SetRetention(store.WithAudit(ctx, entry), e.ID, days); err != nil {
		return old, err
	}
	return s.store.Retention(ctx, e.ID)
}

// ShredDue shreds the registration data of every event whose retention
// ran out, and returns how many events it shredded.
func (s *Service) ShredDue(ctx context.Context) (int, error) {
	at := s.Now().UTC()
	due, err := s.store.DueForShredding(ctx, at)
	if err != nil {
		return 0, err
	}
	for i, id := range due {
		entry := symposium.NewAuditEntry(nil, id, symposium.AuditShred, id, nil, nil)
		if err := s.store.Shred(store.WithAudit(ctx, entry), id, at); err != nil {
			return i, err
		}
	}
	return len(due), nil
}

// Sweep runs ShredDue every interval until ctx ends.
func (s *Service) Sweep(ctx context.Context, interval time.Duration, log *slog.Logger) {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		if n, err := s.ShredDue(ctx); err != nil && ctx.Err() == nil {
			log.Error("privacy: shredding registration data", "err", err)
		} else if n > 0 {
			log.Info("privacy: shredded the registration data of events past their retention", "events", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// Storage says where an installation keeps personal data and for how
// long, for its operators.
type Storage struct {
	Database             string // "sqlite" or "postgres"
	SessionDays          int
	MailKeptDays         int
	TokenTrailDays       int
	DefaultRetentionDays int
}

// Storage returns where personal data lives, for administrators.
func (s *Service) Storage(u *symposium.User, sessionTTL time.Duration) (*Storage, error) {
	switch {
	case u == nil:
		return nil, symposium.Unauthorized()
	case !u.IsAdministrator():
		return nil, symposium.Forbidden()
	}
	day := 24 * time.Hour
	return &Storage{Database: s.store.Dialect(), SessionDays: int(sessionTTL / day), MailKeptDays: int(store.MailKept / day),
		TokenTrailDays: int(store.EndedTokenTrail / day), DefaultRetentionDays: symposium.DefaultRetentionDays}, nil
}
