package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"symposium"
)

// SaveMatchmaking stores an event's matchmaking settings and its slots:
// slots with an ID the event has keep it and are changed, slots without
// one are added under a new ID, and slots left out are removed with their
// meetings.
func (s *Store) SaveMatchmaking(ctx context.Context, m *symposium.Matchmaking) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO matchmaking (event_id, opens_at, closes_at, requests_per_person, approval, industry_science,
				tables, interpreters, delegations, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
			ON CONFLICT (event_id) DO UPDATE SET opens_at = $2, closes_at = $3, requests_per_person = $4, approval = $5,
				industry_science = $6, tables = $7, interpreters = $8, delegations = $9, updated_at = $10`,
			m.EventID, ts(m.OpensAt), ts(m.ClosesAt), m.RequestsPerPerson, m.Approval, m.IndustryScience,
			jsonText(emptyList(m.Tables)), jsonText(emptyList(m.Interpreters)), jsonText(emptyList(m.Delegations)), ts(now()))
		if err != nil {
			return err
		}
		return saveSlots(t, m)
	})
	if err != nil {
		return fmt.Errorf("store: save matchmaking: %w", err)
	}
	return nil
}

// emptyList returns an empty list for nil, so that it is stored as [].
func emptyList[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// saveSlots replaces the event's slots by m's.
func saveSlots(t *tx, m *symposium.Matchmaking) error {
	old := map[string]bool{}
	rows, err := t.query(`SELECT id FROM matchmaking_slots WHERE event_id = $1`, m.EventID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		old[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range m.Slots {
		sl := &m.Slots[i]
		if old[sl.ID] {
			delete(old, sl.ID)
			_, err = t.exec(`UPDATE matchmaking_slots SET position = $2, starts_at = $3, ends_at = $4, tables = $5 WHERE id = $1`,
				sl.ID, i, ts(sl.StartsAt), ts(sl.EndsAt), sl.Tables)
		} else {
			sl.ID = symposium.NewID()
			_, err = t.exec(`INSERT INTO matchmaking_slots (id, event_id, position, starts_at, ends_at, tables) VALUES ($1, $2, $3, $4, $5, $6)`,
				sl.ID, m.EventID, i, ts(sl.StartsAt), ts(sl.EndsAt), sl.Tables)
		}
		if err != nil {
			return err
		}
	}
	for id := range old {
		if _, err := t.exec(`DELETE FROM matchmaking_slots WHERE id = $1`, id); err != nil {
			return err
		}
	}
	return nil
}

// Matchmaking returns an event's matchmaking with its slots in time
// order; an event without matchmaking is not found.
func (s *Store) Matchmaking(ctx context.Context, eventID string) (*symposium.Matchmaking, error) {
	m := &symposium.Matchmaking{EventID: eventID}
	var published time.Time
	err := s.read.QueryRowContext(ctx, `SELECT opens_at, closes_at, requests_per_person, approval, industry_science,
			tables, interpreters, delegations, published_weight, published_bound, published_at
		FROM matchmaking WHERE event_id = $1`, eventID).Scan(timeCol{&m.OpensAt}, timeCol{&m.ClosesAt}, &m.RequestsPerPerson,
		&m.Approval, &m.IndustryScience, jsonCol{&m.Tables}, jsonCol{&m.Interpreters}, jsonCol{&m.Delegations},
		&m.PublishedWeight, &m.PublishedBound, timeCol{&published})
	if err != nil {
		return nil, notFound("matchmaking", err)
	}
	if !published.IsZero() {
		m.PublishedAt = &published
	}
	m.Slots = []symposium.MeetingSlot{}
	err = s.each(ctx, "matchmaking slots", `SELECT id, starts_at, ends_at, tables FROM matchmaking_slots
		WHERE event_id = $1 ORDER BY starts_at, position`, func(sc scanner) error {
		var sl symposium.MeetingSlot
		if err := sc.Scan(&sl.ID, timeCol{&sl.StartsAt}, timeCol{&sl.EndsAt}, &sl.Tables); err != nil {
			return err
		}
		m.Slots = append(m.Slots, sl)
		return nil
	}, eventID)
	return m, err
}

// ConfirmedParticipants returns, of the people given, those holding a
// confirmed registration for the event, by their person ID or, for
// registrations not yet linked, by their email.
func (s *Store) ConfirmedParticipants(ctx context.Context, eventID string, personIDs []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(personIDs) == 0 {
		return out, nil
	}
	err := s.each(ctx, "confirmed participants", `SELECT p.id FROM people p
		WHERE p.id IN (SELECT value FROM `+s.d.jsonEach("$2")+`) AND EXISTS (SELECT 1 FROM registrations r
			WHERE r.event_id = $1 AND r.status = 'confirmed'
			  AND (r.person_id = p.id OR (p.email <> '' AND r.email = p.email)))`, func(sc scanner) error {
		var id string
		if err := sc.Scan(&id); err != nil {
			return err
		}
		out[id] = true
		return nil
	}, eventID, jsonText(personIDs))
	return out, err
}

// Busy is when a person is taken by the programme: a talk they give, or a
// session they chair.
type Busy struct {
	PersonID         string
	StartsAt, EndsAt time.Time
	Title            symposium.LocalizedText
}

// ProgrammeBusy returns the scheduled contributions of an event each
// person speaks at or whose session they chair.
func (s *Store) ProgrammeBusy(ctx context.Context, eventID string) ([]Busy, error) {
	var out []Busy
	var rows []struct {
		c         Busy
		dur       int
		conveners []string
	}
	err := s.each(ctx, "programme busy", `SELECT COALESCE(cs.person_id, ''), c.starts_at, c.duration_minutes, c.title,
			COALESCE(ps.conveners, '[]')
		FROM contributions c
		LEFT JOIN contribution_speakers cs ON cs.contribution_id = c.id
		LEFT JOIN programme_sessions ps ON ps.id = c.session_id
		WHERE c.event_id = $1 AND c.starts_at IS NOT NULL`, func(sc scanner) error {
		var r struct {
			c         Busy
			dur       int
			conveners []string
		}
		if err := sc.Scan(&r.c.PersonID, timeCol{&r.c.StartsAt}, &r.dur, jsonCol{&r.c.Title}, jsonCol{&r.conveners}); err != nil {
			return err
		}
		rows = append(rows, r)
		return nil
	}, eventID)
	for _, r := range rows {
		r.c.EndsAt = r.c.StartsAt.Add(time.Duration(r.dur) * time.Minute)
		if r.c.PersonID != "" {
			out = append(out, r.c)
		}
		for _, id := range r.conveners {
			b := r.c
			b.PersonID = id
			out = append(out, b)
		}
	}
	return out, err
}

// ParticipantLanguage returns the language a person registered for an
// event in, or "" when they hold no live registration.
func (s *Store) ParticipantLanguage(ctx context.Context, eventID, personID string) (string, error) {
	var lang string
	err := s.read.QueryRowContext(ctx, `SELECT r.language FROM registrations r JOIN people p ON p.id = $2
		WHERE r.event_id = $1 AND r.status IN ('confirmed', 'waitlisted', 'pending')
		  AND (r.person_id = p.id OR (p.email <> '' AND r.email = p.email))
		ORDER BY r.created_at LIMIT 1`, eventID, personID).Scan(&lang)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: participant language: %w", err)
	}
	return lang, nil
}
