package outcomes

import (
	"context"

	"symposium"
)

// PhotoConsent returns the caller's answer to photo consent at the event:
// not found when they hold no live registration there.
func (s *Service) PhotoConsent(ctx context.Context, u *symposium.User, slug string) (string, error) {
	e, _, err := s.require(ctx, u, slug, func(a symposium.Access) bool { return a.Registered })
	if err != nil {
		return "", err
	}
	_, consent, err := s.store.LiveRegistration(ctx, e.ID, u.Email)
	return consent, err
}

// SetPhotoConsent records the caller's answer to photo consent at the
// event where they registered, in the log of consents with the words the
// page showed in the caller's language: yes, or no; "" withdraws consent
// as no does. Withdrawing takes every photo they are tagged in off public
// pages at once, since every reader of photo consent reads the log.
func (s *Service) SetPhotoConsent(ctx context.Context, u *symposium.User, slug, consent string) error {
	e, _, err := s.require(ctx, u, slug, func(a symposium.Access) bool { return a.Registered })
	if err != nil {
		return err
	}
	if consent != symposium.PhotoConsentYes && consent != symposium.PhotoConsentNo && consent != symposium.PhotoConsentUnanswered {
		var p symposium.Problems
		p.Add("consent", "error.field.one_of", "Allowed", "yes, no")
		return p.Err()
	}
	if _, _, err := s.store.LiveRegistration(ctx, e.ID, u.Email); err != nil {
		return err
	}
	lang := symposium.LanguageFromContext(ctx)
	if lang == "" {
		lang = u.Language
	}
	l := s.bundle.For(lang)
	return s.store.RecordConsent(ctx, &symposium.Consent{Email: u.Email, Kind: symposium.ConsentPhotos, Scope: e.ID,
		Granted: consent == symposium.PhotoConsentYes, Text: l.T("consent.question") + " " + l.T("consent.explain"), Language: lang})
}
