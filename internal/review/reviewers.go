package review

import (
	"context"
	"maps"
	"slices"
	"strings"

	"symposium"
)

// Assigned is an abstract assigned to a reviewer, as they may see it, and
// whether they submitted their review of it.
type Assigned struct {
	Abstract *symposium.Abstract
	Reviewed bool
}

// Biddable is an abstract a reviewer may bid for, as they may see it, with
// their bid ("" when none).
type Biddable struct {
	Abstract *symposium.Abstract
	Bid      string
}

// reviewerAbstracts returns the abstracts of an event assigned to a
// reviewer that they may review — not those with a conflict of interest
// no manager overrode — in the order assigned, without their texts, as a
// reviewer sees them (without authors in blind review).
func (s *Service) reviewerAbstracts(ctx context.Context, u *symposium.User, eventID string) ([]Assigned, error) {
	c, err := s.call(ctx, eventID)
	if err != nil {
		return nil, err
	}
	ids, err := s.store.ReviewerAssignments(ctx, eventID, u.ID)
	if err != nil || len(ids) == 0 {
		return []Assigned{}, err
	}
	done, err := s.store.SubmittedBy(ctx, eventID, u.ID)
	if err != nil {
		return nil, err
	}
	byID, err := s.briefByID(ctx, eventID)
	if err != nil {
		return nil, err
	}
	overridden, err := s.overridden(ctx, eventID, u.ID)
	if err != nil {
		return nil, err
	}
	var list []*symposium.Abstract
	for _, id := range ids {
		if a := byID[id]; a != nil {
			list = append(list, a)
		}
	}
	g, err := s.eventInterests(ctx, u, eventID, list)
	if err != nil {
		return nil, err
	}
	out := []Assigned{}
	for _, a := range list {
		if overridden[a.ID] || !g.conflicted(u.ID, a) {
			out = append(out, Assigned{Abstract: Redact(a, AsReviewer, c.Blind), Reviewed: done[a.ID]})
		}
	}
	return out, nil
}

// biddingList returns the submitted abstracts of an event a reviewer may
// bid for — those of the tracks they review (any, when they have none),
// but their own — without texts, as a reviewer sees them, with their bids.
func (s *Service) biddingList(ctx context.Context, u *symposium.User, eventID string) ([]Biddable, error) {
	c, err := s.call(ctx, eventID)
	if err != nil {
		return nil, err
	}
	tracks, err := s.reviewerTracks(ctx, u, eventID)
	if err != nil {
		return nil, err
	}
	all, err := s.store.EventAbstractsBrief(ctx, eventID)
	if err != nil {
		return nil, err
	}
	var list []*symposium.Abstract
	for _, a := range all {
		if a.Status == symposium.AbstractSubmitted && (len(tracks) == 0 || slices.Contains(tracks, a.TrackID)) {
			list = append(list, a)
		}
	}
	setup, err := s.store.EventReviewSetup(ctx, eventID)
	if err != nil {
		return nil, err
	}
	g, err := s.loadInterests(ctx, []symposium.User{*u}, list, setup.Declared)
	if err != nil {
		return nil, err
	}
	out := []Biddable{}
	for _, a := range list {
		if len(g.of(u.ID, a)) == 0 { // a conflicted reviewer does not see it
			out = append(out, Biddable{Abstract: Redact(a, AsReviewer, c.Blind), Bid: setup.Bids[a.ID][u.ID]})
		}
	}
	return out, nil
}

// Reviewing is a reviewer's page at an event: the abstracts assigned to
// them, the next to review, and the abstracts they may bid for.
type Reviewing struct {
	Event    *symposium.Event
	Access   symposium.Access
	Call     *symposium.Call
	Assigned []Assigned
	Next     string
	Bids     []Biddable
	// Languages are the languages the reviewer reads; none means any.
	Languages []string
}

// Reviewing returns the reviewer's page of the event with the slug, for
// its reviewers and managers.
func (s *Service) Reviewing(ctx context.Context, u *symposium.User, slug string) (*Reviewing, error) {
	e, access, err := s.require(ctx, u, slug, func(a symposium.Access) bool { return a.Has(symposium.RoleReviewer) || a.CanManage() })
	if err != nil {
		return nil, err
	}
	v := &Reviewing{Event: e, Access: access}
	if v.Call, err = s.store.Call(ctx, e.ID); err != nil {
		return nil, err
	}
	if v.Assigned, err = s.reviewerAbstracts(ctx, u, e.ID); err != nil {
		return nil, err
	}
	if v.Next, err = s.next(ctx, u, e.ID, ""); err != nil {
		return nil, err
	}
	if v.Bids, err = s.biddingList(ctx, u, e.ID); err != nil {
		return nil, err
	}
	if v.Languages, err = s.reviewerLanguages(ctx, u, e.ID); err != nil {
		return nil, err
	}
	return v, nil
}

// MyAssignments returns the abstracts of the event with the slug assigned
// to the caller that they may review, as a reviewer sees them, for a
// signed-in caller who may see the event.
func (s *Service) MyAssignments(ctx context.Context, u *symposium.User, slug string) ([]Assigned, error) {
	e, _, err := s.require(ctx, u, slug, func(symposium.Access) bool { return true })
	if err != nil {
		return nil, err
	}
	return s.reviewerAbstracts(ctx, u, e.ID)
}

// SetBids records the caller's bids for abstracts of the event with the
// slug, by abstract ID, all at once: when one is not valid, none is
// stored. Bids for abstracts the reviewer may not bid for are ignored;
// an empty bid takes one back. Only the event's reviewers bid.
func (s *Service) SetBids(ctx context.Context, u *symposium.User, slug string, bids map[string]string) error {
	e, _, err := s.require(ctx, u, slug, func(a symposium.Access) bool { return a.Has(symposium.RoleReviewer) })
	if err != nil {
		return err
	}
	list, err := s.biddingList(ctx, u, e.ID)
	if err != nil {
		return err
	}
	var p symposium.Problems
	changed := map[string]string{}
	for _, b := range list {
		bid, sent := bids[b.Abstract.ID]
		if !sent {
			continue
		}
		if bid != "" && !slices.Contains(symposium.Bids, bid) {
			p.Add("bid."+b.Abstract.ID, "error.field.one_of", "Allowed", strings.Join(symposium.Bids, ", "))
		}
		if bid != b.Bid {
			changed[b.Abstract.ID] = bid
		}
	}
	if err := p.Err(); err != nil {
		return err
	}
	for _, id := range slices.Sorted(maps.Keys(changed)) {
		if err := s.store.SetBid(ctx, id, u.ID, changed[id]); err != nil {
			return err
		}
	}
	return nil
}

// briefByID returns an event's abstracts without texts, by ID.
func (s *Service) briefByID(ctx context.Context, eventID string) (map[string]*symposium.Abstract, error) {
	all, err := s.store.EventAbstractsBrief(ctx, eventID)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*symposium.Abstract, len(all))
	for _, a := range all {
		out[a.ID] = a
	}
	return out, nil
}

// overridden returns the abstracts a manager assigned a reviewer to
// despite a conflict of interest.
func (s *Service) overridden(ctx context.Context, eventID, userID string) (map[string]bool, error) {
	list, err := s.store.EventAssignments(ctx, eventID)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, a := range list {
		if a.ReviewerID == userID && a.Override != "" {
			out[a.AbstractID] = true
		}
	}
	return out, nil
}

// eventInterests gathers one reviewer's conflicts of interest with some
// abstracts of an event.
func (s *Service) eventInterests(ctx context.Context, u *symposium.User, eventID string, list []*symposium.Abstract) (*interestGraph, error) {
	setup, err := s.store.EventReviewSetup(ctx, eventID)
	if err != nil {
		return nil, err
	}
	return s.loadInterests(ctx, []symposium.User{*u}, list, setup.Declared)
}

// reviewerTracks returns the tracks a reviewer of an event reviews; none
// means any.
func (s *Service) reviewerTracks(ctx context.Context, u *symposium.User, eventID string) ([]string, error) {
	reviewers, err := s.store.EventReviewers(ctx, eventID)
	if err != nil {
		return nil, err
	}
	for _, r := range reviewers {
		if r.User.ID == u.ID {
			return r.TrackIDs, nil
		}
	}
	return nil, nil
}
