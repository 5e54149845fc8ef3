package accounts

import (
	"context"
	"fmt"
	"time"

	"symposium"
	"symposium/internal/secret"
	"symposium/internal/store"
)

// RequestSignInLink mails a one-time sign-in link to a verified account's
// email, for its owner when signing in with the password is throttled. An
// unknown or unverified address is not an error and gets nothing, so that
// the answer does not reveal who has an account; too many requests from
// the caller's address, or for that email, give ETOOMANY either way.
func (s *Service) RequestSignInLink(ctx context.Context, email string, write LinkMail) error {
	u, err := s.strangersRecipient(ctx, email)
	if err != nil || u == nil || !u.Verified {
		return err
	}
	token := secret.New("")
	l := store.EmailLink{TokenHash: secret.Hash(token), UserID: u.ID, Purpose: store.LinkSignIn, Email: u.Email, Expires: time.Now().Add(s.cfg.SignInLinkTTL)}
	if err := s.store.CreateEmailLink(ctx, l, write(u, u.Email, token)); err != nil {
		return fmt.Errorf("accounts: request sign-in link: %w", err)
	}
	return nil
}

// SignInWithLink uses a mailed sign-in link and starts a session, as
// SignIn does, returning its token. The owner proved the address, so the
// account's count of sign-in attempts is cleared. An unknown, used or
// expired link is EINVALID with the message error.signin_link_invalid.
func (s *Service) SignInWithLink(ctx context.Context, token, previous string) (*symposium.User, string, error) {
	u, err := s.store.UseSignInLink(ctx, secret.Hash(token), time.Now())
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return nil, "", symposium.Errorf(symposium.EINVALID, "error.signin_link_invalid")
	}
	if err != nil {
		return nil, "", err
	}
	if err := s.store.ClearFailures(ctx, "signin:account:"+u.Email); err != nil {
		return nil, "", err
	}
	session, err := s.startSession(ctx, u.ID, previous)
	return u, session, err
}
