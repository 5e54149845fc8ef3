package store

import (
	"context"
	"fmt"

	"symposium"
)

// SetEventLogo stores an event's logo, a JPEG, replacing any earlier one,
// and marks the event changed so that its pages and stylesheet show it.
func (s *Store) SetEventLogo(ctx context.Context, eventID string, data []byte) error {
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE events SET logo = $2, updated_at = $3, programme_version = programme_version + 1
			WHERE id = $1`, eventID, data, ts(now())))
		if err != nil {
			return err
		}
		if n == 0 {
			return symposium.NotFound()
		}
		return t.changed(ChangeEvent, eventID)
	})
	if err != nil && symposium.AsError(err) == nil {
		return fmt.Errorf("store: set event logo: %w", err)
	}
	return err
}

// EventLogo returns an event's logo, a JPEG; an event without one is not
// found.
func (s *Store) EventLogo(ctx context.Context, eventID string) ([]byte, error) {
	var data []byte
	err := s.read.QueryRowContext(ctx, `SELECT logo FROM events WHERE id = $1 AND logo IS NOT NULL`, eventID).Scan(&data)
	if err != nil {
		return nil, notFound("event logo", err)
	}
	return data, nil
}
