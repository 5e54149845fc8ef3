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
// event where they registered: yes, no, or "" to withdraw the answer.
// Withdrawing takes every photo they are tagged in off public pages.
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
	id, _, err := s.store.LiveRegistration(ctx, e.ID, u.Email)
	if err != nil {
		return err
	}
	return s.store.SetPhotoConsent(ctx, id, consent)
}
