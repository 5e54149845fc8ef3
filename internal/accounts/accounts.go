// Package accounts signs people up and in: password hashing, sessions,
// API tokens, password resets and sign-in throttling.
package accounts

import (
	"context"
	"fmt"
	"time"

	"symposium"
	"symposium/internal/secret"
	"symposium/internal/store"
)

// Config sets the lifetimes and limits of accounts.
type Config struct {
	Hash           HashParams
	HashConcurrent int           // hashes running at once
	SessionTTL     time.Duration // how long a session lasts
	ResetTTL       time.Duration // how long a password-reset link works
	Window         time.Duration // the throttling window
	AccountLimit   int           // failed sign-ins per account per window
	AddressLimit   int           // failed sign-ins per client address per window
}

// DefaultConfig is the configuration for production.
func DefaultConfig() Config {
	return Config{
		Hash:           DefaultHashParams,
		HashConcurrent: 2,
		SessionTTL:     30 * 24 * time.Hour,
		ResetTTL:       time.Hour,
		Window:         15 * time.Minute,
		AccountLimit:   10,
		AddressLimit:   30,
	}
}

// Service manages accounts on top of the store.
type Service struct {
	store  *store.Store
	hasher *Hasher
	cfg    Config
	// dummyHash is verified against for unknown emails, so that a wrong
	// email takes as long as a wrong password.
	dummyHash string
	// used notes when API tokens' last use was written.
	used touched
}

// New returns a Service.
func New(s *store.Store, cfg Config) (*Service, error) {
	h := NewHasher(cfg.Hash, cfg.HashConcurrent)
	dummy, err := h.Hash(context.Background(), "not a password of anyone")
	if err != nil {
		return nil, err
	}
	return &Service{store: s, hasher: h, cfg: cfg, dummyHash: dummy}, nil
}

// SignUp creates an account. Bad input is an EINVALID error naming each
// field; an email in use is an ECONFLICT on "email".
func (s *Service) SignUp(ctx context.Context, u *symposium.User, password string) error {
	var p symposium.Problems
	u.Validate(&p)
	symposium.ValidatePassword(&p, "password", password)
	if err := p.Err(); err != nil {
		return err
	}
	hash, err := s.hasher.Hash(ctx, password)
	if err != nil {
		return fmt.Errorf("accounts: sign up: %w", err)
	}
	return s.store.CreateUser(ctx, u, hash)
}

// SignIn checks an email and password and starts a session, returning its
// secret token for the cookie. previous is the token of the session the
// browser held before, which ends: signing in rotates the session. Too many
// failures for the account or from the address give ETOOMANY.
func (s *Service) SignIn(ctx context.Context, email, password, address, previous string) (*symposium.User, string, error) {
	email = symposium.NormalizeEmail(email)
	keys := []string{"signin:account:" + email, "signin:address:" + address}
	now := time.Now()
	if err := s.checkThrottle(ctx, keys, now); err != nil {
		return nil, "", err
	}
	u, hash, err := s.store.UserByEmail(ctx, email)
	if err != nil && symposium.ErrorCode(err) != symposium.ENOTFOUND {
		return nil, "", err
	}
	if u == nil {
		hash = s.dummyHash
	}
	ok, err := s.hasher.Verify(ctx, password, hash)
	if err != nil {
		return nil, "", fmt.Errorf("accounts: sign in: %w", err)
	}
	if !ok || u == nil {
		if err := s.store.RecordFailure(ctx, now, s.cfg.Window, keys...); err != nil {
			return nil, "", err
		}
		return nil, "", symposium.Errorf(symposium.EUNAUTHORIZED, "error.signin_failed")
	}
	if err := s.store.ClearFailures(ctx, keys[0]); err != nil {
		return nil, "", err
	}
	token, err := s.startSession(ctx, u.ID, previous)
	return u, token, err
}

// checkThrottle refuses a sign-in when any key has reached its limit.
func (s *Service) checkThrottle(ctx context.Context, keys []string, now time.Time) error {
	limits := []int{s.cfg.AccountLimit, s.cfg.AddressLimit}
	for i, key := range keys {
		n, err := s.store.Failures(ctx, key, now)
		if err != nil {
			return err
		}
		if n >= limits[i] {
			return symposium.Errorf(symposium.ETOOMANY, "error.too_many_requests")
		}
	}
	return nil
}

// startSession stores a new session and returns its token.
func (s *Service) startSession(ctx context.Context, userID, previous string) (string, error) {
	token := secret.New("")
	replaces := ""
	if previous != "" {
		replaces = secret.Hash(previous)
	}
	if err := s.store.CreateSession(ctx, userID, secret.Hash(token), replaces, time.Now().Add(s.cfg.SessionTTL)); err != nil {
		return "", err
	}
	return token, nil
}

// SessionUser returns the account signed in with a session token.
func (s *Service) SessionUser(ctx context.Context, token string) (*symposium.User, error) {
	if token == "" {
		return nil, symposium.Errorf(symposium.EUNAUTHORIZED, "error.unauthorized")
	}
	u, err := s.store.SessionUser(ctx, secret.Hash(token), time.Now())
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return nil, symposium.Errorf(symposium.EUNAUTHORIZED, "error.unauthorized")
	}
	return u, err
}

// SignOut ends a session.
func (s *Service) SignOut(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	return s.store.DeleteSession(ctx, secret.Hash(token))
}

// SessionTTL says how long a new session lasts, for the cookie's lifetime.
func (s *Service) SessionTTL() time.Duration { return s.cfg.SessionTTL }
