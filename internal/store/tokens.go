package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

// CreateAPIToken stores the hash of a new API token for an account and
// returns the token's ID. The token itself is never stored.
func (s *Store) CreateAPIToken(ctx context.Context, userID, tokenHash, name string) (string, error) {
	id := symposium.NewID()
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO api_tokens (id, user_id, token_hash, name, created_at) VALUES ($1, $2, $3, $4, $5)`,
			id, userID, tokenHash, name, ts(time.Now()))
		return err
	})
	if isForeignKeyViolation(err) {
		return "", symposium.NotFound()
	}
	if err != nil {
		return "", fmt.Errorf("store: create api token: %w", err)
	}
	return id, nil
}

// TokenUser returns the account an unrevoked API token belongs to.
func (s *Store) TokenUser(ctx context.Context, tokenHash string) (*symposium.User, error) {
	var u symposium.User
	row := s.read.QueryRowContext(ctx, `SELECT `+userColumns+`
		FROM api_tokens k JOIN users u ON u.id = k.user_id
		WHERE k.token_hash = $1 AND k.revoked_at IS NULL`, tokenHash)
	if err := scanUser(row, &u); err != nil {
		return nil, notFound("token user", err)
	}
	return &u, nil
}

// RevokeAPIToken stops a token from authenticating.
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
