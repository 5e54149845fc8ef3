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
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/search"
	"symposium/internal/store"
)

// Service runs calls for abstracts and their review.
type Service struct {
	store   *store.Store
	search  *search.Service
	events  *events.Service
	i18n    *i18n.Bundle
	baseURL string
	// Now tells the time; tests move it.
	Now func() time.Time
}

// New returns a Service that finds events and the caller's access to them
// through ev; baseURL starts the links in mails.
func New(st *store.Store, se *search.Service, ev *events.Service, b *i18n.Bundle, baseURL string) *Service {
	return &Service{store: st, search: se, events: ev, i18n: b, baseURL: baseURL, Now: time.Now}
}

// require returns the event with the slug and the caller's access when
// allowed says they may act on it: unauthorized without a caller, not
// found when they may not see the event, forbidden when they see it but
// may not.
func (s *Service) require(ctx context.Context, u *symposium.User, slug string, allowed func(symposium.Access) bool) (*symposium.Event, symposium.Access, error) {
	if u == nil {
		return nil, symposium.Access{}, symposium.Unauthorized()
	}
	e, access, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return nil, access, err
	}
	return e, access, access.Require(e, allowed(access))
}

// managed returns the event with the slug for one of its managers.
func (s *Service) managed(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, symposium.Access, error) {
	return s.require(ctx, u, slug, symposium.Access.CanManage)
}

// Submission is an abstract as submitted or edited, with the authors
// typed in who are not people of the directory yet.
type Submission struct {
	Abstract *symposium.Abstract
	// NewAuthors are added to the directory before the abstract is
	// stored, under the IDs the submitter chose for them among the
	// abstract's authors, once everything else is valid.
	NewAuthors []*symposium.Person
	// NewOrganizations are the affiliations typed in for new authors that
	// no organization of the directory has: each is added, under a new
	// ID, before the new authors whose OrganizationID names its ID here.
	NewOrganizations []*symposium.Organization
	// Confirm records that the submitter, being one of the authors, knows
	// it.
	Confirm bool
}

// Submit validates and stores an abstract the caller submits to the event
// with the slug, which they must be able to see, while its call is open,
// and tells its co-authors.
func (s *Service) Submit(ctx context.Context, u *symposium.User, slug string, sub Submission) error {
	if u == nil {
		return symposium.Unauthorized()
	}
	e, _, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return err
	}
	c, err := s.call(ctx, e.ID)
	if err != nil {
		return err
	}
	if err := s.open(c); err != nil {
		return err
	}
	a := sub.Abstract
	a.EventID, a.SubmitterID = e.ID, u.ID
	if err := s.validate(a, c, sub); err != nil {
		return err
	}
	if err := s.addAuthors(ctx, u, sub); err != nil {
		return err
	}
	if err := s.store.CreateAbstract(ctx, a); err != nil {
		return err
	}
	if err := s.tellCoauthors(ctx, e, u, a); err != nil {
		return err
	}
	if !sub.Confirm {
		return nil
	}
	mine, err := s.authorsOf(ctx, u, a)
	if err != nil {
		return err
	}
	return s.confirm(ctx, a.ID, mine)
}

// validate checks an abstract against its call, and the new authors and
// their new organizations.
func (s *Service) validate(a *symposium.Abstract, c *symposium.Call, sub Submission) error {
	var p symposium.Problems
	a.Validate(&p, c)
	validateNewOrganizations(&p, sub)
	for i, person := range sub.NewAuthors {
		field := fmt.Sprintf("new_authors.%d", i)
		if !slices.Contains(a.AuthorIDs, person.ID) {
			p.Add(field, "error.field.unknown_reference")
		}
		var pp symposium.Problems
		person.Validate(&pp)
		for _, fe := range pp {
			p = append(p, symposium.FieldError{Field: field + "." + fe.Field, Key: fe.Key, Args: fe.Args})
		}
	}
	return p.Err()
}

// addAuthors adds the organizations and then the authors typed in to the
// directory, each new author under the ID their organization is given.
func (s *Service) addAuthors(ctx context.Context, u *symposium.User, sub Submission) error {
	ids, err := s.addAffiliations(ctx, u, sub)
	if err != nil {
		return err
	}
	for _, person := range sub.NewAuthors {
		if id, ok := ids[person.OrganizationID]; ok {
			person.OrganizationID = id
		}
		if err := s.store.CreatePerson(ctx, person); err != nil {
			return err
		}
	}
	return nil
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

// Edit changes an abstract before the deadline, adding the new authors
// typed in to the directory; only its submitter or an author may. Others
// who see the abstract are forbidden; anyone else gets not found.
func (s *Service) Edit(ctx context.Context, u *symposium.User, sub Submission) error {
	a := sub.Abstract
	v, err := s.authored(ctx, u, a.ID)
	if err != nil {
		return err
	}
	old := v.Abstract
	c, err := s.call(ctx, old.EventID)
	if err != nil {
		return err
	}
	if err := s.open(c); err != nil {
		return err
	}
	a.EventID, a.SubmitterID = old.EventID, old.SubmitterID
	if err := s.validate(a, c, sub); err != nil {
		return err
	}
	if err := s.addAuthors(ctx, u, sub); err != nil {
		return err
	}
	return s.store.UpdateAbstract(ctx, a)
}

// Withdraw withdraws the abstract with the ID, at any time before its
// decision is released; only its submitter or an author may. Others who
// see the abstract are forbidden; anyone else gets not found.
func (s *Service) Withdraw(ctx context.Context, u *symposium.User, id string) error {
	if _, err := s.authored(ctx, u, id); err != nil {
		return err
	}
	return s.store.WithdrawAbstract(ctx, id)
}

// Confirm records that the signed-in author confirms being one: every
// person the account is (its verified email's) among the authors of the
// abstract with the ID. Others who see the abstract are forbidden; anyone
// else gets not found.
func (s *Service) Confirm(ctx context.Context, u *symposium.User, id string) error {
	if u == nil {
		return symposium.Unauthorized()
	}
	v, err := s.reach(ctx, u, id)
	if err != nil {
		return err
	}
	a, err := s.store.Abstract(ctx, id)
	if err != nil {
		return err
	}
	mine, err := s.authorsOf(ctx, u, a)
	switch {
	case err != nil:
		return err
	case len(mine) == 0 && v.As == "":
		return symposium.NotFound()
	case len(mine) == 0:
		return symposium.Forbidden()
	}
	return s.confirm(ctx, id, mine)
}

// confirm records that the people confirm being authors of an abstract.
func (s *Service) confirm(ctx context.Context, id string, mine []string) error {
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
