package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

// Timetable returns the scheduled programme of an event with rooms and
// speakers. It is cached per event and programme version, so the event
// must have been read just before; the timetable returned is shared and
// must not be modified.
func (s *Store) Timetable(ctx context.Context, e *symposium.Event) (*symposium.Timetable, error) {
	if tt := s.timetables.get(e.ID, e.ProgrammeVersion); tt != nil {
		return tt, nil
	}
	tt, err := s.loadTimetable(ctx, e)
	if err != nil {
		return nil, err
	}
	s.timetables.put(e.ID, e.ProgrammeVersion, tt)
	return tt, nil
}

// loadTimetable reads a timetable in four queries, whatever its size.
func (s *Store) loadTimetable(ctx context.Context, e *symposium.Event) (*symposium.Timetable, error) {
	rooms, err := s.Rooms(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	byRoom := make(map[string]*symposium.RoomRef, len(rooms))
	for _, r := range rooms {
		byRoom[r.ID] = &symposium.RoomRef{ID: r.ID, Name: r.Name}
	}
	sessions, err := s.ProgrammeSessions(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	bySession := make(map[string]*symposium.SessionRef, len(sessions))
	for _, ps := range sessions {
		bySession[ps.ID] = &symposium.SessionRef{ID: ps.ID, Title: ps.Title, Colour: ps.Colour}
	}
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, c.title, c.kind, c.starts_at, c.duration_minutes, COALESCE(c.room_id, ''),
		COALESCE(c.session_id, ''), c.topics
		FROM contributions c LEFT JOIN rooms r ON r.id = c.room_id
		WHERE c.event_id = $1 AND c.starts_at IS NOT NULL
		ORDER BY c.starts_at, COALESCE(r.position, 1000000), c.id`, e.ID)
	if err != nil {
		return nil, fmt.Errorf("store: timetable: %w", err)
	}
	defer rows.Close()
	loc := e.Location()
	tt := &symposium.Timetable{Timezone: e.Timezone, Entries: []symposium.TimetableEntry{}}
	index := map[string]int{}
	for rows.Next() {
		var en symposium.TimetableEntry
		var minutes int
		var roomID, sessionID string
		if err := rows.Scan(&en.ID, jsonCol{&en.Title}, &en.Kind, timeCol{&en.StartsAt}, &minutes, &roomID, &sessionID, jsonCol{&en.Topics}); err != nil {
			return nil, fmt.Errorf("store: timetable: %w", err)
		}
		en.StartsAt = en.StartsAt.In(loc)
		en.EndsAt = en.StartsAt.Add(time.Duration(minutes) * time.Minute)
		en.Room = byRoom[roomID]
		en.Session = bySession[sessionID]
		en.Speakers = []symposium.PersonRef{}
		index[en.ID] = len(tt.Entries)
		tt.Entries = append(tt.Entries, en)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: timetable: %w", err)
	}
	return tt, s.timetableSpeakers(ctx, e.ID, tt, index)
}

// timetableSpeakers fills in the speakers of every entry.
func (s *Store) timetableSpeakers(ctx context.Context, eventID string, tt *symposium.Timetable, index map[string]int) error {
	rows, err := s.read.QueryContext(ctx, `SELECT cs.contribution_id, p.id, p.name
		FROM contribution_speakers cs
		JOIN contributions c ON c.id = cs.contribution_id
		JOIN people p ON p.id = cs.person_id
		WHERE c.event_id = $1 AND c.starts_at IS NOT NULL
		ORDER BY cs.contribution_id, cs.position`, eventID)
	if err != nil {
		return fmt.Errorf("store: timetable speakers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var cid string
		var p symposium.PersonRef
		if err := rows.Scan(&cid, &p.ID, jsonCol{&p.Name}); err != nil {
			return fmt.Errorf("store: timetable speakers: %w", err)
		}
		if i, ok := index[cid]; ok {
			tt.Entries[i].Speakers = append(tt.Entries[i].Speakers, p)
		}
	}
	return rows.Err()
}
