package store

import (
	"context"
	"fmt"
	"time"
)

// Failures returns how many failures were recorded under key in its
// current window; a window that ended counts none. Throttle counters live in
// the database so that every server instance sees the same counts.
func (s *Store) Failures(ctx context.Context, key string, now time.Time) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COALESCE(MAX(failures), 0) FROM throttle WHERE key = $1 AND window_ends > $2`,
		key, ts(now)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: failures: %w", err)
	}
	return n, nil
}

// RecordFailure counts one failure under each key. A key whose window has
// ended starts a new window of the given length.
func (s *Store) RecordFailure(ctx context.Context, now time.Time, window time.Duration, keys ...string) error {
	err := s.write(ctx, func(t *tx) error {
		for _, key := range keys {
			_, err := t.exec(`INSERT INTO throttle (key, failures, window_ends) VALUES ($1, 1, $2)
				ON CONFLICT (key) DO UPDATE SET
					failures = CASE WHEN throttle.window_ends <= $3 THEN 1 ELSE throttle.failures + 1 END,
					window_ends = CASE WHEN throttle.window_ends <= $3 THEN excluded.window_ends ELSE throttle.window_ends END`,
				key, ts(now.Add(window)), ts(now))
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: record failure: %w", err)
	}
	return nil
}

// ClearFailures forgets the failures counted under key.
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
