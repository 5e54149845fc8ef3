package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

// Purposes of a link mailed to an account.
const (
	LinkVerify = "verify" // verifies the address it was mailed to
	LinkSignIn = "signin" // signs the account in, once
)

// EmailLink is a one-time link mailed to an account. Only the hash of its
// token is kept.
type EmailLink struct {
	TokenHash string
	UserID    string
	Purpose   string
	Email     string // the address it is mailed to
	Expires   time.Time
}

// insert stores the link in a transaction.
func (l EmailLink) insert(t *tx) error {
	_, err := t.exec(`INSERT INTO email_links (token_hash, user_id, purpose, email, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6)`, l.TokenHash, l.UserID, l.Purpose, l.Email, ts(now()), ts(l.Expires))
	return err
}

// CreateEmailLink stores a link and queues the mail carrying it, in one
// transaction: no link is mailed that was not stored.
func (s *Store) CreateEmailLink(ctx context.Context, l EmailLink, m symposium.Mail) error {
	err := s.write(ctx, func(t *tx) error {
		if err := l.insert(t); err != nil {
			return err
		}
		return insertMail(t, m)
	})
	if err != nil {
		return fmt.Errorf("store: create email link: %w", err)
	}
	return nil
}

// RequestEmailChange records the address an account asks to change to,
// pending until the verification link l, mailed there, is opened; the
// account keeps its email until then. It stores the link and queues its
// mail in the same transaction.
func (s *Store) RequestEmailChange(ctx context.Context, l EmailLink, m symposium.Mail) error {
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE users SET pending_email = $2, updated_at = $3 WHERE id = $1`, l.UserID, l.Email, ts(now())))
		if err != nil {
			return err
		}
		if n == 0 {
			return symposium.NotFound()
		}
		if err := l.insert(t); err != nil {
			return err
		}
		return insertMail(t, m)
	})
	if err != nil {
		if symposium.AsError(err) != nil {
			return err
		}
		return fmt.Errorf("store: request email change: %w", err)
	}
	return nil
}

// useLink marks an unexpired, unused link of a purpose used and returns its
// account and the address it went to. An unknown, used or expired link is
// not found.
func useLink(t *tx, tokenHash, purpose string, at time.Time) (userID, email string, err error) {
	err = t.queryRow(`UPDATE email_links SET used_at = $2
		WHERE token_hash = $1 AND purpose = $3 AND used_at IS NULL AND expires_at > $2 RETURNING user_id, email`,
		tokenHash, ts(at), purpose).Scan(&userID, &email)
	return userID, email, notFound("use email link", err)
}

// VerifyEmail uses a verification link: the address it was mailed to
// becomes the account's verified email — its email, or the pending one it
// asked to change to. A link to an address the account no longer has or
// asks for, or an unknown, used or expired one, is not found; an address
// another account took meanwhile is a conflict on "email".
func (s *Store) VerifyEmail(ctx context.Context, tokenHash string, at time.Time) (*symposium.User, error) {
	var userID string
	err := s.write(ctx, func(t *tx) error {
		var email string
		var err error
		if userID, email, err = useLink(t, tokenHash, LinkVerify, at); err != nil {
			return err
		}
		var current, pending string
		if err := t.queryRow(`SELECT email, pending_email FROM users WHERE id = $1`, userID).Scan(&current, &pending); err != nil {
			return notFound("verify email", err)
		}
		switch email {
		case current:
			_, err = t.exec(`UPDATE users SET verified_at = COALESCE(verified_at, $2), updated_at = $2 WHERE id = $1`, userID, ts(at))
		case pending:
			_, err = t.exec(`UPDATE users SET email = pending_email, pending_email = '', verified_at = $2, updated_at = $2 WHERE id = $1`,
				userID, ts(at))
			if isUniqueViolation(err) {
				return emailTaken()
			}
		default:
			return symposium.NotFound()
		}
		return err
	})
	if err != nil {
		if symposium.AsError(err) != nil {
			return nil, err
		}
		return nil, fmt.Errorf("store: verify email: %w", err)
	}
	return s.UserByID(ctx, userID)
}

// UseSignInLink uses a sign-in link and returns its account, provided the
// link went to the account's email and that email is verified. An unknown,
// used or expired link, or one to another address, is not found.
func (s *Store) UseSignInLink(ctx context.Context, tokenHash string, at time.Time) (*symposium.User, error) {
	var userID, email string
	err := s.write(ctx, func(t *tx) error {
		var err error
		userID, email, err = useLink(t, tokenHash, LinkSignIn, at)
		return err
	})
	if err != nil {
		if symposium.AsError(err) != nil {
			return nil, err
		}
		return nil, fmt.Errorf("store: use sign-in link: %w", err)
	}
	u, err := s.UserByID(ctx, userID)
	if err != nil {
		return nil, err
	}
	if !u.Verified || u.Email != email {
		return nil, symposium.NotFound()
	}
	return u, nil
}
