package accounts

import (
	"context"
	"fmt"
	"time"

	"symposium"
	"symposium/internal/secret"
	"symposium/internal/store"
)

// mailVerification mails a link verifying the address to, the account's
// email or the one it asks to change to.
func (s *Service) mailVerification(ctx context.Context, u *symposium.User, to string, write LinkMail) error {
	token := secret.New("")
	l := store.EmailLink{TokenHash: secret.Hash(token), UserID: u.ID, Purpose: store.LinkVerify, Email: to, Expires: time.Now().Add(s.cfg.VerifyTTL)}
	if err := s.store.CreateEmailLink(ctx, l, write(u, to, token)); err != nil {
		return fmt.Errorf("accounts: mail verification: %w", err)
	}
	return nil
}

// ResendVerification mails a new link verifying an account's email to an
// address whose account is not verified yet. An unknown or verified
// address is not an error and gets nothing, so that the answer does not
// reveal who has an account; too many requests from the caller's address,
// or for that email, give ETOOMANY either way.
func (s *Service) ResendVerification(ctx context.Context, email string, write LinkMail) error {
	u, err := s.strangersRecipient(ctx, email)
	if err != nil || u == nil || u.Verified {
		return err
	}
	return s.mailVerification(ctx, u, u.Email, write)
}

// ResendOwnVerification mails the signed-in account a new link verifying
// the address it asks to change to or, when it asks for none, its
// unverified email. A verified account asking for no change gets nothing.
func (s *Service) ResendOwnVerification(ctx context.Context, u *symposium.User, write LinkMail) error {
	if u == nil {
		return symposium.Unauthorized()
	}
	to := u.PendingEmail
	if to == "" && !u.Verified {
		to = u.Email
	}
	if to == "" {
		return nil
	}
	if err := s.limits.Mail(ctx, symposium.ClientFromContext(ctx), to); err != nil {
		return err
	}
	return s.mailVerification(ctx, u, to, write)
}

// strangersRecipient counts a mail that a caller who proved nothing asks
// to be sent to email, refusing it past the limits, and returns the
// account with that email, or nil when there is none.
func (s *Service) strangersRecipient(ctx context.Context, email string) (*symposium.User, error) {
	email = symposium.NormalizeEmail(email)
	if !symposium.ValidEmail(email) {
		var p symposium.Problems
		p.Add("email", "error.field.email")
		return nil, p.Err()
	}
	if err := s.limits.Mail(ctx, symposium.ClientFromContext(ctx), email); err != nil {
		return nil, err
	}
	u, _, err := s.store.UserByEmail(ctx, email)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return nil, nil
	}
	return u, err
}

// Verify uses a link mailed to verify an address and returns the account:
// its email is now verified, or replaced by the new address it asked for.
// An unknown, used, expired or outdated link is EINVALID with the message
// error.verify_link_invalid; an address another account took meanwhile is
// an ECONFLICT.
func (s *Service) Verify(ctx context.Context, token string) (*symposium.User, error) {
	u, err := s.store.VerifyEmail(ctx, secret.Hash(token), time.Now())
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return nil, symposium.Errorf(symposium.EINVALID, "error.verify_link_invalid")
	}
	return u, err
}

// ChangeEmail starts changing the signed-in account's email: the new
// address gets a link, and replaces the old one only once the link is
// opened. The current password is asked for, counted as a sign-in
// attempt; a wrong one is EINVALID on "password". An address another
// account uses is an ECONFLICT on "email".
func (s *Service) ChangeEmail(ctx context.Context, u *symposium.User, email, password string, write LinkMail) error {
	if u == nil {
		return symposium.Unauthorized()
	}
	email = symposium.NormalizeEmail(email)
	var p symposium.Problems
	if !symposium.ValidEmail(email) {
		p.Add("email", "error.field.email")
	}
	if err := p.Err(); err != nil {
		return err
	}
	if err := s.checkPassword(ctx, u, password); err != nil {
		return err
	}
	if email == u.Email {
		return nil
	}
	if _, _, err := s.store.UserByEmail(ctx, email); err == nil {
		return emailTaken()
	} else if symposium.ErrorCode(err) != symposium.ENOTFOUND {
		return err
	}
	if err := s.limits.Mail(ctx, symposium.ClientFromContext(ctx), email); err != nil {
		return err
	}
	token := secret.New("")
	l := store.EmailLink{TokenHash: secret.Hash(token), UserID: u.ID, Purpose: store.LinkVerify, Email: email, Expires: time.Now().Add(s.cfg.VerifyTTL)}
	return s.store.RequestEmailChange(ctx, l, write(u, email, token))
}

// checkPassword checks the signed-in account's password, counting the
// attempt against the account as a sign-in: a stolen session cannot be
// used to guess it faster than signing in could.
func (s *Service) checkPassword(ctx context.Context, u *symposium.User, password string) error {
	key := "signin:account:" + u.Email
	if err := s.countAttempt(ctx, key, ""); err != nil {
		return err
	}
	hash, err := s.store.PasswordHash(ctx, u.ID)
	if err != nil {
		return err
	}
	ok, err := s.hasher.Verify(ctx, password, hash)
	if err != nil {
		return fmt.Errorf("accounts: check password: %w", err)
	}
	if !ok {
		var p symposium.Problems
		p.Add("password", "error.field.password_wrong")
		return p.Err()
	}
	return s.store.ClearFailures(ctx, key)
}

// emailTaken is the error for an address another account uses.
func emailTaken() error {
	e := symposium.Errorf(symposium.ECONFLICT, "error.email_taken")
	e.Fields = []symposium.FieldError{{Field: "email", Key: "error.email_taken"}}
	return e
}
