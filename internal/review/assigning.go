package review

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"symposium"
	"symposium/internal/store"
)

// MaxPerAbstract bounds the reviewers an automatic assignment gives each
// abstract.
const MaxPerAbstract = 10

// AssignReviewer assigns the account with an email to review an abstract,
// making it a reviewer of the event. A conflict of interest refuses it,
// with the reasons, unless override gives the manager's reason to assign
// anyway, which is recorded.
func (s *Service) AssignReviewer(ctx context.Context, manager *symposium.User, a *symposium.Abstract, email, override string) (*symposium.Assignment, error) {
	override = strings.TrimSpace(override)
	if len([]rune(override)) > symposium.MaxTitleLength {
		var p symposium.Problems
		p.Add("override", "error.field.too_long", "Max", symposium.MaxTitleLength)
		return nil, p.Err()
	}
	if a.Status != symposium.AbstractSubmitted {
		return nil, symposium.Errorf(symposium.ECONFLICT, "error.abstract_closed")
	}
	u, _, err := s.store.UserByEmail(ctx, symposium.NormalizeEmail(email))
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		var p symposium.Problems
		p.Add("email", "error.field.unknown_account")
		return nil, p.Err()
	}
	if err != nil {
		return nil, err
	}
	interests, err := s.interestsOf(ctx, u, a)
	if err != nil {
		return nil, err
	}
	if len(interests) > 0 && override == "" {
		return nil, conflictError(interests, false)
	}
	if _, err := s.store.AddEventRole(ctx, a.EventID, u.Email, symposium.RoleReviewer); err != nil {
		return nil, err
	}
	as := symposium.Assignment{AbstractID: a.ID, ReviewerID: u.ID}
	if len(interests) > 0 {
		as.Override = override
	}
	added, err := s.store.Assign(ctx, []symposium.Assignment{as}, manager.ID)
	if err != nil {
		return nil, err
	}
	if len(added) > 0 {
		if err := s.tellReviewers(ctx, a.EventID, added); err != nil {
			return nil, err
		}
	}
	return &as, nil
}

// AutoAssign proposes reviewers for every submitted abstract of an event,
// perAbstract each in all, and applies the proposal unless preview is set.
// Reviewers hear of their new assignments by mail.
func (s *Service) AutoAssign(ctx context.Context, manager *symposium.User, e *symposium.Event, perAbstract int, preview bool) (*Proposal, error) {
	if perAbstract < 1 || perAbstract > MaxPerAbstract {
		var p symposium.Problems
		p.Add("per_abstract", "error.field.between", "Min", 1, "Max", MaxPerAbstract)
		return nil, p.Err()
	}
	in, err := s.assignmentInput(ctx, e.ID, perAbstract)
	if err != nil {
		return nil, err
	}
	proposal := propose(*in)
	if preview || len(proposal.Assignments) == 0 {
		return proposal, nil
	}
	added, err := s.store.Assign(ctx, proposal.Assignments, manager.ID)
	if err != nil {
		return nil, err
	}
	proposal.Assignments = added
	return proposal, s.tellReviewers(ctx, e.ID, added)
}

// assignmentInput gathers what an automatic assignment needs.
func (s *Service) assignmentInput(ctx context.Context, eventID string, perAbstract int) (*assignment, error) {
	all, err := s.store.EventAbstracts(ctx, eventID)
	if err != nil {
		return nil, err
	}
	var abstracts []*symposium.Abstract
	for _, a := range all {
		if a.Status == symposium.AbstractSubmitted {
			abstracts = append(abstracts, a)
		}
	}
	reviewers, err := s.store.EventReviewers(ctx, eventID)
	if err != nil {
		return nil, err
	}
	setup, err := s.store.EventReviewSetup(ctx, eventID)
	if err != nil {
		return nil, err
	}
	existing, err := s.existing(ctx, eventID)
	if err != nil {
		return nil, err
	}
	g, err := s.loadInterests(ctx, eventUsers(reviewers), abstracts, setup.Declared)
	if err != nil {
		return nil, err
	}
	return &assignment{abstracts: abstracts, reviewers: reviewers, perAbstract: perAbstract, existing: existing,
		bids: setup.Bids, conflicted: g.conflicted}, nil
}

// existing returns the assignments of an event by abstract, then reviewer.
func (s *Service) existing(ctx context.Context, eventID string) (map[string]map[string]bool, error) {
	list, err := s.store.EventAssignments(ctx, eventID)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]bool{}
	for _, a := range list {
		if out[a.AbstractID] == nil {
			out[a.AbstractID] = map[string]bool{}
		}
		out[a.AbstractID][a.ReviewerID] = true
	}
	return out, nil
}

// SetBid records how much a reviewer of the event wants an abstract.
func (s *Service) SetBid(ctx context.Context, u *symposium.User, a *symposium.Abstract, bid string) error {
	if bid != "" {
		var p symposium.Problems
		if !slices.Contains(symposium.Bids, bid) {
			p.Add("bid", "error.field.one_of", "Allowed", strings.Join(symposium.Bids, ", "))
		}
		if err := p.Err(); err != nil {
			return err
		}
	}
	access, err := s.store.EventAccess(ctx, a.EventID, u)
	if err != nil {
		return err
	}
	if !access.Has(symposium.RoleReviewer) {
		return symposium.NotFound()
	}
	return s.store.SetBid(ctx, a.ID, u.ID, bid)
}

// Declare records a conflict of interest declared by a reviewer of the
// event (about themselves) or by an author (about the reviewer with an
// email).
func (s *Service) Declare(ctx context.Context, u *symposium.User, a *symposium.Abstract, reviewerEmail string) error {
	if reviewerEmail == "" {
		access, err := s.store.EventAccess(ctx, a.EventID, u)
		if err != nil {
			return err
		}
		if !access.Has(symposium.RoleReviewer) {
			return symposium.NotFound()
		}
		return s.store.DeclareInterest(ctx, a.ID, u.ID, "reviewer")
	}
	if ok, err := s.isAuthor(ctx, u, a); err != nil || !ok {
		return orNotFound(err)
	}
	r, _, err := s.store.UserByEmail(ctx, symposium.NormalizeEmail(reviewerEmail))
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		var p symposium.Problems
		p.Add("email", "error.field.unknown_account")
		return p.Err()
	}
	if err != nil {
		return fmt.Errorf("review: declare: %w", err)
	}
	return s.store.DeclareInterest(ctx, a.ID, r.ID, "author")
}

// Interests returns a reviewer's conflicts of interest with an abstract,
// for a manager deciding on an override.
func (s *Service) Interests(ctx context.Context, reviewer *symposium.User, a *symposium.Abstract) ([]symposium.Interest, error) {
	return s.interestsOf(ctx, reviewer, a)
}

// Reviewers returns an event's reviewers with their tracks.
func (s *Service) Reviewers(ctx context.Context, eventID string) ([]*store.Reviewer, error) {
	return s.store.EventReviewers(ctx, eventID)
}
