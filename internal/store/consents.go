package store

import (
	"context"
	"database/sql"
	"errors"

	"symposium"
)

// RecordConsent adds an answer to the log of consents. Withdrawing the
// participant-list consent for an event also takes the email's
// registrations there off the list, in the same transaction, so that the
// answer holds everywhere at once.
func (s *Store) RecordConsent(ctx context.Context, c *symposium.Consent) error {
	if c.ID == "" {
		c.ID = symposium.NewID()
	}
	if c.At.IsZero() {
		c.At = now()
	}
	return s.write(ctx, func(t *tx) error {
		if err := insertConsent(t, c); err != nil {
			return err
		}
		return honourConsent(t, c)
	})
}

// honourConsent makes an answer hold at once wherever its kind of data is
// used: on the participant lists and in the photos of the email's
// registrations, and, once withdrawn, in the matchmaking catalogue.
func honourConsent(t *tx, c *symposium.Consent) error {
	var q string
	args := []any{c.Email, c.Scope}
	switch c.Kind {
	case symposium.ConsentParticipantList:
		q = `UPDATE registrations SET listed = $3, updated_at = $4 WHERE email = $1 AND ($2 = '' OR event_id = $2)`
		args = append(args, c.Granted, ts(now()))
	case symposium.ConsentPhotos:
		q = `UPDATE registrations SET photo_consent = $3, updated_at = $4 WHERE email = $1 AND ($2 = '' OR event_id = $2)`
		args = append(args, map[bool]string{true: symposium.PhotoConsentYes, false: symposium.PhotoConsentNo}[c.Granted], ts(now()))
	case symposium.ConsentMatchmaking:
		if c.Granted {
			return nil
		}
		q = `DELETE FROM matchmaking_profiles WHERE ($2 = '' OR event_id = $2)
			AND person_id IN (SELECT id FROM people WHERE email = $1 AND merged_into IS NULL)`
	default:
		return nil
	}
	_, err := t.exec(q, args...)
	return wrap("consent: "+c.Kind, err)
}

// insertConsent writes one answer inside a transaction.
func insertConsent(t *tx, c *symposium.Consent) error {
	_, err := t.exec(`INSERT INTO consents (id, email, kind, scope, granted, text, language, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, c.ID, c.Email, c.Kind, c.Scope, c.Granted, c.Text, c.Language, ts(c.At))
	return wrap("consent", err)
}

// Consents returns the log of an email's answers, oldest first.
func (s *Store) Consents(ctx context.Context, email string) ([]symposium.Consent, error) {
	out := []symposium.Consent{}
	if email == "" {
		return out, nil
	}
	err := s.each(ctx, "consents", `SELECT id, email, kind, scope, granted, text, language, at FROM consents
		WHERE email = $1 ORDER BY at, id`, func(sc scanner) error {
		var c symposium.Consent
		if err := sc.Scan(&c.ID, &c.Email, &c.Kind, &c.Scope, &c.Granted, &c.Text, &c.Language, timeCol{&c.At}); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	}, email)
	return out, err
}

// Consented reports whether the email's newest answer for kind and scope
// gives consent; no answer is no consent.
func (s *Store) Consented(ctx context.Context, email, kind, scope string) (bool, error) {
	var granted bool
	err := s.read.QueryRowContext(ctx, `SELECT granted FROM consents WHERE email = $1 AND kind = $2 AND scope = $3
		ORDER BY at DESC, id DESC LIMIT 1`, email, kind, scope).Scan(&granted)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return granted, wrap("consented", err)
}
