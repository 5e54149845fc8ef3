package accounts

import (
	"context"
	"strings"
	"sync"
	"time"

	"symposium"
	"symposium/internal/secret"
)

// tokenPrefix starts every API token, so that a leaked one is recognizable.
const tokenPrefix = "sym_"

// shownPrefix is how much of a token its owner sees in lists to recognize
// it by: "sym_" and 8 of its 43 random characters, which leaves 210 bits
// unknown.
const shownPrefix = len(tokenPrefix) + 8

// usedEvery is how often a token's last use is written: at most once in
// this period, so that using a token costs no write on most requests.
const usedEvery = time.Hour

// touched remembers when each token's use was last written by this
// instance, keyed by the token's hash.
type touched struct {
	mu   sync.Mutex
	last map[string]time.Time
}

// due reports whether the use of a token at now should be written, and
// notes it as written when so.
func (t *touched) due(hash string, now time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.last == nil {
		t.last = map[string]time.Time{}
	}
	if last, ok := t.last[hash]; ok && now.Sub(last) < usedEvery {
		return false
	}
	if len(t.last) > 10000 {
		clear(t.last) // bounded memory; the database keeps the truth
	}
	t.last[hash] = now
	return true
}

// CreateToken makes a new API token for the account with that email and
// returns it. Only its hash is stored: the token is shown this once.
func (s *Service) CreateToken(ctx context.Context, email, name string) (string, error) {
	return s.CreateTokenUntil(ctx, email, name, time.Time{})
}

// CreateTokenUntil makes a new API token for the account with that email,
// working until expires (the zero time: until revoked), and returns it.
func (s *Service) CreateTokenUntil(ctx context.Context, email, name string, expires time.Time) (string, error) {
	u, _, err := s.store.UserByEmail(ctx, symposium.NormalizeEmail(email))
	if err != nil {
		return "", err
	}
	token, _, err := s.IssueToken(ctx, u, name, expires)
	return token, err
}

// IssueToken makes a new API token for the caller, named name and working
// until expires (the zero time: until revoked). It returns the token,
// shown this once, and the token as its owner sees it in lists.
func (s *Service) IssueToken(ctx context.Context, u *symposium.User, name string, expires time.Time) (string, *symposium.APIToken, error) {
	if u == nil {
		return "", nil, symposium.Unauthorized()
	}
	k := &symposium.APIToken{Name: name, ExpiresAt: expires.UTC().Truncate(time.Microsecond)}
	if expires.IsZero() {
		k.ExpiresAt = time.Time{}
	}
	var p symposium.Problems
	k.Validate(&p, time.Now())
	if err := p.Err(); err != nil {
		return "", nil, err
	}
	token := secret.New(tokenPrefix)
	k.Prefix = token[:shownPrefix]
	if err := s.store.CreateAPIToken(ctx, u.ID, secret.Hash(token), k); err != nil {
		return "", nil, err
	}
	return token, k, nil
}

// Tokens lists the caller's API tokens, newest first, without their
// secrets; revoked and expired ones stay listed for a while.
func (s *Service) Tokens(ctx context.Context, u *symposium.User) ([]symposium.APIToken, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	list, err := s.store.APITokens(ctx, u.ID)
	if list == nil && err == nil {
		list = []symposium.APIToken{}
	}
	return list, err
}

// RevokeToken stops one of the caller's tokens from working. Another
// account's token, or one already revoked, is not found.
func (s *Service) RevokeToken(ctx context.Context, u *symposium.User, id string) error {
	if u == nil {
		return symposium.Unauthorized()
	}
	return s.store.RevokeAPIToken(ctx, u.ID, id)
}

// RevokeTokens revokes the tokens of the account with that email: all of
// them when prefix is empty, otherwise the one unrevoked token whose shown
// prefix starts with prefix, or is the start of prefix (a longer part of
// the token, or the whole token). It reports
// how many it revoked; a prefix matching none is not found, and one
// matching several is invalid.
func (s *Service) RevokeTokens(ctx context.Context, email, prefix string) (int, error) {
	u, _, err := s.store.UserByEmail(ctx, symposium.NormalizeEmail(email))
	if err != nil {
		return 0, err
	}
	if prefix == "" {
		n, err := s.store.RevokeAPITokens(ctx, u.ID)
		return int(n), err
	}
	list, err := s.store.APITokens(ctx, u.ID)
	if err != nil {
		return 0, err
	}
	var match []string
	for _, k := range list {
		named := strings.HasPrefix(k.Prefix, prefix) || strings.HasPrefix(prefix, k.Prefix)
		if k.RevokedAt.IsZero() && k.Prefix != "" && named {
			match = append(match, k.ID)
		}
	}
	switch {
	case len(match) == 0:
		return 0, symposium.Errorf(symposium.ENOTFOUND, "error.token_unknown")
	case len(match) > 1:
		var p symposium.Problems
		p.Add("prefix", "error.field.token_ambiguous", "Count", len(match))
		return 0, p.Err()
	}
	return 1, s.store.RevokeAPIToken(ctx, u.ID, match[0])
}

// TokenUser returns the account an API token authenticates; a revoked or
// expired token is refused as unauthorized. The token's last use is
// recorded, at most once an hour.
func (s *Service) TokenUser(ctx context.Context, token string) (*symposium.User, error) {
	if !strings.HasPrefix(token, tokenPrefix) {
		return nil, symposium.Errorf(symposium.EUNAUTHORIZED, "error.unauthorized")
	}
	hash, now := secret.Hash(token), time.Now()
	u, err := s.store.TokenUser(ctx, hash, now)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return nil, symposium.Errorf(symposium.EUNAUTHORIZED, "error.unauthorized")
	}
	if err != nil {
		return nil, err
	}
	if s.used.due(hash, now) {
		if err := s.store.TouchAPIToken(ctx, hash, now, now.Add(-usedEvery)); err != nil {
			return nil, err
		}
	}
	return u, nil
}
