package store

import (
	"context"
	"fmt"

	"symposium"
)

// Site returns the settings of the whole installation.
func (s *Store) Site(ctx context.Context) (symposium.Site, error) {
	var site symposium.Site
	err := s.read.QueryRowContext(ctx, `SELECT open_event_creation FROM site_settings WHERE id = 1`).Scan(&site.OpenEventCreation)
	if err != nil {
		return site, fmt.Errorf("store: site: %w", err)
	}
	return site, nil
}

// SetSite stores the settings of the whole installation, recording which
// account changed them.
func (s *Store) SetSite(ctx context.Context, site symposium.Site, byUserID string) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`UPDATE site_settings SET open_event_creation = $1, updated_by = $2, updated_at = $3 WHERE id = 1`,
			site.OpenEventCreation, byUserID, ts(now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: set site: %w", err)
	}
	return nil
}
