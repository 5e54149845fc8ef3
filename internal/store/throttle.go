package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
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
			n, err := countAttempt(t, now, window, key)
			if err != nil {
				return err
			}
			counts[i] = n
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

// Quota bounds the attempts counted under Key to N in each window of
// length Per; an N of 0 bounds nothing and counts nothing.
type Quota struct {
	Key string
	N   int
	Per time.Duration
}

// Quotas are the quotas one attempt counts against at the time Now, and
// the message key that refuses it past any of them.
type Quotas struct {
	Now     time.Time
	List    []Quota
	Refusal string
}

// take counts the attempt under each quota's key in the transaction and
// refuses it (ETOOMANY) when any count passes its quota. Counted inside the
// transaction of the work it limits, the attempt costs no commit of its
// own; refused, the work and the count roll back together, and the count
// stays past the quota until the window ends.
func (q Quotas) take(t *tx) error {
	for _, quota := range q.List {
		if quota.N <= 0 {
			continue
		}
		n, err := countAttempt(t, q.Now, quota.Per, quota.Key)
		if err != nil {
			return err
		}
		if n > quota.N {
			return symposium.Errorf(symposium.ETOOMANY, q.Refusal)
		}
	}
	return nil
}

// TakeQuotas counts one attempt against the quotas in a transaction of its
// own, and refuses it (ETOOMANY) past any of them; a refused attempt
// counts too.
func (s *Store) TakeQuotas(ctx context.Context, q Quotas) error {
	var refused error
	err := s.write(ctx, func(t *tx) error {
		refused = q.take(t)
		if symposium.ErrorCode(refused) == symposium.ETOOMANY {
			return nil
		}
		return refused
	})
	if err != nil {
		return fmt.Errorf("store: take quotas: %w", err)
	}
	return refused
}

// countAttempt counts one attempt under key in its window and returns the
// count, this attempt included.
func countAttempt(t *tx, now time.Time, window time.Duration, key string) (int, error) {
	var n int
	err := t.queryRow(`INSERT INTO throttle (key, failures, window_ends) VALUES ($1, 1, $2)
		ON CONFLICT (key) DO UPDATE SET
			failures = CASE WHEN throttle.window_ends <= $3 THEN 1 ELSE throttle.failures + 1 END,
			window_ends = CASE WHEN throttle.window_ends <= $3 THEN excluded.window_ends ELSE throttle.window_ends END
		RETURNING failures`, key, ts(now.Add(window)), ts(now)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count attempt: %w", err)
	}
	return n, nil
}
