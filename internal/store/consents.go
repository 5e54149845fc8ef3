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
// used: on the participant lists of the email's registrations and, once
// withdrawn, in the matchmaking catalogue. Photo consent needs nothing
// here: every reader of it reads the log (photoConsentOf).
func honourConsent(t *tx, c *symposium.Consent) error {
	var q string
	args := []any{c.Email, c.Scope}
	switch c.Kind {
	case symposium.ConsentParticipantList:
		q = `UPDATE registrations SET listed = $3, updated_at = $4 WHERE email = $1 AND ($2 = '' OR event_id = $2)`
		args = append(args, c.Granted, ts(now()))
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

// photoConsentOf is the SQL for the photo consent of the registration
// the table or alias names: the newest answer in the log of its email
// for its event or the whole site, "yes" or "no"; "" when there is none.
// The log is the one place photo consent is kept.
func photoConsentOf(registration string) string {
	return `COALESCE((SELECT CASE WHEN c.granted THEN 'yes' ELSE 'no' END FROM consents c
		WHERE c.email = ` + registration + `.email AND c.email <> '' AND c.kind = 'photos' AND c.scope IN (` + registration + `.event_id, '')
		ORDER BY c.at DESC, c.id DESC LIMIT 1), '')`
}

// registrationConsents logs the answers a registration form gave: whether
// to be on the event's participant list, always, and photo consent when
// answered, with the words the form showed in the registration's
// language.
func registrationConsents(t *tx, r *symposium.Registration) error {
	at := r.CreatedAt
	if at.IsZero() {
		at = now()
	}
	list := []*symposium.Consent{{Kind: symposium.ConsentParticipantList, Granted: r.Listed}}
	if r.PhotoConsent != symposium.PhotoConsentUnanswered {
		list = append(list, &symposium.Consent{Kind: symposium.ConsentPhotos, Granted: r.PhotoConsent == symposium.PhotoConsentYes})
	}
	for _, c := range list {
		c.ID, c.Email, c.Scope, c.Text, c.Language, c.At = symposium.NewID(), r.Email, r.EventID, r.ConsentText[c.Kind], r.Language, at
		if err := insertConsent(t, c); err != nil {
			return err
		}
	}
	return nil
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
