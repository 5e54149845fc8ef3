package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

// CreateSession stores a sign-in session under the hash of its secret
// token. When replaces is the hash of an earlier session, that session ends
// in the same transaction, so that signing in rotates the session.
func (s *Store) CreateSession(ctx context.Context, userID, tokenHash, replaces string, expires time.Time) error {
	err := s.write(ctx, func(t *tx) error {
		if replaces != "" {
			if _, err := t.exec(`DELETE FROM sessions WHERE token_hash = $1`, replaces); err != nil {
				return err
			}
		}
		_, err := t.exec(`INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
			tokenHash, userID, ts(time.Now()), ts(expires))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: create session: %w", err)
	}
	return nil
}

// SessionUser returns the account of an unexpired session.
func (s *Store) SessionUser(ctx context.Context, tokenHash string, now time.Time) (*symposium.User, error) {
	var u symposium.User
	row := s.read.QueryRowContext(ctx, `SELECT `+userColumns+`
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = $1 AND s.expires_at > $2`, tokenHash, ts(now))
	if err := scanUser(row, &u); err != nil {
		return nil, notFound("session user", err)
	}
	return &u, nil
}

// DeleteSession ends a session; ending one that does not exist is not an
// error.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`DELETE FROM sessions WHERE token_hash = $1`, tokenHash)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

// EndedTokenTrail is how long a revoked or expired API token stays listed
// for its owner before DeleteExpired removes it.
const EndedTokenTrail = 30 * 24 * time.Hour

// MailKept is how long a message stays in the outbox after it was sent or
// given up on, for administrators to see what went out, before
// DeleteExpired removes it.
const MailKept = 90 * 24 * time.Hour

// DeleteExpired removes what no longer serves: sessions that expired,
// password-reset links that expired or were used, throttle windows that
// ended, API tokens revoked or expired more than EndedTokenTrail before
// now, and mail and webhook deliveries done with more than MailKept
// before now. It reports how many rows went.
func (s *Store) DeleteExpired(ctx context.Context, now time.Time) (int64, error) {
	var total int64
	trail, mailKept := ts(now.Add(-EndedTokenTrail)), ts(now.Add(-MailKept))
	err := s.write(ctx, func(t *tx) error {
		total = 0
		for _, q := range []struct {
			sql    string
			before any
		}{
			{`DELETE FROM sessions WHERE expires_at <= $1`, ts(now)},
			{`DELETE FROM password_resets WHERE expires_at <= $1 OR used_at IS NOT NULL`, ts(now)},
			{`DELETE FROM email_links WHERE expires_at <= $1`, ts(now)},
			{`DELETE FROM throttle WHERE window_ends <= $1`, ts(now)},
			{`DELETE FROM api_tokens WHERE revoked_at <= $1 OR expires_at <= $1`, trail},
			{`DELETE FROM outbox WHERE sent_at <= $1 OR failed_at <= $1`, mailKept},
			{`DELETE FROM webhook_deliveries WHERE status <> 'pending' AND last_attempt_at <= $1`, mailKept},
		} {
			n, err := affected(t.exec(q.sql, q.before))
			if err != nil {
				return err
			}
			total += n
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: delete expired: %w", err)
	}
	return total, nil
}
