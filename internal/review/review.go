// Package review runs an event's call for abstracts and their review:
// submitting and editing abstracts until the deadline, finding reviewers'
// conflicts of interest (with the people index for names under other
// spellings), assigning reviewers by hand or automatically, reviews with
// drafts, the decision list, and releasing decisions, which turns accepted
// abstracts into contributions and tells the authors. Blind review hides
// authors from reviewers in everything this package hands out.
package review

import (
	"context"
	"fmt"
	"slices"
	"time"

	"symposium"
	"symposium/internal/i18n"
	"symposium/internal/search"
	"symposium/internal/store"
)

// Service runs calls for abstracts and their review.
type Service struct {
	store   *store.Store
	search  *search.Service
	i18n    *i18n.Bundle
	baseURL string
	// Now tells the time; tests move it.
	Now func() time.Time
}

// New returns a Service; baseURL starts the links in mails.
func New(st *store.Store, se *search.Service, b *i18n.Bundle, baseURL string) *Service {
	return &Service{store: st, search: se, i18n: b, baseURL: baseURL, Now: time.Now}
}

// PutCall validates and stores an event's call for abstracts.
func (s *Service) PutCall(ctx context.Context, e *symposium.Event, c *symposium.Call) error {
	c.EventID = e.ID
	var p symposium.Problems
	c.Validate(&p)
	if err := p.Err(); err != nil {
		return err
	}
	return s.store.PutCall(ctx, c)
}

// call returns an event's call, or a conflict when it has none.
func (s *Service) call(ctx context.Context, eventID string) (*symposium.Call, error) {
	c, err := s.store.Call(ctx, eventID)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return nil, symposium.Errorf(symposium.ECONFLICT, "error.call_missing")
	}
	return c, err
}

// Submit validates and stores an abstract submitted by an account, and
// tells its co-authors.
func (s *Service) Submit(ctx context.Context, e *symposium.Event, u *symposium.User, a *symposium.Abstract) error {
	c, err := s.call(ctx, e.ID)
	if err != nil {
		return err
	}
	if err := s.open(c); err != nil {
		return err
	}
	a.EventID, a.SubmitterID = e.ID, u.ID
	var p symposium.Problems
	a.Validate(&p, c)
	if err := p.Err(); err != nil {
		return err
	}
	if err := s.store.CreateAbstract(ctx, a); err != nil {
		return err
	}
	return s.tellCoauthors(ctx, e, u, a)
}

// open refuses submissions and edits outside the call's dates.
func (s *Service) open(c *symposium.Call) error {
	now := s.Now()
	if now.Before(c.OpensAt) {
		return symposium.Errorf(symposium.ECONFLICT, "error.call_not_open")
	}
	if !now.Before(c.ClosesAt) {
		return symposium.Errorf(symposium.ECONFLICT, "error.call_closed")
	}
	return nil
}

// Edit changes an abstract before the deadline; only its submitter or an
// author may.
func (s *Service) Edit(ctx context.Context, u *symposium.User, a *symposium.Abstract) error {
	old, err := s.store.Abstract(ctx, a.ID)
	if err != nil {
		return err
	}
	if ok, err := s.isAuthor(ctx, u, old); err != nil || !ok {
		return orNotFound(err)
	}
	c, err := s.call(ctx, old.EventID)
	if err != nil {
		return err
	}
	if err := s.open(c); err != nil {
		return err
	}
	a.EventID, a.SubmitterID = old.EventID, old.SubmitterID
	var p symposium.Problems
	a.Validate(&p, c)
	if err := p.Err(); err != nil {
		return err
	}
	return s.store.UpdateAbstract(ctx, a)
}

// Withdraw withdraws an abstract, at any time before its decision is
// released; only its submitter or an author may.
func (s *Service) Withdraw(ctx context.Context, u *symposium.User, id string) error {
	a, err := s.store.Abstract(ctx, id)
	if err != nil {
		return err
	}
	if ok, err := s.isAuthor(ctx, u, a); err != nil || !ok {
		return orNotFound(err)
	}
	return s.store.WithdrawAbstract(ctx, id)
}

// Confirm records that the signed-in author confirms being one: every
// person the account is (its verified email's) among the abstract's
// authors.
func (s *Service) Confirm(ctx context.Context, u *symposium.User, id string) error {
	a, err := s.store.Abstract(ctx, id)
	if err != nil {
		return err
	}
	mine, err := s.authorsOf(ctx, u, a)
	if err != nil {
		return err
	}
	if len(mine) == 0 {
		return symposium.NotFound()
	}
	for _, personID := range mine {
		if err := s.store.ConfirmAuthorship(ctx, id, personID); err != nil {
			return err
		}
	}
	return nil
}

// isAuthor reports whether an account submitted an abstract or is the
// person of one of its authors, through its verified email.
func (s *Service) isAuthor(ctx context.Context, u *symposium.User, a *symposium.Abstract) (bool, error) {
	if u == nil {
		return false, nil
	}
	if a.SubmitterID == u.ID {
		return true, nil
	}
	mine, err := s.authorsOf(ctx, u, a)
	return len(mine) > 0, err
}

// authorsOf returns the authors of an abstract the account is: the people
// carrying its verified email. An unverified account is none.
func (s *Service) authorsOf(ctx context.Context, u *symposium.User, a *symposium.Abstract) ([]string, error) {
	people, err := s.store.AccountPeople(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("review: authors of: %w", err)
	}
	var out []string
	for _, p := range people {
		if slices.Contains(a.AuthorIDs, p.ID) {
			out = append(out, p.ID)
		}
	}
	return out, nil
}

// orNotFound turns a refusal without cause into not found: whoever may not
// see an abstract is not told it exists.
func orNotFound(err error) error {
	if err != nil && symposium.ErrorCode(err) != symposium.ENOTFOUND {
		return err
	}
	return symposium.NotFound()
}
