package accounts

import (
	"context"
	"fmt"
	"time"

	"symposium"
	"symposium/internal/secret"
)

// ResetMail writes the message carrying a password-reset link for an
// account, in the account's language; token goes into the link.
type ResetMail func(u *symposium.User, token string) symposium.Mail

// RequestReset queues a password-reset link for the account with that
// email. An unknown email is not an error and sends nothing, so that the
// answer does not reveal who has an account; too many requests from the
// caller's address, or for that email, give ETOOMANY either way.
func (s *Service) RequestReset(ctx context.Context, email string, write ResetMail) error {
	u, err := s.strangersRecipient(ctx, email)
	if err != nil || u == nil {
		return err
	}
	token := secret.New("")
	if err := s.store.CreatePasswordReset(ctx, u.ID, secret.Hash(token), time.Now().Add(s.cfg.ResetTTL), write(u, token)); err != nil {
		return fmt.Errorf("accounts: request reset: %w", err)
	}
	return nil
}

// ResetPassword sets a new password with a reset token, ends every session
// of the account, and returns the account. An unknown, used or expired token
// is EINVALID with the message error.reset_link_invalid.
func (s *Service) ResetPassword(ctx context.Context, token, password string) (*symposium.User, error) {
	var p symposium.Problems
	symposium.ValidatePassword(&p, "password", password)
	if err := p.Err(); err != nil {
		return nil, err
	}
	hash, err := s.hasher.Hash(ctx, password)
	if err != nil {
		return nil, fmt.Errorf("accounts: reset password: %w", err)
	}
	u, err := s.store.ResetPassword(ctx, secret.Hash(token), hash, time.Now())
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return nil, symposium.Errorf(symposium.EINVALID, "error.reset_link_invalid")
	}
	return u, err
}
