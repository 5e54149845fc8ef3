package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

// categoryColumns are a category's columns, its counts summed over their
// shards (see count).
const categoryColumns = `id, event_id, name, capacity, requires_approval, waitlist, opens_at, closes_at, price,
	(SELECT COALESCE(SUM(n.confirmed), 0) FROM category_counts n WHERE n.category_id = registration_categories.id),
	(SELECT COALESCE(SUM(n.waitlisted), 0) FROM category_counts n WHERE n.category_id = registration_categories.id)`

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

// CreateCategory adds a registration category to an event, under the ID
// the caller chose or a new one.
func (s *Store) CreateCategory(ctx context.Context, c *symposium.Category) error {
	if c.ID == "" {
		c.ID = symposium.NewID()
	}
	err := s.write(ctx, func(t *tx) error {
		var pos int
		if err := t.queryRow(`SELECT COALESCE(MAX(position), -1) + 1 FROM registration_categories WHERE event_id = $1`, c.EventID).Scan(&pos); err != nil {
			return err
		}
		_, err := t.exec(`INSERT INTO registration_categories (id, event_id, name, capacity, requires_approval, waitlist,
				opens_at, closes_at, price, position, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			c.ID, c.EventID, jsonText(c.Name), c.Capacity, c.RequiresApproval, c.Waitlist,
			optionalTime(c.OpensAt), optionalTime(c.ClosesAt), c.Price, pos, ts(now()))
		if err != nil {
			return err
		}
		return resizePool(t, c.ID, c.EventID, c.Capacity, "category_id = $1")
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

// UpdateCategory stores a category's fields. Seats a raised capacity frees
// go to the waiting list at once, each promoted person told by mail.
func (s *Store) UpdateCategory(ctx context.Context, c *symposium.Category, at time.Time, mail RegistrationMail) error {
	var n int64
	err := s.write(ctx, func(t *tx) error {
		if err := lockEvent(t, c.EventID); err != nil {
			return err
		}
		var err error
		n, err = affected(t.exec(`UPDATE registration_categories SET name = $3, capacity = $4, requires_approval = $5, waitlist = $6,
				opens_at = $7, closes_at = $8, price = $9 WHERE id = $1 AND event_id = $2`,
			c.ID, c.EventID, jsonText(c.Name), c.Capacity, c.RequiresApproval, c.Waitlist,
			optionalTime(c.OpensAt), optionalTime(c.ClosesAt), c.Price))
		if err != nil || n == 0 {
			return err
		}
		if err := resizePool(t, c.ID, c.EventID, c.Capacity, "category_id = $1"); err != nil {
			return err
		}
		return promote(t, c.EventID, c.ID, at, mail)
	})
	if err != nil {
		return fmt.Errorf("store: update category: %w", err)
	}
	if n == 0 {
		return symposium.NotFound()
	}
	return nil
}

// Category returns one of an event's categories.
func (s *Store) Category(ctx context.Context, eventID, id string) (*symposium.Category, error) {
	if !symposium.IsID(id) {
		return nil, symposium.NotFound()
	}
	var c symposium.Category
	err := scanCategory(s.read.QueryRowContext(ctx, `SELECT `+categoryColumns+` FROM registration_categories WHERE id = $1 AND event_id = $2`, id, eventID), &c)
	if err != nil {
		return nil, notFound("category", err)
	}
	return &c, nil
}
