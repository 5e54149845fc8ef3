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

// assignState is an assignment as the audit log records it.
type assignState struct {
	Reviewer string `json:"reviewer"`
	Override string `json:"override,omitempty"`
}

// AssignReviewer assigns the account with an email to review the abstract
// with the ID, for the managers of its event, making it a reviewer of the
// event, recorded in the audit log. A conflict of interest refuses it,
// with the reasons, unless override gives the manager's reason to assign
// anyway, which is recorded.
func (s *Service) AssignReviewer(ctx context.Context, manager *symposium.User, id, email, override string) (*symposium.Assignment, error) {
	v, err := s.managedAbstract(ctx, manager, id)
	if err != nil {
		return nil, err
	}
	a := v.Abstract
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
	entry := symposium.NewAuditEntry(manager, a.EventID, symposium.AuditReviewerAssign, a.ID, nil, assignState{Reviewer: u.Email, Override: as.Override})
	added, err := s.store.Assign(store.WithAudit(ctx, entry), []symposium.Assignment{as}, manager.ID)
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

// AutoAssign proposes reviewers for every submitted abstract of the event
// with the slug, perAbstract each in all, for its managers, and applies
// the proposal unless preview is set, recorded in the audit log.
// Reviewers hear of their new assignments by mail.
func (s *Service) AutoAssign(ctx context.Context, manager *symposium.User, slug string, perAbstract int, preview bool) (*Proposal, error) {
	e, _, err := s.managed(ctx, manager, slug)
	if err != nil {
		return nil, err
	}
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
	entry := symposium.NewAuditEntry(manager, e.ID, symposium.AuditReviewerAssign, e.ID, nil,
		map[string]any{"per_abstract": perAbstract, "assignments": proposal.Assignments})
	added, err := s.store.Assign(store.WithAudit(ctx, entry), proposal.Assignments, manager.ID)
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

// SetBid records how much the caller, a reviewer of its event, wants the
// abstract with the ID; an empty bid takes it back. Anyone else gets not
// found.
func (s *Service) SetBid(ctx context.Context, u *symposium.User, id, bid string) error {
	if u == nil {
		return symposium.Unauthorized()
	}
	if bid != "" && !slices.Contains(symposium.Bids, bid) {
		var p symposium.Problems
		p.Add("bid", "error.field.one_of", "Allowed", strings.Join(symposium.Bids, ", "))
		return p.Err()
	}
	v, err := s.reach(ctx, u, id)
	if err != nil {
		return err
	}
	if !v.Access.Has(symposium.RoleReviewer) {
		return forbiddenIfSeen(v)
	}
	if err := s.seesToBid(ctx, u, v.Access, v.Abstract); err != nil {
		return err // a conflicted reviewer neither sees nor bids for it
	}
	return s.store.SetBid(ctx, v.Abstract.ID, u.ID, bid)
}

// forbiddenIfSeen refuses an action on an abstract: forbidden to whoever
// may see it, not found to anyone else.
func forbiddenIfSeen(v *View) error {
	if v.As != "" {
		return symposium.Forbidden()
	}
	return symposium.NotFound()
}

// Declare records a conflict of interest with the abstract with the ID,
// declared by a reviewer of its event (about themselves, reviewerEmail
// "") or by an author (about the reviewer with the email). It returns the
// abstract's event. Anyone else gets not found.
func (s *Service) Declare(ctx context.Context, u *symposium.User, id, reviewerEmail string) (*symposium.Event, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	v, err := s.reach(ctx, u, id)
	if err != nil {
		return nil, err
	}
	a, e := v.Abstract, v.Event
	if reviewerEmail == "" {
		if !v.Access.Has(symposium.RoleReviewer) {
			return nil, forbiddenIfSeen(v)
		}
		return e, s.store.DeclareInterest(ctx, a.ID, u.ID, "reviewer")
	}
	if v.As != AsAuthor {
		return nil, forbiddenIfSeen(v)
	}
	r, _, err := s.store.UserByEmail(ctx, symposium.NormalizeEmail(reviewerEmail))
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		var p symposium.Problems
		p.Add("email", "error.field.unknown_account")
		return nil, p.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("review: declare: %w", err)
	}
	return e, s.store.DeclareInterest(ctx, a.ID, r.ID, "author")
}

// reviewerState is a reviewer added to an event, as the audit log records
// it.
type reviewerState struct {
	Email  string   `json:"email"`
	Role   string   `json:"role"`
	Tracks []string `json:"tracks"`
}

// AddReviewer makes the account with an email a reviewer of the event
// with the slug, for the tracks given (none: any track), for its
// managers, recorded in the audit log. The tracks must be the call's.
func (s *Service) AddReviewer(ctx context.Context, u *symposium.User, slug, email string, trackIDs []string) (*symposium.EventRole, error) {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	if trackIDs == nil {
		trackIDs = []string{}
	}
	if len(trackIDs) > 0 {
		c, err := s.call(ctx, e.ID)
		if err != nil {
			return nil, err
		}
		var p symposium.Problems
		for i, id := range trackIDs {
			if c.Track(id) == nil {
				p.Add(fmt.Sprintf("track_ids.%d", i), "error.field.unknown_reference")
			}
		}
		if err := p.Err(); err != nil {
			return nil, err
		}
	}
	email = symposium.NormalizeEmail(email)
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditRoleGrant, "", nil,
		reviewerState{Email: email, Role: symposium.RoleReviewer, Tracks: trackIDs})
	role, err := s.store.AddEventRole(store.WithAudit(ctx, entry), e.ID, email, symposium.RoleReviewer)
	if err != nil {
		return nil, err
	}
	if err := s.store.SetReviewerTracks(ctx, e.ID, role.UserID, trackIDs); err != nil {
		return nil, err
	}
	return role, nil
}
