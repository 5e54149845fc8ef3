// Package accounts signs people up and in: password hashing, sessions,
// API tokens, verifying addresses, password resets, sign-in links and
// throttling, and the site-wide permissions administrators grant.
package accounts

import (
	"context"
	"fmt"
	"time"

	"symposium"
	"symposium/internal/limits"
	"symposium/internal/secret"
	"symposium/internal/store"
)

// Config sets the lifetimes and limits of accounts.
type Config struct {
	Hash           HashParams
	HashConcurrent int           // hashes running at once
	SessionTTL     time.Duration // how long a session lasts
	ResetTTL       time.Duration // how long a password-reset link works
	VerifyTTL      time.Duration // how long a link verifying an address works
	SignInLinkTTL  time.Duration // how long a mailed sign-in link works
	Window         time.Duration // the throttling window
	AccountLimit   int           // sign-in attempts per account per window
	AddressLimit   int           // sign-in attempts per client address per window
	Limits         limits.Config // mail strangers may make Symposium send
}

// DefaultConfig is the configuration for production.
func DefaultConfig() Config {
	return Config{
		Hash:           DefaultHashParams,
		HashConcurrent: 2,
		SessionTTL:     30 * 24 * time.Hour,
		ResetTTL:       time.Hour,
		VerifyTTL:      7 * 24 * time.Hour,
		SignInLinkTTL:  15 * time.Minute,
		Window:         15 * time.Minute,
		AccountLimit:   10,
		AddressLimit:   30,
		Limits:         limits.DefaultConfig(),
	}
}

// Service manages accounts on top of the store.
type Service struct {
	store  *store.Store
	hasher *Hasher
	limits *limits.Limiter
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
	return &Service{store: s, hasher: h, limits: limits.New(s, cfg.Limits), cfg: cfg, dummyHash: dummy}, nil
}

// Limits returns the limiter of strangers' requests, shared with the other
// services that mail strangers.
func (s *Service) Limits() *limits.Limiter { return s.limits }

// LinkMail writes the message carrying a link mailed to an account, in the
// account's language: to is the address it goes to, token goes into the
// link.
type LinkMail func(u *symposium.User, to, token string) symposium.Mail

// SignUp creates an account for someone signing up: its email counts for
// nothing until the link mailed there is opened. The account is neither an
// administrator, a curator nor an organizer. Bad input is an EINVALID
// error naming each field; an email in use is an ECONFLICT on "email";
// too many sign-ups from the caller's address, or mails to that email,
// give ETOOMANY.
func (s *Service) SignUp(ctx context.Context, u *symposium.User, password string, write LinkMail) error {
	u.IsAdmin, u.IsCurator, u.CanCreateEvents, u.Verified = false, false, false, false
	if err := s.create(ctx, u, password, func() error {
		return s.limits.Mail(ctx, symposium.ClientFromContext(ctx), u.Email)
	}); err != nil {
		return err
	}
	return s.mailVerification(ctx, u, u.Email, write)
}

// AddUser creates an account as an administrator's tool does: verified,
// an administrator, a curator or an organizer as u says.
func (s *Service) AddUser(ctx context.Context, u *symposium.User, password string) error {
	return s.create(ctx, u, password, func() error { return nil })
}

// create validates and stores an account, after allow agrees.
func (s *Service) create(ctx context.Context, u *symposium.User, password string, allow func() error) error {
	var p symposium.Problems
	u.Validate(&p)
	symposium.ValidatePassword(&p, "password", password)
	if err := p.Err(); err != nil {
		return err
	}
	if err := allow(); err != nil {
		return err
	}
	hash, err := s.hasher.Hash(ctx, password)
	if err != nil {
		return fmt.Errorf("accounts: create account: %w", err)
	}
	return s.store.CreateUser(ctx, u, hash)
}

// SignIn checks an email and password and starts a session, returning its
// secret token for the cookie. previous is the token of the session the
// browser held before, which ends: signing in rotates the session.
//
// Every attempt is counted, for the account and for the client address,
// before the password is checked: past either limit the attempt is
// refused with ETOOMANY without checking it, so that attempts sent
// together cannot pass the limit. Signing in clears the account's count
// and takes back the address's.
func (s *Service) SignIn(ctx context.Context, email, password, address, previous string) (*symposium.User, string, error) {
	email = symposium.NormalizeEmail(email)
	account, client := "signin:account:"+email, ""
	if address != "" {
		client = "signin:address:" + address
	}
	if err := s.countAttempt(ctx, account, client); err != nil {
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
		return nil, "", symposium.Errorf(symposium.EUNAUTHORIZED, "error.signin_failed")
	}
	if err := s.store.ClearFailures(ctx, account); err != nil {
		return nil, "", err
	}
	if client != "" {
		if err := s.store.UncountAttempt(ctx, client); err != nil {
			return nil, "", err
		}
	}
	token, err := s.startSession(ctx, u.ID, previous)
	return u, token, err
}

// countAttempt counts a sign-in attempt for an account and, when given, a
// client address, and refuses it past either limit.
func (s *Service) countAttempt(ctx context.Context, account, client string) error {
	keys, limits := []string{account}, []int{s.cfg.AccountLimit}
	if client != "" {
		keys, limits = append(keys, client), append(limits, s.cfg.AddressLimit)
	}
	counts, err := s.store.CountAttempts(ctx, time.Now(), s.cfg.Window, keys...)
	if err != nil {
		return err
	}
	for i, n := range counts {
		if n > limits[i] {
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
