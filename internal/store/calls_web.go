package store

import (
	"context"
	"fmt"
)

// HasCall reports whether an event has a call for abstracts, for the
// pages that link to it.
func (s *Store) HasCall(ctx context.Context, eventID string) (bool, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM calls WHERE event_id = $1`, eventID).Scan(&n); err != nil {
		return false, fmt.Errorf("store: has call: %w", err)
	}
	return n > 0, nil
}
