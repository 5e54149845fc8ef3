package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"symposium"
)

// datedColumns are the dates that belong to an event and move with it:
// per table, the column that names a row and the dated columns.
var datedColumns = []struct {
	table, key string
	columns    []string
}{
	{"contributions", "id", []string{"starts_at"}},
	{"calls", "event_id", []string{"opens_at", "closes_at", "review_opens_at", "review_closes_at"}},
	{"registration_categories", "id", []string{"opens_at", "closes_at"}},
}

// UpdateEventShifting stores every field of an existing event, as
// UpdateEvent does, and in the same transaction moves its programme, its
// call's dates and its registration categories' dates by d, so that an
// event moved to other days keeps its programme on its days.
func (s *Store) UpdateEventShifting(ctx context.Context, e *symposium.Event, d time.Duration) error {
	e.UpdatedAt = now()
	err := s.write(ctx, func(t *tx) error {
		if err := updateEvent(t, e); err != nil {
			return err
		}
		for _, dc := range datedColumns {
			if err := shiftDates(t, e.ID, dc.table, dc.key, dc.columns, d); err != nil {
				return err
			}
		}
		return bumpProgramme(t, e.ID)
	})
	return eventWriteError("update event", err)
}

// shiftDates moves the set dates in the columns of the event's rows of a
// table by d.
func shiftDates(t *tx, eventID, table, key string, columns []string, d time.Duration) error {
	rows, err := t.query(`SELECT `+key+`, `+strings.Join(columns, ", ")+` FROM `+table+` WHERE event_id = $1`, eventID)
	if err != nil {
		return err
	}
	type dated struct {
		key   string
		times []time.Time
	}
	var all []dated
	for rows.Next() {
		r := dated{times: make([]time.Time, len(columns))}
		dest := []any{&r.key}
		for i := range r.times {
			dest = append(dest, timeCol{&r.times[i]})
		}
		if err := rows.Scan(dest...); err != nil {
			rows.Close()
			return fmt.Errorf("shift %s: %w", table, err)
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range all {
		for i, col := range columns {
			if r.times[i].IsZero() {
				continue
			}
			if _, err := t.exec(`UPDATE `+table+` SET `+col+` = $2 WHERE `+key+` = $1`, r.key, ts(r.times[i].Add(d))); err != nil {
				return fmt.Errorf("shift %s.%s: %w", table, col, err)
			}
		}
	}
	return nil
}
