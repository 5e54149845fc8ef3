package store

import (
	"context"
	"database/sql"
	"fmt"

	"symposium"
)

// querier is what reads need: a connection pool or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Contributions lists every contribution of an event, scheduled ones first
// in time order, then the unscheduled in the order they were made.
func (s *Store) Contributions(ctx context.Context, eventID string) ([]symposium.Contribution, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+contributionColumns+` FROM contributions c
		LEFT JOIN rooms r ON r.id = c.room_id
		WHERE c.event_id = $1
		ORDER BY CASE WHEN c.starts_at IS NULL THEN 1 ELSE 0 END, c.starts_at, r.position, c.id`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: contributions: %w", err)
	}
	out := []symposium.Contribution{}
	for rows.Next() {
		var c symposium.Contribution
		if err := scanContribution(rows, &c); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: contributions: %w", err)
		}
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: contributions: %w", err)
	}
	if err := loadSpeakers(ctx, s.read, s.d, out); err != nil {
		return nil, fmt.Errorf("store: contributions: %w", err)
	}
	return out, nil
}

// Contribution returns one contribution of an event.
func (s *Store) Contribution(ctx context.Context, eventID, id string) (*symposium.Contribution, error) {
	if !symposium.IsID(id) {
		return nil, symposium.NotFound()
	}
	var c symposium.Contribution
	err := scanContribution(s.read.QueryRowContext(ctx, `SELECT `+contributionColumns+` FROM contributions c
		WHERE c.id = $1 AND c.event_id = $2`, id, eventID), &c)
	if err != nil {
		return nil, notFound("contribution", err)
	}
	list := []symposium.Contribution{c}
	if err := loadSpeakers(ctx, s.read, s.d, list); err != nil {
		return nil, fmt.Errorf("store: contribution: %w", err)
	}
	return &list[0], nil
}

// loadSpeakers fills in the speakers of the contributions, in order, with
// one query.
func loadSpeakers(ctx context.Context, q querier, d dialect, list []symposium.Contribution) error {
	if len(list) == 0 {
		return nil
	}
	index := make(map[string]int, len(list))
	ids := make([]string, len(list))
	for i := range list {
		index[list[i].ID] = i
		ids[i] = list[i].ID
		list[i].SpeakerIDs = []string{}
	}
	rows, err := q.QueryContext(ctx, `SELECT contribution_id, person_id FROM contribution_speakers
		WHERE contribution_id IN (SELECT value FROM `+d.jsonEach("$1")+`) ORDER BY contribution_id, position`, jsonText(ids))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var cid, pid string
		if err := rows.Scan(&cid, &pid); err != nil {
			return err
		}
		c := &list[index[cid]]
		c.SpeakerIDs = append(c.SpeakerIDs, pid)
	}
	return rows.Err()
}
