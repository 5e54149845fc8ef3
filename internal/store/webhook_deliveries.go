package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"symposium"
)

// hooked queues, inside the transaction of a change, one delivery of a
// message of type typ about an object to every active hook of the event
// that subscribes to the type: the message is sent if and only if the
// change commits, however the process fares after the commit.
func hooked(t *tx, eventID, typ, objectID string, at time.Time) error {
	rows, err := t.query(`SELECT id, types FROM webhooks WHERE event_id = $1 AND active`, eventID)
	if err != nil {
		return fmt.Errorf("webhooks of event: %w", err)
	}
	var hooks []string
	for rows.Next() {
		var id string
		var types []string
		if err := rows.Scan(&id, jsonCol{&types}); err != nil {
			rows.Close()
			return fmt.Errorf("webhooks of event: %w", err)
		}
		if slices.Contains(types, typ) {
			hooks = append(hooks, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("webhooks of event: %w", err)
	}
	for _, hook := range hooks {
		if err := insertDelivery(t, symposium.NewID(), hook, eventID, typ, objectID, at); err != nil {
			return err
		}
	}
	return nil
}

// insertDelivery queues one message to one hook, due at once.
func insertDelivery(t *tx, id, hookID, eventID, typ, objectID string, at time.Time) error {
	_, err := t.exec(`INSERT INTO webhook_deliveries (id, hook_id, event_id, type, object_id, occurred_at, next_attempt_at)
		VALUES ($1, $2, $3, $4, $5, $6, $6)`, id, hookID, eventID, typ, objectID, ts(at.UTC().Truncate(time.Microsecond)))
	if err != nil {
		return fmt.Errorf("queue webhook delivery: %w", err)
	}
	return nil
}

// EnqueueWebhookTest queues a test message to a hook, about the hook
// itself, and returns its ID.
func (s *Store) EnqueueWebhookTest(ctx context.Context, h *symposium.Webhook, at time.Time) (string, error) {
	id := symposium.NewID()
	err := s.write(ctx, func(t *tx) error { return insertDelivery(t, id, h.ID, h.EventID, symposium.HookTest, h.ID, at) })
	if err != nil {
		return "", fmt.Errorf("store: enqueue webhook test: %w", err)
	}
	return id, nil
}

// DueDelivery is a delivery claimed for sending, with what sending needs.
type DueDelivery struct {
	symposium.WebhookDelivery
	URL, Secret, EventSlug string
}

const deliveryColumns = `d.id, d.hook_id, d.event_id, d.type, d.object_id, d.occurred_at, d.status, d.attempts, d.next_attempt_at,
	d.last_attempt_at, d.status_code, d.last_error`

// scanDelivery reads the columns of deliveryColumns, and any more into
// extra.
func scanDelivery(row interface{ Scan(...any) error }, extra ...any) (*symposium.WebhookDelivery, error) {
	var d symposium.WebhookDelivery
	var next, last time.Time
	cols := append([]any{&d.ID, &d.HookID, &d.EventID, &d.Type, &d.ObjectID, timeCol{&d.OccurredAt}, &d.Status, &d.Attempts,
		timeCol{&next}, timeCol{&last}, &d.StatusCode, &d.LastError}, extra...)
	if err := row.Scan(cols...); err != nil {
		return nil, err
	}
	if !next.IsZero() {
		d.NextAttemptAt = &next
	}
	if !last.IsZero() {
		d.LastAttemptAt = &last
	}
	return &d, nil
}

// ClaimDueDeliveries takes up to limit pending deliveries of active hooks
// that are due at now, for sending until now+lease, so that senders on
// other instances leave them alone meanwhile.
func (s *Store) ClaimDueDeliveries(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]DueDelivery, error) {
	// The conditions are checked again on each row the update takes, so
	// that a sender whose subquery saw a row before another sender
	// delivered it leaves it alone (PostgreSQL re-reads a row it waited
	// for, but not the subquery).
	return s.claimDeliveries(ctx, now, lease, ``, `AND status = 'pending' AND next_attempt_at <= $1`,
		`SELECT d.id FROM webhook_deliveries d JOIN webhooks h ON h.id = d.hook_id
		WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND (d.claimed_until IS NULL OR d.claimed_until <= $1) AND h.active
		ORDER BY d.next_attempt_at, d.id LIMIT $3`, limit)
}

// ClaimDelivery takes one delivery of a hook for sending now, whatever its
// state, unless another sender holds it: a manual retry or a test. A
// delivery given up on is pending again.
func (s *Store) ClaimDelivery(ctx context.Context, hookID, id string, now time.Time, lease time.Duration) (*DueDelivery, error) {
	out, err := s.claimDeliveries(ctx, now, lease, `, status = 'pending'`, ``, `SELECT d.id FROM webhook_deliveries d
		WHERE d.id = $4 AND d.hook_id = $5 AND (d.claimed_until IS NULL OR d.claimed_until <= $1) AND $3 > 0`, 1, id, hookID)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, symposium.Errorf(symposium.ECONFLICT, "error.webhook_busy")
	}
	return &out[0], nil
}

// claimDeliveries claims the deliveries pick selects ($1 now, $3 limit,
// then args) that still meet recheck, setting set as well, and reads them
// with their hooks.
func (s *Store) claimDeliveries(ctx context.Context, at time.Time, lease time.Duration, set, recheck, pick string, limit int, args ...any) ([]DueDelivery, error) {
	var out []DueDelivery
	err := s.write(ctx, func(t *tx) error {
		out = out[:0]
		params := append([]any{ts(at), ts(at.Add(lease)), limit}, args...)
		rows, err := t.query(`UPDATE webhook_deliveries SET claimed_until = $2`+set+`
			WHERE id IN (`+pick+`) AND (claimed_until IS NULL OR claimed_until <= $1) `+recheck+` RETURNING id`, params...)
		if err != nil {
			return err
		}
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		slices.Sort(ids) // identifiers grow with time: oldest first
		for _, id := range ids {
			var due DueDelivery
			d, err := scanDelivery(t.queryRow(`SELECT `+deliveryColumns+`, h.url, h.secret, e.slug FROM webhook_deliveries d
				JOIN webhooks h ON h.id = d.hook_id JOIN events e ON e.id = d.event_id WHERE d.id = $1`, id),
				&due.URL, &due.Secret, &due.EventSlug)
			if err != nil {
				return err
			}
			due.WebhookDelivery = *d
			out = append(out, due)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: claim webhook deliveries: %w", err)
	}
	return out, nil
}

// Attempt is how one try to deliver a message went.
type Attempt struct {
	At         time.Time
	StatusCode int
	Error      string
	// Delivered says the receiver answered 2xx.
	Delivered bool
	// Gone says the receiver answered 410: the hook is turned off.
	Gone bool
	// RetryAt is when to try again; zero gives the delivery up.
	RetryAt time.Time
}

// RecordAttempt stores how an attempt to deliver went and releases the
// claim; a receiver that is gone turns its hook off in the same
// transaction.
func (s *Store) RecordAttempt(ctx context.Context, d *DueDelivery, a Attempt) error {
	status := symposium.DeliveryFailed
	var next any
	switch {
	case a.Delivered:
		status = symposium.DeliveryDelivered
	case !a.Gone && !a.RetryAt.IsZero():
		status, next = symposium.DeliveryPending, ts(a.RetryAt)
	}
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, next_attempt_at = $3, claimed_until = NULL,
			last_attempt_at = $4, status_code = $5, last_error = $6 WHERE id = $1`, d.ID, status, next, ts(a.At), a.StatusCode, a.Error)
		if err != nil || !a.Gone {
			return err
		}
		_, err = t.exec(`UPDATE webhooks SET active = FALSE, disabled_reason = 'gone', updated_at = $2 WHERE id = $1`, d.HookID, ts(a.At))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: record webhook attempt: %w", err)
	}
	return nil
}

// WebhookDeliveries returns a hook's deliveries newest first, at most
// limit of them older than the delivery before (all when before is empty).
func (s *Store) WebhookDeliveries(ctx context.Context, hookID, before string, limit int) ([]*symposium.WebhookDelivery, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+deliveryColumns+` FROM webhook_deliveries d
		WHERE d.hook_id = $1 AND ($2 = '' OR d.id < $2) ORDER BY d.id DESC LIMIT $3`, hookID, before, limit)
	if err != nil {
		return nil, fmt.Errorf("store: webhook deliveries: %w", err)
	}
	defer rows.Close()
	out := []*symposium.WebhookDelivery{}
	for rows.Next() {
		d, err := scanDelivery(rows)
		if err != nil {
			return nil, fmt.Errorf("store: webhook deliveries: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// WebhookDelivery returns one delivery of a hook.
func (s *Store) WebhookDelivery(ctx context.Context, hookID, id string) (*symposium.WebhookDelivery, error) {
	d, err := scanDelivery(s.read.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM webhook_deliveries d
		WHERE d.id = $1 AND d.hook_id = $2`, id, hookID))
	if err != nil {
		return nil, notFound("webhook delivery", err)
	}
	return d, nil
}
