package accounts

import (
	"context"
	"strings"

	"symposium"
	"symposium/internal/secret"
)

// tokenPrefix starts every API token, so that a leaked one is recognizable.
const tokenPrefix = "sym_"

// CreateToken makes a new API token for the account with that email and
// returns it. Only its hash is stored: the token is shown this once.
func (s *Service) CreateToken(ctx context.Context, email, name string) (string, error) {
	u, _, err := s.store.UserByEmail(ctx, symposium.NormalizeEmail(email))
	if err != nil {
		return "", err
	}
	token := secret.New(tokenPrefix)
	if _, err := s.store.CreateAPIToken(ctx, u.ID, secret.Hash(token), name); err != nil {
		return "", err
	}
	return token, nil
}

// TokenUser returns the account an API token authenticates.
func (s *Service) TokenUser(ctx context.Context, token string) (*symposium.User, error) {
	if !strings.HasPrefix(token, tokenPrefix) {
		return nil, symposium.Errorf(symposium.EUNAUTHORIZED, "error.unauthorized")
	}
	u, err := s.store.TokenUser(ctx, secret.Hash(token))
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return nil, symposium.Errorf(symposium.EUNAUTHORIZED, "error.unauthorized")
	}
	return u, err
}
