package store

import (
	"context"
	"fmt"
	"time"
)

// Operations are the figures an operator watches, read from the database:
// what every instance shares.
type Operations struct {
	// OutboxBacklog counts mail neither sent nor given up on; OldestQueued
	// is when the oldest of them was queued (zero when there is none).
	OutboxBacklog int64
	OldestQueued  time.Time
	// Registrations counts registrations by status; CheckedIn those
	// checked in at the desk.
	Registrations map[string]int64
	CheckedIn     int64
}

// Operations reads the operational figures.
func (s *Store) Operations(ctx context.Context) (*Operations, error) {
	op := &Operations{Registrations: map[string]int64{}}
	err := s.read.QueryRowContext(ctx, `SELECT count(*), min(created_at) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL`).
		Scan(&op.OutboxBacklog, timeCol{&op.OldestQueued})
	if err != nil {
		return nil, fmt.Errorf("store: operations: outbox: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT status, count(*), count(checked_in_at) FROM registrations GROUP BY status`)
	if err != nil {
		return nil, fmt.Errorf("store: operations: registrations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var status string
		var n, in int64
		if err := rows.Scan(&status, &n, &in); err != nil {
			return nil, fmt.Errorf("store: operations: registrations: %w", err)
		}
		op.Registrations[status] = n
		op.CheckedIn += in
	}
	return op, rows.Err()
}
