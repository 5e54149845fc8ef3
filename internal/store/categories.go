package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

const categoryColumns = `id, event_id, name, capacity, requires_approval, waitlist, opens_at, closes_at, price,
	confirmed_count, waitlisted_count`

func scanCategory(row interface{ Scan(...any) error }, c *symposium.Category) error {
	var opens, closes time.Time
	var capacity *int64
	err := row.Scan(&c.ID, &c.EventID, jsonCol{&c.Name}, &capacity, &c.RequiresApproval, &c.Waitlist,
		timeCol{&opens}, timeCol{&closes}, &c.Price, &c.Confirmed, &c.Waitlisted)
	if capacity != nil {
		n := int(*capacity)
		c.Capacity = &n
	}
	if !opens.IsZero() {
		c.OpensAt = &opens
	}
	if !closes.IsZero() {
		c.ClosesAt = &closes
	}
	return err
}

// optionalTime turns a missing time into NULL.
func optionalTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return ts(*t)
}

// CreateCategory adds a registration category to an event.
func (s *Store) CreateCategory(ctx context.Context, c *symposium.Category) error {
	c.ID = symposium.NewID()
	err := s.write(ctx, func(t *tx) error {
		var pos int
		if err := t.queryRow(`SELECT COALESCE(MAX(position), -1) + 1 FROM registration_categories WHERE event_id = $1`, c.EventID).Scan(&pos); err != nil {
			return err
		}
		_, err := t.exec(`INSERT INTO registration_categories (id, event_id, name, capacity, requires_approval, waitlist,
				opens_at, closes_at, price, position, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			c.ID, c.EventID, jsonText(c.Name), c.Capacity, c.RequiresApproval, c.Waitlist,
			optionalTime(c.OpensAt), optionalTime(c.ClosesAt), c.Price, pos, ts(now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: create category: %w", err)
	}
	return nil
}

// Categories lists an event's registration categories with their counts.
func (s *Store) Categories(ctx context.Context, eventID string) ([]symposium.Category, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+categoryColumns+` FROM registration_categories WHERE event_id = $1 ORDER BY position`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: categories: %w", err)
	}
	defer rows.Close()
	out := []symposium.Category{}
	for rows.Next() {
		var c symposium.Category
		if err := scanCategory(rows, &c); err != nil {
			return nil, fmt.Errorf("store: categories: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
