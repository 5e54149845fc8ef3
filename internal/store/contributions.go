package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

const contributionColumns = `c.id, c.event_id, c.title, c.kind, c.description, c.starts_at, c.duration_minutes,
	COALESCE(c.room_id, ''), COALESCE(c.session_id, ''), c.topics, c.created_at, c.updated_at`

func scanContribution(row interface{ Scan(...any) error }, c *symposium.Contribution) error {
	var start time.Time
	err := row.Scan(contributionDest(c, &start)...)
	finishContribution(c, start)
	return err
}

// contributionDest lists where the columns of contributionColumns go; the
// start goes to start, for finishContribution.
func contributionDest(c *symposium.Contribution, start *time.Time) []any {
	return []any{&c.ID, &c.EventID, jsonCol{&c.Title}, &c.Kind, jsonCol{&c.Description}, timeCol{start},
		&c.DurationMinutes, &c.RoomID, &c.SessionID, jsonCol{&c.Topics}, timeCol{&c.CreatedAt}, timeCol{&c.UpdatedAt}}
}

// finishContribution sets the start of a scanned contribution, if any.
func finishContribution(c *symposium.Contribution, start time.Time) {
	if !start.IsZero() {
		c.StartsAt = &start
	}
	c.SpeakerIDs = []string{}
}

// SaveContribution creates a contribution (when its ID is empty) or
// replaces an existing one, unless it would conflict with the programme:
// then nothing changes and the error lists every conflict. Its room must be
// one of the event's rooms and its speakers must exist.
func (s *Store) SaveContribution(ctx context.Context, e *symposium.Event, c *symposium.Contribution) error {
	return s.saveContribution(ctx, e, c, c.ID == "")
}

// CreateContribution adds a new contribution under its ID (a new one when
// it has none), so that the caller may name it before it is written; like
// SaveContribution it refuses conflicts.
func (s *Store) CreateContribution(ctx context.Context, e *symposium.Event, c *symposium.Contribution) error {
	return s.saveContribution(ctx, e, c, true)
}

// saveContribution creates or replaces a contribution after the checks of
// SaveContribution.
func (s *Store) saveContribution(ctx context.Context, e *symposium.Event, c *symposium.Contribution, creating bool) error {
	named := c.ID != ""
	if creating {
		if !named {
			c.ID = symposium.NewID()
		}
		c.CreatedAt = now()
	}
	c.EventID = e.ID
	err := s.write(ctx, func(t *tx) error {
		// Programme changes to one event happen one at a time, so that two
		// concurrent bookings cannot both pass the conflict check.
		if _, err := t.exec(`SELECT id FROM events WHERE id = $1`+t.d.forUpdate, e.ID); err != nil {
			return err
		}
		if err := checkReferences(t, c); err != nil {
			return err
		}
		if conflicts, err := programmeConflicts(t, e, c); err != nil || len(conflicts) > 0 {
			if err != nil {
				return err
			}
			return symposium.ConflictError(conflicts)
		}
		if err := upsertContribution(t, c, creating); err != nil {
			return err
		}
		if err := t.changed(ChangeContribution, c.ID); err != nil {
			return err
		}
		return bumpProgramme(t, e.ID)
	})
	if err != nil {
		if creating && !named {
			c.ID = ""
		}
		if symposium.AsError(err) != nil {
			return err
		}
		return fmt.Errorf("store: save contribution: %w", err)
	}
	return nil
}

// checkReferences makes sure the room and the session belong to the event
// and every speaker exists, naming the field that does not.
func checkReferences(t *tx, c *symposium.Contribution) error {
	if c.RoomID != "" {
		var n int
		if err := t.queryRow(`SELECT COUNT(*) FROM rooms WHERE id = $1 AND event_id = $2`, c.RoomID, c.EventID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return invalidReference("room_id")
		}
	}
	if c.SessionID != "" {
		var n int
		if err := t.queryRow(`SELECT COUNT(*) FROM programme_sessions WHERE id = $1 AND event_id = $2`, c.SessionID, c.EventID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return invalidReference("session_id")
		}
	}
	for i, id := range c.SpeakerIDs {
		var n int
		if err := t.queryRow(`SELECT COUNT(*) FROM people WHERE id = $1 AND merged_into IS NULL`, id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return invalidReference(fmt.Sprintf("speaker_ids.%d", i))
		}
	}
	return nil
}

// programmeConflicts loads the entries that could overlap c and finds the
// conflicts.
func programmeConflicts(t *tx, e *symposium.Event, c *symposium.Contribution) ([]symposium.Conflict, error) {
	if c.StartsAt == nil {
		return nil, nil
	}
	from := c.StartsAt.Add(-symposium.MaxDurationMinutes * time.Minute)
	rows, err := t.query(`SELECT `+contributionColumns+` FROM contributions c
		WHERE c.event_id = $1 AND c.id <> $2 AND c.starts_at IS NOT NULL AND c.starts_at > $3 AND c.starts_at < $4`,
		e.ID, c.ID, ts(from), ts(*c.EndsAt()))
	if err != nil {
		return nil, err
	}
	var others []symposium.Contribution
	for rows.Next() {
		var o symposium.Contribution
		if err := scanContribution(rows, &o); err != nil {
			rows.Close()
			return nil, err
		}
		others = append(others, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := loadSpeakers(t.ctx, t.sql, t.d, others); err != nil {
		return nil, err
	}
	names, err := speakerNames(t, c.SpeakerIDs)
	if err != nil {
		return nil, err
	}
	return symposium.FindConflicts(e, c, others, names), nil
}

// speakerNames returns the names of the people with these IDs.
func speakerNames(t *tx, ids []string) (map[string]symposium.LocalizedText, error) {
	names := map[string]symposium.LocalizedText{}
	rows, err := t.query(`SELECT id, name FROM people WHERE id IN (SELECT value FROM `+t.d.jsonEach("$1")+`)`, jsonText(orEmpty(ids)))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var name symposium.LocalizedText
		if err := rows.Scan(&id, jsonCol{&name}); err != nil {
			return nil, err
		}
		names[id] = name
	}
	return names, rows.Err()
}

// upsertContribution writes the contribution and its speakers.
func upsertContribution(t *tx, c *symposium.Contribution, creating bool) error {
	var start any
	if c.StartsAt != nil {
		start = ts(*c.StartsAt)
	}
	args := []any{c.ID, c.EventID, jsonText(c.Title), c.Kind, jsonText(c.Description), start, c.DurationMinutes,
		nullable(c.RoomID), nullable(c.SessionID), jsonText(orEmpty(c.Topics)), ts(now())}
	q := `UPDATE contributions SET title = $3, kind = $4, description = $5, starts_at = $6, duration_minutes = $7,
		room_id = $8, session_id = $9, topics = $10, updated_at = $11 WHERE id = $1 AND event_id = $2`
	if creating {
		q = `INSERT INTO contributions (id, event_id, title, kind, description, starts_at, duration_minutes, room_id,
			session_id, topics, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`
	}
	n, err := affected(t.exec(q, args...))
	if err != nil {
		return err
	}
	if n == 0 {
		return symposium.NotFound()
	}
	if _, err := t.exec(`DELETE FROM contribution_speakers WHERE contribution_id = $1`, c.ID); err != nil {
		return err
	}
	for i, id := range c.SpeakerIDs {
		if _, err := t.exec(`INSERT INTO contribution_speakers (contribution_id, person_id, position) VALUES ($1, $2, $3)`, c.ID, id, i); err != nil {
			return err
		}
	}
	return nil
}

// DeleteContribution removes a contribution from an event.
func (s *Store) DeleteContribution(ctx context.Context, eventID, id string) error {
	var n int64
	err := s.write(ctx, func(t *tx) error {
		var err error
		n, err = affected(t.exec(`DELETE FROM contributions WHERE id = $1 AND event_id = $2`, id, eventID))
		if err != nil || n == 0 {
			return err
		}
		if err := t.changed(ChangeContribution, id); err != nil {
			return err
		}
		return bumpProgramme(t, eventID)
	})
	if err != nil {
		return fmt.Errorf("store: delete contribution: %w", err)
	}
	if n == 0 {
		return symposium.NotFound()
	}
	return nil
}
