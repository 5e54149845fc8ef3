package store

import (
	"context"
	"fmt"
	"time"
)

// Throttle counters live in the database so that every server instance
// sees the same counts. A key counts the attempts made in its current
// window; a window starts with the first attempt after the last one ended.

// CountAttempts counts one attempt under each key and returns each key's
// count in its window, this attempt included, in one transaction: of
// requests arriving together, each sees a different count, so a limit
// compared with the count lets no more than the limit through.
func (s *Store) CountAttempts(ctx context.Context, now time.Time, window time.Duration, keys ...string) ([]int, error) {
	counts := make([]int, len(keys))
	err := s.write(ctx, func(t *tx) error {
		for i, key := range keys {
			err := t.queryRow(`INSERT INTO throttle (key, failures, window_ends) VALUES ($1, 1, $2)
				ON CONFLICT (key) DO UPDATE SET
					failures = CASE WHEN throttle.window_ends <= $3 THEN 1 ELSE throttle.failures + 1 END,
					window_ends = CASE WHEN throttle.window_ends <= $3 THEN excluded.window_ends ELSE throttle.window_ends END
				RETURNING failures`, key, ts(now.Add(window)), ts(now)).Scan(&counts[i])
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: count attempts: %w", err)
	}
	return counts, nil
}

// UncountAttempt takes back one attempt counted under key, for an attempt
// that turned out to be legitimate.
func (s *Store) UncountAttempt(ctx context.Context, key string) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`UPDATE throttle SET failures = failures - 1 WHERE key = $1 AND failures > 0`, key)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: uncount attempt: %w", err)
	}
	return nil
}

// ClearFailures forgets the attempts counted under key.
func (s *Store) ClearFailures(ctx context.Context, key string) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`DELETE FROM throttle WHERE key = $1`, key)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: clear failures: %w", err)
	}
	return nil
}
