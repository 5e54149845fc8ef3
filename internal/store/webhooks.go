package store

import (
	"context"
	"fmt"

	"symposium"
)

const webhookColumns = `id, event_id, url, secret, types, active, disabled_reason, created_at, updated_at`

// scanWebhook reads the columns of webhookColumns.
func scanWebhook(row interface{ Scan(...any) error }) (*symposium.Webhook, error) {
	var h symposium.Webhook
	err := row.Scan(&h.ID, &h.EventID, &h.URL, &h.Secret, jsonCol{&h.Types}, &h.Active, &h.DisabledReason,
		timeCol{&h.CreatedAt}, timeCol{&h.UpdatedAt})
	return &h, err
}

// CreateWebhook stores a new hook of an event, filling in its times and,
// unless it has one, its ID.
func (s *Store) CreateWebhook(ctx context.Context, h *symposium.Webhook) error {
	if h.ID == "" {
		h.ID = symposium.NewID()
	}
	h.CreatedAt = now()
	h.UpdatedAt = h.CreatedAt
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO webhooks (id, event_id, url, secret, types, active, disabled_reason, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
			h.ID, h.EventID, h.URL, h.Secret, jsonText(h.Types), h.Active, h.DisabledReason, ts(h.CreatedAt))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: create webhook: %w", err)
	}
	return nil
}

// UpdateWebhook stores a hook's address, types and whether it is active;
// turning a hook on clears why it was turned off.
func (s *Store) UpdateWebhook(ctx context.Context, h *symposium.Webhook) error {
	h.UpdatedAt = now()
	if h.Active {
		h.DisabledReason = ""
	}
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE webhooks SET url = $3, types = $4, active = $5, disabled_reason = $6, updated_at = $7
			WHERE id = $1 AND event_id = $2`, h.ID, h.EventID, h.URL, jsonText(h.Types), h.Active, h.DisabledReason, ts(h.UpdatedAt)))
		if err == nil && n == 0 {
			return symposium.NotFound()
		}
		return err
	})
	return hookError("update webhook", err)
}

// DeleteWebhook removes a hook of an event with its deliveries.
func (s *Store) DeleteWebhook(ctx context.Context, eventID, id string) error {
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`DELETE FROM webhooks WHERE id = $1 AND event_id = $2`, id, eventID))
		if err == nil && n == 0 {
			return symposium.NotFound()
		}
		return err
	})
	return hookError("delete webhook", err)
}

// Webhook returns a hook of an event.
func (s *Store) Webhook(ctx context.Context, eventID, id string) (*symposium.Webhook, error) {
	h, err := scanWebhook(s.read.QueryRowContext(ctx, `SELECT `+webhookColumns+` FROM webhooks WHERE id = $1 AND event_id = $2`, id, eventID))
	if err != nil {
		return nil, notFound("webhook", err)
	}
	return h, nil
}

// Webhooks lists an event's hooks, oldest first.
func (s *Store) Webhooks(ctx context.Context, eventID string) ([]*symposium.Webhook, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+webhookColumns+` FROM webhooks WHERE event_id = $1 ORDER BY id`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: webhooks: %w", err)
	}
	defer rows.Close()
	out := []*symposium.Webhook{}
	for rows.Next() {
		h, err := scanWebhook(rows)
		if err != nil {
			return nil, fmt.Errorf("store: webhooks: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// hookError passes the domain's errors through and wraps any other.
func hookError(what string, err error) error {
	if err == nil || symposium.AsError(err) != nil {
		return err
	}
	return fmt.Errorf("store: %s: %w", what, err)
}
