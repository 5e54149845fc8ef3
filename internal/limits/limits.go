// Package limits refuses what strangers ask too often: mail they make
// Symposium send, to any one address or from any one client, and
// registrations without an account. The counts are kept in the database,
// so that every server instance agrees on them.
package limits

import (
	"context"
	"time"

	"symposium"
	"symposium/internal/store"
)

// Rule allows at most N requests in each window of length Per; an N of 0
// allows any number.
type Rule struct {
	N   int
	Per time.Duration
}

// Config holds the rules.
type Config struct {
	// MailFrom bounds the mails one client address makes Symposium send to
	// addresses it did not prove are its own: password resets, links to
	// verify an address or sign in, a registration's link.
	MailFrom Rule
	// MailTo bounds such mails to one recipient, whoever asks for them;
	// invitations and registrations count too.
	MailTo Rule
	// Registrations bounds the registrations one client address makes
	// without being signed in with the registered email.
	Registrations Rule
	// Invitations bounds the invitations one client address sends.
	Invitations Rule
	// Votes bounds the votes, questions and poll answers of one person
	// (an account or a guest's device) on live questions: a storm from one
	// source is refused.
	Votes Rule
	// VotesFrom bounds them from one client address, generously: a whole
	// hall may share the venue's one address.
	VotesFrom Rule
}

// DefaultConfig is the configuration for production.
func DefaultConfig() Config {
	return Config{
		MailFrom:      Rule{N: 20, Per: time.Hour},
		MailTo:        Rule{N: 5, Per: time.Hour},
		Registrations: Rule{N: 20, Per: time.Hour},
		Invitations:   Rule{N: 500, Per: time.Hour},
		Votes:         Rule{N: 60, Per: time.Minute},
		VotesFrom:     Rule{N: 6000, Per: time.Minute},
	}
}

// Unlimited lifts the limits on client addresses, for load tests and for
// servers whose clients all reach them through one address; the limits per
// recipient stay.
func (c Config) Unlimited() Config {
	c.MailFrom, c.Registrations, c.Invitations, c.VotesFrom = Rule{}, Rule{}, Rule{}, Rule{}
	return c
}

// Limiter counts requests against the rules.
type Limiter struct {
	store *store.Store
	cfg   Config
	// Now tells the time; tests move it.
	Now func() time.Time
}

// New returns a Limiter.
func New(s *store.Store, cfg Config) *Limiter {
	return &Limiter{store: s, cfg: cfg, Now: time.Now}
}

// Mail counts one mail that a request from the client address from makes
// Symposium send to the address to, and refuses it (ETOOMANY) past either
// limit.
func (l *Limiter) Mail(ctx context.Context, from, to string) error {
	return l.take(ctx, check{"mail:from:" + from, l.cfg.MailFrom}, check{"mail:to:" + symposium.NormalizeEmail(to), l.cfg.MailTo})
}

// Registration counts a registration the client address from makes for
// the address to without being signed in with it, and refuses it past the
// limit on registrations or on mail to that recipient.
func (l *Limiter) Registration(ctx context.Context, from, to string) error {
	return l.take(ctx, check{"register:from:" + from, l.cfg.Registrations}, check{"mail:to:" + symposium.NormalizeEmail(to), l.cfg.MailTo})
}

// Invitation counts an invitation sent from the client address from to
// the address to, and refuses it past the limit on invitations or on mail
// to that recipient.
func (l *Limiter) Invitation(ctx context.Context, from, to string) error {
	return l.take(ctx, check{"invite:from:" + from, l.cfg.Invitations}, check{"mail:to:" + symposium.NormalizeEmail(to), l.cfg.MailTo})
}

// Vote counts one vote, question or poll answer on live questions by the
// person voter from the client address from, and refuses it (ETOOMANY)
// past either limit.
func (l *Limiter) Vote(ctx context.Context, from, voter string) error {
	return l.store.TakeQuotas(ctx, l.VoteQuotas(from, voter))
}

// VoteQuotas returns the limits one vote by the person voter from the
// client address from counts against, for the store to count in the
// vote's own transaction.
func (l *Limiter) VoteQuotas(from, voter string) store.Quotas {
	return l.quotas("error.too_many_votes", check{"vote:by:" + voter, l.cfg.Votes}, check{"vote:from:" + from, l.cfg.VotesFrom})
}

// check is one key counted under one rule.
type check struct {
	key  string
	rule Rule
}

// take counts a request under every key whose rule limits anything, each
// in its own window, and refuses it when any count passes its limit.
func (l *Limiter) take(ctx context.Context, checks ...check) error {
	return l.store.TakeQuotas(ctx, l.quotas("error.too_many_mails", checks...))
}

// quotas turns checks into the store's quotas, refused with the message
// key.
func (l *Limiter) quotas(key string, checks ...check) store.Quotas {
	q := store.Quotas{Now: l.Now(), Refusal: key}
	for _, c := range checks {
		q.List = append(q.List, store.Quota{Key: c.key, N: c.rule.N, Per: c.rule.Per})
	}
	return q
}
