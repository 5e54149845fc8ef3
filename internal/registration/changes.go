package registration

import (
	"context"
	"maps"
	"slices"

	"symposium"
	"symposium/internal/secret"
	"symposium/internal/store"
)

// Changes a registration may undergo.
var changes = []string{store.ChangeCancel, store.ChangeApprove, store.ChangeReject}

// statusState is a registration's status as the audit log records it.
type statusState struct {
	Status string `json:"status"`
}

// changeState is a change asked of a registration, as the audit log
// records it.
type changeState struct {
	Change string `json:"change"`
}

// reached is a registration with its event and what the caller may do
// there.
type reached struct {
	reg    *symposium.Registration
	event  *symposium.Event
	access symposium.Access
}

// reach finds a registration, its event and the caller's access there.
func (s *Service) reach(ctx context.Context, u *symposium.User, id string) (*reached, error) {
	r, err := s.store.Registration(ctx, id)
	if err != nil {
		return nil, err
	}
	e, access, err := s.events.Lookup(ctx, u, r.EventID)
	if err != nil {
		return nil, err
	}
	return &reached{reg: r, event: e, access: access}, nil
}

// refuse is the answer to a caller who may not do something with a
// registration: forbidden to those who see the event's registrants, not
// found to everyone else, who may not know it exists.
func (rc *reached) refuse() error {
	if rc.access.CanSee(rc.event) && rc.access.CanSeeRegistrants() {
		return symposium.Forbidden()
	}
	return symposium.NotFound()
}

// Change cancels, approves or rejects the registration with the ID.
// Managers of its event may make any change, recorded in the audit log;
// the registrant may cancel, signed in with its email, verified, or
// holding the secret of its manage link (token). Whoever sees the event's
// registrants otherwise is forbidden; anyone else gets not found.
func (s *Service) Change(ctx context.Context, u *symposium.User, id, change, token string) (*symposium.Registration, error) {
	if !slices.Contains(changes, change) {
		return nil, symposium.NotFound()
	}
	rc, err := s.reach(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if rc.access.CanManage() {
		return s.changeAsManager(ctx, u, rc.event, rc.reg, change)
	}
	if change != store.ChangeCancel || !s.isRegistrant(ctx, u, rc.reg, token) {
		return nil, rc.refuse()
	}
	return s.change(ctx, rc.event, rc.reg.ID, change)
}

// isRegistrant reports whether the caller is the registrant: signed in
// with its email, verified, or holding its manage link's secret.
func (s *Service) isRegistrant(ctx context.Context, u *symposium.User, r *symposium.Registration, token string) bool {
	if u != nil && u.Verified && u.Email == r.Email {
		return true
	}
	if token == "" {
		return false
	}
	byToken, err := s.store.RegistrationByManageToken(ctx, secret.Hash(token))
	return err == nil && byToken.ID == r.ID
}

// changeAsManager makes a manager's change, recording it in the audit log.
func (s *Service) changeAsManager(ctx context.Context, u *symposium.User, e *symposium.Event, r *symposium.Registration, change string) (*symposium.Registration, error) {
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditRegistration, r.ID, statusState{r.Status}, changeState{change})
	return s.change(store.WithAudit(ctx, entry), e, r.ID, change)
}

// change makes a change to a registration of an event, telling those it
// concerns by mail.
func (s *Service) change(ctx context.Context, e *symposium.Event, id, change string) (*symposium.Registration, error) {
	key, err := s.store.EventKey(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	return s.store.ChangeRegistration(ctx, id, change, s.Now(), s.mailer(e, key))
}

// Bulk says what a change to many registrations did.
type Bulk struct {
	Page
	Done, Refused int
}

// BulkChange approves, rejects or cancels registrations of the event with
// the slug, for its managers, each change recorded in the audit log. A
// registration of another event, or one the change does not fit, is
// refused and counted; the others change.
func (s *Service) BulkChange(ctx context.Context, u *symposium.User, slug string, ids []string, change string) (*Bulk, error) {
	e, access, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(changes, change) {
		var p symposium.Problems
		p.Add("action", "error.field.choice")
		return nil, p.Err()
	}
	b := &Bulk{Page: Page{Event: e, Access: access}}
	for _, id := range ids {
		r, err := s.store.Registration(ctx, id)
		if err == nil && r.EventID != e.ID {
			err = symposium.NotFound()
		}
		if err == nil {
			_, err = s.changeAsManager(ctx, u, e, r, change)
		}
		switch {
		case err == nil:
			b.Done++
		case symposium.AsError(err) != nil:
			b.Refused++
		default:
			return nil, err
		}
	}
	return b, nil
}

// Edit changes a registrant's details, for the managers of the
// registration's event: change edits a copy of the stored registration,
// whose name, organization, country, answers and listing are validated
// against the event's form and stored, recorded in the audit log.
func (s *Service) Edit(ctx context.Context, u *symposium.User, id string, change func(*symposium.Registration)) (*symposium.Registration, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	rc, err := s.reach(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if !rc.access.CanManage() {
		return nil, rc.refuse()
	}
	old := rc.reg
	r := *old
	r.Answers, r.Name = maps.Clone(old.Answers), maps.Clone(old.Name)
	change(&r)
	r.ID, r.EventID, r.Email, r.Status = old.ID, old.EventID, old.Email, old.Status
	entry := symposium.NewAuditEntry(u, rc.event.ID, symposium.AuditRegistration, r.ID, old, &r)
	if err := s.updateDetails(store.WithAudit(ctx, entry), rc.event, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// updateDetails validates a registrant's details against the event's
// form and stores them; a change of listing goes into the log of
// consents with the form's words.
func (s *Service) updateDetails(ctx context.Context, e *symposium.Event, r *symposium.Registration) error {
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
	r.ConsentText = s.consentWords(r.Language)
	return s.store.UpdateRegistrationDetails(ctx, r)
}
