package store

import (
	"context"
	"fmt"

	"symposium"
)

// CreateProgrammeSession adds a session to an event: a titled group of
// contributions with conveners and a colour. Its room and conveners must
// exist. It keeps the session's ID, or gives it a new one when it has none.
func (s *Store) CreateProgrammeSession(ctx context.Context, ps *symposium.Session) error {
	if ps.ID == "" {
		ps.ID = symposium.NewID()
	}
	err := s.write(ctx, func(t *tx) error {
		if ps.RoomID != "" {
			var n int
			if err := t.queryRow(`SELECT COUNT(*) FROM rooms WHERE id = $1 AND event_id = $2`, ps.RoomID, ps.EventID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return invalidReference("room_id")
			}
		}
		for i, id := range ps.ConvenerIDs {
			var n int
			if err := t.queryRow(`SELECT COUNT(*) FROM people WHERE id = $1 AND merged_into IS NULL`, id).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return invalidReference(fmt.Sprintf("convener_ids.%d", i))
			}
		}
		_, err := t.exec(`INSERT INTO programme_sessions (id, event_id, title, room_id, colour, conveners) VALUES ($1, $2, $3, $4, $5, $6)`,
			ps.ID, ps.EventID, jsonText(ps.Title), nullable(ps.RoomID), ps.Colour, jsonText(orEmpty(ps.ConvenerIDs)))
		if err != nil {
			return err
		}
		return bumpProgramme(t, ps.EventID)
	})
	if symposium.AsError(err) != nil {
		return err
	}
	if err != nil {
		return fmt.Errorf("store: create session: %w", err)
	}
	return nil
}

// ProgrammeSessions lists an event's sessions.
func (s *Store) ProgrammeSessions(ctx context.Context, eventID string) ([]symposium.Session, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, event_id, title, COALESCE(room_id, ''), colour, conveners
		FROM programme_sessions WHERE event_id = $1 ORDER BY id`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: sessions: %w", err)
	}
	defer rows.Close()
	out := []symposium.Session{}
	for rows.Next() {
		var ps symposium.Session
		if err := rows.Scan(&ps.ID, &ps.EventID, jsonCol{&ps.Title}, &ps.RoomID, &ps.Colour, jsonCol{&ps.ConvenerIDs}); err != nil {
			return nil, fmt.Errorf("store: sessions: %w", err)
		}
		out = append(out, ps)
	}
	return out, rows.Err()
}
