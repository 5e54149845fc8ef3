package review

import (
	"context"

	"symposium"
)

// SaveReview stores a review of the abstract with the ID by the reviewer
// assigned to it: a draft, or submitted. Reviews by anyone not assigned,
// or assigned with a conflict of interest no manager overrode, are
// refused with the reason to those who see the abstract or review at its
// event; anyone else gets not found. Reviews outside the review phase and
// ratings off the scale are refused too.
func (s *Service) SaveReview(ctx context.Context, u *symposium.User, id string, r *symposium.Review) error {
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
	if v.As == "" {
		if err := s.seesToBid(ctx, u, v.Access, a); err != nil {
			return err
		}
	}
	if a.Status != symposium.AbstractSubmitted || (a.Decision != nil && a.Decision.Released) {
		return symposium.Errorf(symposium.ECONFLICT, "error.abstract_closed")
	}
	if err := s.mayReview(ctx, u, a); err != nil {
		return err
	}
	if err := s.reviewPhase(v.Call); err != nil {
		return err
	}
	var p symposium.Problems
	r.Validate(&p, v.Call)
	if err := p.Err(); err != nil {
		return err
	}
	r.AbstractID, r.ReviewerID = a.ID, u.ID
	return s.store.SaveReview(ctx, r)
}

// reviewPhase refuses reviews outside the call's review phase.
func (s *Service) reviewPhase(c *symposium.Call) error {
	now := s.Now()
	if c.ReviewOpensAt != nil && now.Before(*c.ReviewOpensAt) {
		return symposium.Errorf(symposium.ECONFLICT, "error.review_not_open")
	}
	if c.ReviewClosesAt != nil && !now.Before(*c.ReviewClosesAt) {
		return symposium.Errorf(symposium.ECONFLICT, "error.review_closed")
	}
	return nil
}

// Reviews returns the reviews of the abstract with the ID the caller may
// see, for whoever may see the abstract: managers all of them; a reviewer
// their own, and the others' submitted ones once they submitted theirs, if
// the call lets them, without their authors; authors, once the decision is
// released, the comments meant for them and nothing that says who wrote
// them.
func (s *Service) Reviews(ctx context.Context, u *symposium.User, id string) ([]*symposium.Review, error) {
	v, err := s.View(ctx, u, id)
	if err != nil {
		return nil, err
	}
	return s.reviews(ctx, v, u)
}

// reviews returns the reviews of an abstract one viewer may see.
func (s *Service) reviews(ctx context.Context, v *View, u *symposium.User) ([]*symposium.Review, error) {
	all, err := s.store.AbstractReviews(ctx, v.Abstract.ID)
	if err != nil {
		return nil, err
	}
	switch v.As {
	case AsManager:
		return all, nil
	case AsReviewer:
		return reviewerSees(all, u.ID, v.Call.ReviewsVisible), nil
	}
	out := []*symposium.Review{}
	if v.Abstract.Decision == nil || !v.Abstract.Decision.Released {
		return out, nil
	}
	for _, r := range all {
		if r.Submitted && r.CommentToAuthors != "" {
			out = append(out, &symposium.Review{CommentToAuthors: r.CommentToAuthors, Submitted: true})
		}
	}
	return out, nil
}

// reviewerSees filters reviews for one reviewer.
func reviewerSees(all []*symposium.Review, userID string, othersVisible bool) []*symposium.Review {
	out := []*symposium.Review{}
	submitted := false
	for _, r := range all {
		if r.ReviewerID == userID {
			out = append(out, r)
			submitted = r.Submitted
		}
	}
	if !submitted || !othersVisible {
		return out
	}
	for _, r := range all {
		if r.ReviewerID != userID && r.Submitted {
			c := *r
			c.ReviewerID, c.ID = "", ""
			out = append(out, &c)
		}
	}
	return out
}

// next returns the ID of the next abstract of an event a reviewer is
// assigned to and has not submitted a review of, after the given one
// (from the start when after is ""), or "" when none is left.
func (s *Service) next(ctx context.Context, u *symposium.User, eventID, after string) (string, error) {
	ids, err := s.store.ReviewerAssignments(ctx, eventID, u.ID)
	if err != nil {
		return "", err
	}
	done, err := s.store.SubmittedBy(ctx, eventID, u.ID)
	if err != nil {
		return "", err
	}
	start := 0
	for i, id := range ids {
		if id == after {
			start = i + 1
		}
	}
	for i := range ids {
		id := ids[(start+i)%len(ids)]
		if !done[id] && id != after {
			return id, nil
		}
	}
	return "", nil
}

// seesToBid returns nil when a reviewer sees an abstract among those to bid
// for (a reviewer of the event without a conflict of interest with it), and
// not found otherwise.
func (s *Service) seesToBid(ctx context.Context, u *symposium.User, access symposium.Access, a *symposium.Abstract) error {
	if !access.Has(symposium.RoleReviewer) {
		return symposium.NotFound()
	}
	interests, err := s.interestsOf(ctx, u, a)
	if err != nil {
		return err
	}
	if len(interests) > 0 {
		return symposium.NotFound()
	}
	return nil
}
