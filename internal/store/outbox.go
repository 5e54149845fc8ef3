package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

// insertMail queues a message inside a transaction, so that mail about a
// change is queued if and only if the change commits.
func insertMail(t *tx, m symposium.Mail) error {
	now := ts(time.Now())
	attachments := "[]"
	if len(m.Attachments) > 0 {
		attachments = jsonText(m.Attachments)
	}
	_, err := t.exec(`INSERT INTO outbox (id, to_address, to_name, subject, text_body, html_body, attachments, created_at, next_attempt_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
		symposium.NewID(), m.To, m.ToName, m.Subject, m.Text, m.HTML, attachments, now)
	if err != nil {
		return fmt.Errorf("insert mail: %w", err)
	}
	return nil
}

// EnqueueMail queues a message for the sender.
func (s *Store) EnqueueMail(ctx context.Context, m symposium.Mail) error {
	if err := s.write(ctx, func(t *tx) error { return insertMail(t, m) }); err != nil {
		return fmt.Errorf("store: enqueue mail: %w", err)
	}
	return nil
}

const outboxColumns = `id, to_address, to_name, subject, text_body, html_body, attachments, created_at, attempts,
	next_attempt_at, sent_at, failed_at, last_error`

// scanOutbox reads the columns of outboxColumns.
func scanOutbox(row interface{ Scan(...any) error }) (symposium.OutboxMail, error) {
	var m symposium.OutboxMail
	err := row.Scan(&m.ID, &m.Mail.To, &m.Mail.ToName, &m.Mail.Subject, &m.Mail.Text, &m.Mail.HTML, jsonCol{&m.Mail.Attachments},
		timeCol{&m.CreatedAt}, &m.Attempts, timeCol{&m.NextAttemptAt}, timeCol{&m.SentAt}, timeCol{&m.FailedAt}, &m.LastError)
	return m, err
}

// ClaimMail takes up to limit due messages for sending until now+lease, so
// that senders on other instances leave them alone meanwhile.
func (s *Store) ClaimMail(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]symposium.OutboxMail, error) {
	var out []symposium.OutboxMail
	err := s.write(ctx, func(t *tx) error {
		out = out[:0]
		rows, err := t.query(`UPDATE outbox SET claimed_until = $2
			WHERE id IN (SELECT id FROM outbox
				WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
				  AND (claimed_until IS NULL OR claimed_until <= $1)
				ORDER BY next_attempt_at LIMIT $3)
			  AND sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
			  AND (claimed_until IS NULL OR claimed_until <= $1)
			RETURNING `+outboxColumns, ts(now), ts(now.Add(lease)), limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			m, err := scanOutbox(rows)
			if err != nil {
				return err
			}
			out = append(out, m)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: claim mail: %w", err)
	}
	return out, nil
}

// MarkMailSent records that a message was delivered.
func (s *Store) MarkMailSent(ctx context.Context, id string, now time.Time) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`UPDATE outbox SET sent_at = $2, attempts = attempts + 1, claimed_until = NULL, last_error = '' WHERE id = $1`, id, ts(now))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: mark mail sent: %w", err)
	}
	return nil
}

// MarkMailFailed records a failed attempt: the message is tried again at
// retryAt, or, when retryAt is zero, given up as failed.
func (s *Store) MarkMailFailed(ctx context.Context, id, reason string, now, retryAt time.Time) error {
	err := s.write(ctx, func(t *tx) error {
		if retryAt.IsZero() {
			_, err := t.exec(`UPDATE outbox SET failed_at = $2, attempts = attempts + 1, claimed_until = NULL, last_error = $3 WHERE id = $1`,
				id, ts(now), reason)
			return err
		}
		_, err := t.exec(`UPDATE outbox SET next_attempt_at = $2, attempts = attempts + 1, claimed_until = NULL, last_error = $3 WHERE id = $1`,
			id, ts(retryAt), reason)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: mark mail failed: %w", err)
	}
	return nil
}

// ListMail returns the outbox newest first, at most limit messages created
// before the message with ID before (all when before is empty).
func (s *Store) ListMail(ctx context.Context, before string, limit int) ([]symposium.OutboxMail, error) {
	q := `SELECT ` + outboxColumns + ` FROM outbox WHERE ($1 = '' OR id < $1) ORDER BY id DESC LIMIT $2`
	rows, err := s.read.QueryContext(ctx, q, before, limit)
	if err != nil {
		return nil, fmt.Errorf("store: list mail: %w", err)
	}
	defer rows.Close()
	var out []symposium.OutboxMail
	for rows.Next() {
		m, err := scanOutbox(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list mail: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// PendingMail counts messages not yet sent nor given up.
func (s *Store) PendingMail(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: pending mail: %w", err)
	}
	return n, nil
}
