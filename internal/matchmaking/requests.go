package matchmaking

import (
	"context"

	"symposium"
	"symposium/internal/store"
)

// CreateRequest sends a meeting request. A participant sends it as
// themself (From empty or their own), while requests are open, to another
// participant with a profile, within the event's cap; a manager may send
// it from any party to any other — participants or delegations — at any
// time, and it counts at once as accepted. Bad input is refused naming
// the field, and nothing is stored. The receiver is told by mail in their
// language.
func (s *Service) CreateRequest(ctx context.Context, u *symposium.User, slug string, r *symposium.MeetingRequest) (*Page, error) {
	p, err := s.member(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	manager := p.IsManager()
	if r.FromID == "" {
		r.FromID = p.Self()
	}
	if !p.IsParty(r.FromID) && !manager {
		return nil, symposium.Forbidden()
	}
	var probs symposium.Problems
	r.Validate(&probs)
	if err := s.checkParties(ctx, p, r, manager, &probs); err != nil {
		return nil, err
	}
	if !manager && !p.Matchmaking.Open(s.now()) {
		probs.Add("to", "error.matchmaking.requests_closed")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	r.EventID, r.CreatedBy, r.Status, r.Approved = p.Event.ID, u.ID, symposium.RequestPending, !p.Matchmaking.Approval
	if manager && !p.IsParty(r.FromID) {
		r.ByManager, r.Status, r.Approved = true, symposium.RequestAccepted, true
	}
	mail, err := s.requestMail(ctx, p, r, "new")
	if err != nil {
		return nil, err
	}
	if r.ByManager {
		entry := symposium.NewAuditEntry(u, p.Event.ID, AuditRequest, r.FromID+"→"+r.ToID, nil, r)
		ctx = store.WithAudit(ctx, entry)
	}
	return p, s.store.CreateRequest(ctx, r, p.Matchmaking.RequestsPerPerson, mail)
}

// checkParties records a sender or receiver who is no party to the
// event's matchmaking: a participant with a profile or, for managers, a
// delegation.
func (s *Service) checkParties(ctx context.Context, p *Page, r *symposium.MeetingRequest, manager bool, probs *symposium.Problems) error {
	for _, side := range []struct{ field, id string }{{"from", r.FromID}, {"to", r.ToID}} {
		if side.id == "" {
			if side.field == "from" {
				probs.Add("from", "error.matchmaking.no_profile")
			}
			continue
		}
		if p.Matchmaking.Delegation(side.id) != nil {
			if !manager {
				probs.Add(side.field, "error.matchmaking.delegation_by_manager")
			}
			continue
		}
		if !symposium.IsID(side.id) {
			probs.Add(side.field, "error.matchmaking.not_participant")
			continue
		}
		_, err := s.store.Profile(ctx, p.Event.ID, side.id)
		switch {
		case symposium.ErrorCode(err) == symposium.ENOTFOUND:
			key := "error.matchmaking.not_participant"
			if side.field == "from" {
				key = "error.matchmaking.no_profile"
			}
			probs.Add(side.field, key)
		case err != nil:
			return err
		}
	}
	return nil
}

// request returns a meeting request with its event's matchmaking page,
// for a caller who may see the event; a request of an event without
// matchmaking, or one the caller is no party to and does not manage, is
// not found.
func (s *Service) request(ctx context.Context, u *symposium.User, id string) (*Page, *symposium.MeetingRequest, error) {
	if u == nil {
		return nil, nil, symposium.Unauthorized()
	}
	r, err := s.store.MeetingRequest(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	e, access, err := s.events.VisibleByID(ctx, u, r.EventID)
	if err != nil {
		return nil, nil, err
	}
	p, err := s.pageOf(ctx, u, e, access, false)
	if err != nil {
		return nil, nil, err
	}
	if !p.IsManager() && !p.IsParty(r.FromID) && !p.IsParty(r.ToID) {
		return nil, nil, symposium.NotFound()
	}
	return p, r, nil
}

// Answer accepts or declines a pending request, for its receiver or a
// manager; the sender is told by mail. A request already answered is a
// conflict; the sender may not answer their own.
func (s *Service) Answer(ctx context.Context, u *symposium.User, id string, accept bool) (*Page, *symposium.MeetingRequest, error) {
	p, r, err := s.request(ctx, u, id)
	if err != nil {
		return nil, nil, err
	}
	if err := p.Access.Require(p.Event, p.Access.CanActInMatchmaking(p.IsParty(r.ToID))); err != nil {
		return nil, nil, err
	}
	status, what := symposium.RequestDeclined, "declined"
	if accept {
		status, what = symposium.RequestAccepted, "accepted"
	}
	answered := *r
	answered.Status = status
	mail, err := s.requestMail(ctx, p, &answered, what)
	if err != nil {
		return nil, nil, err
	}
	if !p.IsParty(r.ToID) {
		entry := symposium.NewAuditEntry(u, p.Event.ID, AuditAnswer, r.ID, r, &answered)
		ctx = store.WithAudit(ctx, entry)
	}
	if err := s.store.AnswerRequest(ctx, r.ID, status, mail); err != nil {
		return nil, nil, err
	}
	return p, &answered, nil
}

// Approve lets a request count for the schedule, where the event asks
// managers to approve requests; for managers.
func (s *Service) Approve(ctx context.Context, u *symposium.User, id string) (*Page, error) {
	p, r, err := s.request(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if err := p.Access.Require(p.Event, p.IsManager()); err != nil {
		return nil, err
	}
	entry := symposium.NewAuditEntry(u, p.Event.ID, AuditApprove, r.ID, nil, nil)
	return p, s.store.ApproveRequest(store.WithAudit(ctx, entry), r.ID)
}

// Requests are a caller's requests at an event: those they received and
// those they sent; for managers, Everyone's too.
type Requests struct {
	Page     *Page
	In, Out  []*symposium.MeetingRequest
	Everyone []*symposium.MeetingRequest
	// Names are the parties' names by ID.
	Names map[string]symposium.LocalizedText
}

// Requests returns the caller's requests, and every request to managers.
func (s *Service) Requests(ctx context.Context, u *symposium.User, slug string) (*Requests, error) {
	p, err := s.member(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	all, err := s.store.MeetingRequests(ctx, p.Event.ID)
	if err != nil {
		return nil, err
	}
	out := &Requests{Page: p}
	var ids []string
	for _, r := range all {
		ids = append(ids, r.FromID, r.ToID)
		switch {
		case p.IsParty(r.ToID):
			out.In = append(out.In, r)
		case p.IsParty(r.FromID):
			out.Out = append(out.Out, r)
		}
	}
	if p.IsManager() {
		out.Everyone = all
	}
	people, err := s.store.People(ctx, ids)
	if err != nil {
		return nil, err
	}
	out.Names = map[string]symposium.LocalizedText{}
	for _, id := range ids {
		out.Names[id] = partyName(p.Matchmaking, people, id)
	}
	return out, nil
}
