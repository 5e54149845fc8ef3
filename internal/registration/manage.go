package registration

import (
	"context"

	"symposium"
	"symposium/internal/secret"
	"symposium/internal/store"
	"symposium/internal/ticket"
)

// Managed is what a registrant's manage link opens: their registration,
// with its ticket when confirmed, its category and the event's form.
type Managed struct {
	Page
	Registration *symposium.Registration
	Category     *symposium.Category
	Questions    []symposium.Question
}

// open finds the registration a manage link opens and its event, and
// records that the registrant opened a link mailed to them, which confirms
// the address and keeps a held seat. The link is what lets its holder in,
// whoever is signed in.
func (s *Service) open(ctx context.Context, u *symposium.User, token string) (*Managed, error) {
	r, err := s.store.RegistrationByManageToken(ctx, secret.Hash(token))
	if err != nil {
		return nil, err
	}
	e, access, err := s.events.Lookup(ctx, u, r.EventID)
	if err != nil {
		return nil, err
	}
	if err := s.store.ConfirmRegistration(ctx, secret.Hash(token)); err != nil {
		return nil, err
	}
	r.EmailConfirmed, r.HoldUntil = true, nil
	return &Managed{Page: Page{Event: e, Access: access}, Registration: r}, nil
}

// Manage returns what a manage link opens, confirming the registrant's
// address.
func (s *Service) Manage(ctx context.Context, u *symposium.User, token string) (*Managed, error) {
	m, err := s.open(ctx, u, token)
	if err != nil {
		return nil, err
	}
	return m, s.fill(ctx, m)
}

// fill adds the ticket, the category and the form's questions.
func (s *Service) fill(ctx context.Context, m *Managed) error {
	r := m.Registration
	var err error
	if m.Questions, err = s.store.Questions(ctx, r.EventID); err != nil {
		return err
	}
	cats, err := s.store.Categories(ctx, r.EventID)
	if err != nil {
		return err
	}
	for i := range cats {
		if cats[i].ID == r.CategoryID {
			m.Category = &cats[i]
		}
	}
	if r.Ticket, err = s.ticket(ctx, r); err != nil {
		return err
	}
	r.WaitlistPlace, err = s.store.WaitlistPlace(ctx, r.ID)
	return err
}

// ticket returns a confirmed registration's ticket, or "".
func (s *Service) ticket(ctx context.Context, r *symposium.Registration) (string, error) {
	if r.Status != symposium.RegConfirmed {
		return "", nil
	}
	key, err := s.store.EventKey(ctx, r.EventID)
	if err != nil {
		return "", err
	}
	return ticket.Sign(key, r.EventID, r.ID)
}

// CancelOwn cancels the registration a manage link opens; the freed seat
// goes to the waiting list.
func (s *Service) CancelOwn(ctx context.Context, u *symposium.User, token string) error {
	m, err := s.open(ctx, u, token)
	if err != nil {
		return err
	}
	_, err = s.change(ctx, m.Event, m.Registration.ID, store.ChangeCancel)
	return err
}

// RenewLink replaces the manage links of the registration a link opens
// with a new one and mails it, so that a link that leaked stops working.
// It returns the registration's event.
func (s *Service) RenewLink(ctx context.Context, u *symposium.User, token string) (*symposium.Event, error) {
	m, err := s.open(ctx, u, token)
	if err != nil {
		return nil, err
	}
	return m.Event, s.newLink(ctx, m.Event, m.Registration.ID, true)
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

// UpdateOwn lets the registrant a manage link opens change their name,
// organization, country, answers and listing: change edits the stored
// registration, which is checked against the event's form and stored. It
// returns what the link opens, with the details as given even when they
// were refused, to show them again.
func (s *Service) UpdateOwn(ctx context.Context, u *symposium.User, token string, change func(*symposium.Registration)) (*Managed, error) {
	m, err := s.open(ctx, u, token)
	if err != nil {
		return nil, err
	}
	r := m.Registration
	id, eventID, email, status := r.ID, r.EventID, r.Email, r.Status
	change(r)
	r.ID, r.EventID, r.Email, r.Status = id, eventID, email, status
	err = s.updateDetails(ctx, m.Event, r)
	if ferr := s.fill(ctx, m); ferr != nil {
		return nil, ferr
	}
	return m, err
}

// SetOwnPhotoConsent records the answer to photo consent that the
// registrant a manage link opens gives on their page, no account needed:
// yes, or no ("" withdraws consent as no does). It goes into the log of
// consents with the page's words in lang, and holds at once: the
// registrant's photos leave public pages and their badge says no photos.
func (s *Service) SetOwnPhotoConsent(ctx context.Context, u *symposium.User, token, consent, lang string) (*Managed, error) {
	if consent != symposium.PhotoConsentYes && consent != symposium.PhotoConsentNo && consent != symposium.PhotoConsentUnanswered {
		var p symposium.Problems
		p.Add("photo_consent", "error.field.one_of", "Allowed", "yes, no")
		return nil, p.Err()
	}
	m, err := s.open(ctx, u, token)
	if err != nil {
		return nil, err
	}
	r := m.Registration
	if lang == "" {
		lang = r.Language
	}
	c := &symposium.Consent{Email: r.Email, Kind: symposium.ConsentPhotos, Scope: r.EventID,
		Granted: consent == symposium.PhotoConsentYes, Text: s.consentWords(lang)[symposium.ConsentPhotos], Language: lang}
	if err := s.store.RecordConsent(ctx, c); err != nil {
		return nil, err
	}
	r.PhotoConsent = map[bool]string{true: symposium.PhotoConsentYes, false: symposium.PhotoConsentNo}[c.Granted]
	return m, nil
}
