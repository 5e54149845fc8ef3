package store

import (
	"context"
	"fmt"

	"symposium"
)

// CreateRoom adds a room to an event, after the rooms it has, under its
// ID or, when it has none, a new one.
func (s *Store) CreateRoom(ctx context.Context, r *symposium.Room) error {
	if r.ID == "" {
		r.ID = symposium.NewID()
	}
	err := s.write(ctx, func(t *tx) error {
		err := t.queryRow(`SELECT COALESCE(MAX(position), -1) + 1 FROM rooms WHERE event_id = $1`, r.EventID).Scan(&r.Position)
		if err != nil {
			return err
		}
		_, err = t.exec(`INSERT INTO rooms (id, event_id, name, capacity, position) VALUES ($1, $2, $3, $4, $5)`,
			r.ID, r.EventID, jsonText(r.Name), r.Capacity, r.Position)
		if err != nil {
			return err
		}
		return bumpProgramme(t, r.EventID)
	})
	if err != nil {
		return fmt.Errorf("store: create room: %w", err)
	}
	return nil
}

// UpdateRoom stores a room's name and capacity.
func (s *Store) UpdateRoom(ctx context.Context, r *symposium.Room) error {
	var n int64
	err := s.write(ctx, func(t *tx) error {
		var err error
		n, err = affected(t.exec(`UPDATE rooms SET name = $3, capacity = $4 WHERE id = $1 AND event_id = $2`,
			r.ID, r.EventID, jsonText(r.Name), r.Capacity))
		if err != nil || n == 0 {
			return err
		}
		return bumpProgramme(t, r.EventID)
	})
	if err != nil {
		return fmt.Errorf("store: update room: %w", err)
	}
	if n == 0 {
		return symposium.NotFound()
	}
	return nil
}

// Rooms lists an event's rooms in their order.
func (s *Store) Rooms(ctx context.Context, eventID string) ([]symposium.Room, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, event_id, name, capacity, position FROM rooms WHERE event_id = $1 ORDER BY position, id`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: rooms: %w", err)
	}
	defer rows.Close()
	out := []symposium.Room{}
	for rows.Next() {
		var r symposium.Room
		if err := rows.Scan(&r.ID, &r.EventID, jsonCol{&r.Name}, &r.Capacity, &r.Position); err != nil {
			return nil, fmt.Errorf("store: rooms: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
