package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

// CreatePasswordReset stores the hash of a password-reset token and queues
// the mail that carries the link, in one transaction: the link is never
// mailed for a token that was not stored, nor stored without its mail.
func (s *Store) CreatePasswordReset(ctx context.Context, userID, tokenHash string, expires time.Time, m symposium.Mail) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
			tokenHash, userID, ts(time.Now()), ts(expires))
		if err != nil {
			return err
		}
		return insertMail(t, m)
	})
	if err != nil {
		return fmt.Errorf("store: create password reset: %w", err)
	}
	return nil
}

// ResetPassword uses an unexpired, unused reset token to set a new password
// hash. Every session of the account ends, and so does every other reset
// token it had. The link was mailed to the account's email, so opening it
// verifies that address. An unknown, used or expired token is not found.
func (s *Store) ResetPassword(ctx context.Context, tokenHash, passwordHash string, now time.Time) (*symposium.User, error) {
	var userID string
	err := s.write(ctx, func(t *tx) error {
		err := t.queryRow(`UPDATE password_resets SET used_at = $2
			WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id`,
			tokenHash, ts(now)).Scan(&userID)
		if err != nil {
			return notFound("use password reset", err)
		}
		if _, err := t.exec(`UPDATE users SET password_hash = $2, updated_at = $3, verified_at = COALESCE(verified_at, $3) WHERE id = $1`, userID, passwordHash, ts(now)); err != nil {
			return err
		}
		if _, err := t.exec(`DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
			return err
		}
		_, err = t.exec(`DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL`, userID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: reset password: %w", err)
	}
	return s.UserByID(ctx, userID)
}
