package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

// CreateAPIToken stores the hash of a new API token for an account with
// the token's name, display prefix and expiry, filling in its ID and
// creation time. The token itself is never stored.
func (s *Store) CreateAPIToken(ctx context.Context, userID, tokenHash string, k *symposium.APIToken) error {
	k.ID = symposium.NewID()
	k.CreatedAt = time.Now().UTC().Truncate(time.Microsecond)
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO api_tokens (id, user_id, token_hash, name, prefix, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			k.ID, userID, tokenHash, k.Name, k.Prefix, ts(k.CreatedAt), ts(k.ExpiresAt))
		return err
	})
	if isForeignKeyViolation(err) {
		return symposium.NotFound()
	}
	if err != nil {
		return fmt.Errorf("store: create api token: %w", err)
	}
	return nil
}

// TokenUser returns the account an API token belongs to, while the token
// is neither revoked nor expired at now.
func (s *Store) TokenUser(ctx context.Context, tokenHash string, now time.Time) (*symposium.User, error) {
	var u symposium.User
	row := s.read.QueryRowContext(ctx, `SELECT `+userColumns+`
		FROM api_tokens k JOIN users u ON u.id = k.user_id
		WHERE k.token_hash = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > $2)`,
		tokenHash, ts(now))
	if err := scanUser(row, &u); err != nil {
		return nil, notFound("token user", err)
	}
	return &u, nil
}

// TouchAPIToken records that a token was used at now, unless a use after
// since is already recorded: callers keep last use to the hour without a
// write on every request.
func (s *Store) TouchAPIToken(ctx context.Context, tokenHash string, now, since time.Time) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`UPDATE api_tokens SET last_used_at = $2
			WHERE token_hash = $1 AND (last_used_at IS NULL OR last_used_at < $3)`, tokenHash, ts(now), ts(since))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: touch api token: %w", err)
	}
	return nil
}

// APITokens lists an account's tokens, newest first, revoked and expired
// ones too until the sweeper deletes them.
func (s *Store) APITokens(ctx context.Context, userID string) ([]symposium.APIToken, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, name, prefix, created_at, expires_at, last_used_at, revoked_at
		FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("store: api tokens: %w", err)
	}
	defer rows.Close()
	var out []symposium.APIToken
	for rows.Next() {
		var k symposium.APIToken
		if err := rows.Scan(&k.ID, &k.Name, &k.Prefix, timeCol{&k.CreatedAt}, timeCol{&k.ExpiresAt},
			timeCol{&k.LastUsedAt}, timeCol{&k.RevokedAt}); err != nil {
			return nil, fmt.Errorf("store: api tokens: %w", err)
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: api tokens: %w", err)
	}
	return out, nil
}

// RevokeAPIToken stops one of an account's tokens from authenticating. A
// token that is not the account's, or already revoked, is not found.
func (s *Store) RevokeAPIToken(ctx context.Context, userID, id string) error {
	var n int64
	err := s.write(ctx, func(t *tx) error {
		var err error
		n, err = affected(t.exec(`UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
			id, userID, ts(time.Now())))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: revoke api token: %w", err)
	}
	if n == 0 {
		return symposium.NotFound()
	}
	return nil
}

// RevokeAPITokens stops every unrevoked token of an account and reports
// how many there were.
func (s *Store) RevokeAPITokens(ctx context.Context, userID string) (int64, error) {
	var n int64
	err := s.write(ctx, func(t *tx) error {
		var err error
		n, err = affected(t.exec(`UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
			userID, ts(time.Now())))
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: revoke api tokens: %w", err)
	}
	return n, nil
}
