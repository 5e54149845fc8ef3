package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"symposium"
)

const minutesColumns = `id, event_id, COALESCE(contribution_id, ''), COALESCE(session_id, ''), body, status, revision,
	updated_at, updated_by, updated_by_name`

func scanMinutes(row interface{ Scan(...any) error }) (*symposium.Minutes, error) {
	var m symposium.Minutes
	err := row.Scan(&m.ID, &m.EventID, &m.ContributionID, &m.SessionID, jsonCol{&m.Body}, &m.Status, &m.Revision,
		timeCol{&m.UpdatedAt}, &m.UpdatedBy, &m.UpdatedByName)
	return &m, err
}

// Minutes returns the minutes of a contribution (or, with session set, of
// a session) of the event.
func (s *Store) Minutes(ctx context.Context, eventID, subjectID string, session bool) (*symposium.Minutes, error) {
	col := "contribution_id"
	if session {
		col = "session_id"
	}
	m, err := scanMinutes(s.read.QueryRowContext(ctx, `SELECT `+minutesColumns+` FROM minutes
		WHERE event_id = $1 AND `+col+` = $2`, eventID, subjectID))
	if err != nil {
		return nil, notFound("minutes", err)
	}
	return m, nil
}

// EventMinutes returns every minutes of the event, in no order.
func (s *Store) EventMinutes(ctx context.Context, eventID string) ([]*symposium.Minutes, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+minutesColumns+` FROM minutes WHERE event_id = $1`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: event minutes: %w", err)
	}
	defer rows.Close()
	var out []*symposium.Minutes
	for rows.Next() {
		m, err := scanMinutes(rows)
		if err != nil {
			return nil, fmt.Errorf("store: event minutes: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SaveMinutes stores m as the next revision of its subject's minutes,
// provided the stored revision is still base (0: none yet), and keeps the
// revision in the history. A different stored revision refuses the save
// with staleErr, locked minutes with a conflict; nothing is written then.
// m gets its ID, revision and time.
func (s *Store) SaveMinutes(ctx context.Context, m *symposium.Minutes, base int, staleErr error) error {
	err := s.write(ctx, func(t *tx) error {
		var id, status string
		var rev int
		row := t.queryRow(`SELECT id, status, revision FROM minutes WHERE event_id = $1
			AND COALESCE(contribution_id, '') = $2 AND COALESCE(session_id, '') = $3`, m.EventID, m.ContributionID, m.SessionID)
		if err := row.Scan(&id, &status, &rev); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if status == symposium.MinutesLocked {
			return symposium.Errorf(symposium.ECONFLICT, "error.minutes_locked")
		}
		if rev != base {
			return staleErr
		}
		m.Revision, m.UpdatedAt = rev+1, now()
		if id == "" {
			m.ID = symposium.NewID()
			if _, err := t.exec(`INSERT INTO minutes (id, event_id, contribution_id, session_id, body, status, revision, updated_at, updated_by, updated_by_name)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, m.ID, m.EventID, nullable(m.ContributionID), nullable(m.SessionID),
				jsonText(m.Body), m.Status, m.Revision, ts(m.UpdatedAt), m.UpdatedBy, m.UpdatedByName); err != nil {
				return err
			}
		} else {
			m.ID = id
			if _, err := t.exec(`UPDATE minutes SET body = $2, status = $3, revision = $4, updated_at = $5, updated_by = $6, updated_by_name = $7
				WHERE id = $1`, id, jsonText(m.Body), m.Status, m.Revision, ts(m.UpdatedAt), m.UpdatedBy, m.UpdatedByName); err != nil {
				return err
			}
		}
		_, err := t.exec(`INSERT INTO minutes_revisions (minutes_id, revision, body, status, at, by_id, by_name)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, m.ID, m.Revision, jsonText(m.Body), m.Status, ts(m.UpdatedAt), m.UpdatedBy, m.UpdatedByName)
		return err
	})
	if symposium.AsError(err) != nil {
		return err
	}
	if err != nil {
		return fmt.Errorf("store: save minutes: %w", err)
	}
	return nil
}

// MinutesRevisions returns every saved revision of the minutes, newest
// first.
func (s *Store) MinutesRevisions(ctx context.Context, minutesID string) ([]symposium.MinutesRevision, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT revision, body, status, at, by_name FROM minutes_revisions
		WHERE minutes_id = $1 ORDER BY revision DESC`, minutesID)
	if err != nil {
		return nil, fmt.Errorf("store: minutes revisions: %w", err)
	}
	defer rows.Close()
	var out []symposium.MinutesRevision
	for rows.Next() {
		var r symposium.MinutesRevision
		if err := rows.Scan(&r.Revision, jsonCol{&r.Body}, &r.Status, timeCol{&r.At}, &r.ByName); err != nil {
			return nil, fmt.Errorf("store: minutes revisions: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
