package store

import (
	"context"
	"time"

	"symposium"
)

// Retention returns how long an event keeps registration data after it
// ends, and whether it was shredded.
func (s *Store) Retention(ctx context.Context, eventID string) (symposium.Retention, error) {
	var ends, shredded time.Time
	var days int
	err := s.read.QueryRowContext(ctx, `SELECT ends_at, retention_days, shredded_at FROM events WHERE id = $1`, eventID).
		Scan(timeCol{&ends}, &days, timeCol{&shredded})
	if err != nil {
		return symposium.Retention{}, notFound("retention", err)
	}
	return symposium.NewRetention(ends, days, timeOrNil(shredded)), nil
}

// SetRetention sets how many days an event keeps registration data after
// it ends.
func (s *Store) SetRetention(ctx context.Context, eventID string, days int) error {
	return s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE events SET retention_days = $2 WHERE id = $1`, eventID, days))
		if err != nil {
			return wrap("set retention", err)
		}
		if n == 0 {
			return symposium.NotFound()
		}
		return nil
	})
}

// DueForShredding returns the events whose retention ran out by at and
// whose registration data is not yet shredded.
func (s *Store) DueForShredding(ctx context.Context, at time.Time) ([]string, error) {
	var out []string
	err := s.each(ctx, "due for shredding", `SELECT id, ends_at, retention_days FROM events
		WHERE shredded_at IS NULL AND ends_at < $1 ORDER BY ends_at`, func(sc scanner) error {
		var id string
		var ends time.Time
		var days int
		if err := sc.Scan(&id, timeCol{&ends}, &days); err != nil {
			return err
		}
		if !ends.AddDate(0, 0, days).After(at) {
			out = append(out, id)
		}
		return nil
	}, ts(at))
	return out, err
}

// Shred cuts an event's registration data down to what its report counts:
// each registration keeps its category, status, country, organization and
// whether the person arrived (as the event's first day); names, emails,
// answers, links, arrival times, invitations and the consents given for
// the event go. The audit entry ctx carries records it.
func (s *Store) Shred(ctx context.Context, eventID string, at time.Time) error {
	return s.write(ctx, func(t *tx) error {
		for _, q := range []string{
			`DELETE FROM registration_links WHERE registration_id IN (SELECT id FROM registrations WHERE event_id = $1)`,
			`UPDATE registrations SET email = 'shredded:' || id, name = '{}', answers = '{}', manage_token_hash = '',
				person_id = NULL, hold_until = NULL, listed = FALSE,
				checked_in_at = CASE WHEN checked_in_at IS NULL THEN NULL ELSE (SELECT starts_at FROM events WHERE id = $1) END
				WHERE event_id = $1`,
			`DELETE FROM invitations WHERE event_id = $1`,
			`DELETE FROM consents WHERE scope = $1`,
		} {
			if _, err := t.exec(q, eventID); err != nil {
				return wrap("shred", err)
			}
		}
		_, err := t.exec(`UPDATE events SET shredded_at = $2 WHERE id = $1`, eventID, ts(at))
		return wrap("shred", err)
	})
}
