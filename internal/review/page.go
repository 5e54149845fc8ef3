package review

import (
	"context"

	"symposium"
)

// Page is what an abstract's page shows the caller, by what they are to
// it: authors may confirm and read the comments meant for them; reviewers,
// and managers assigned to it, review it; managers see who reviews it.
type Page struct {
	*View
	// Reviews are the reviews the caller may see.
	Reviews []*symposium.Review
	// Unconfirmed says the caller is an author who has not confirmed
	// being one.
	Unconfirmed bool
	// Reviewing says the caller reviews the abstract; Next is then the
	// next abstract they have to review, or "", and Submitted says their
	// review of this one is submitted: only then, without a Next, have
	// they reviewed everything.
	Reviewing bool
	Next      string
	Submitted bool
	// For managers: the event's reviewers by account ID, and the
	// abstract's assignments.
	Reviewers   map[string]symposium.User
	Assignments []symposium.Assignment
}

// Page returns what the abstract with the ID's page shows the caller, for
// whoever may see the abstract.
func (s *Service) Page(ctx context.Context, u *symposium.User, id string) (*Page, error) {
	v, err := s.View(ctx, u, id)
	if err != nil {
		return nil, err
	}
	p := &Page{View: v, Reviewing: v.As == AsReviewer}
	if p.Reviews, err = s.reviews(ctx, v, u); err != nil {
		return nil, err
	}
	switch v.As {
	case AsAuthor:
		err = s.fillAuthor(ctx, u, p)
	case AsManager:
		err = s.fillManager(ctx, u, p)
	}
	if err != nil {
		return nil, err
	}
	if p.Reviewing {
		p.Next, err = s.next(ctx, u, v.Event.ID, v.Abstract.ID)
		for _, r := range p.Reviews {
			p.Submitted = p.Submitted || (r.ReviewerID == u.ID && r.Submitted)
		}
	}
	return p, err
}

// fillAuthor says whether the author has yet to confirm being one.
func (s *Service) fillAuthor(ctx context.Context, u *symposium.User, p *Page) error {
	mine, err := s.authorsOf(ctx, u, p.Abstract)
	if err != nil {
		return err
	}
	for _, au := range p.Abstract.Authors {
		for _, id := range mine {
			p.Unconfirmed = p.Unconfirmed || (au.PersonID == id && !au.Confirmed)
		}
	}
	return nil
}

// fillManager adds the event's reviewers and the abstract's assignments,
// and whether the manager is assigned to review it too.
func (s *Service) fillManager(ctx context.Context, u *symposium.User, p *Page) error {
	reviewers, err := s.store.EventReviewers(ctx, p.Event.ID)
	if err != nil {
		return err
	}
	p.Reviewers = map[string]symposium.User{}
	for _, r := range reviewers {
		p.Reviewers[r.User.ID] = r.User
	}
	all, err := s.store.EventAssignments(ctx, p.Event.ID)
	if err != nil {
		return err
	}
	for _, as := range all {
		if as.AbstractID == p.Abstract.ID {
			p.Assignments = append(p.Assignments, as)
			p.Reviewing = p.Reviewing || as.ReviewerID == u.ID
		}
	}
	return nil
}
