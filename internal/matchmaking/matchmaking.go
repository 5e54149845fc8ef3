// Package matchmaking runs an event's matchmaking: the settings its
// managers open it with (slots, tables, when requests open and close),
// the profiles of the confirmed participants who take part, their
// recommendations, requests and answers, the schedule the scheduler
// subpackage computes, each participant's agenda and calendar feed, and
// the organizers' dashboard. Every method takes the caller and checks the
// rules of access.go: an event the caller may not see, or without
// matchmaking, is "not found"; what they see but may not do is
// "forbidden"; what needs an account answers "unauthorized" to nobody
// signed in.
package matchmaking

import (
	"context"
	"slices"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/store"
)

// Service runs matchmaking.
type Service struct {
	store   *store.Store
	events  *events.Service
	i18n    *i18n.Bundle
	baseURL string
	// TimeLimit bounds one run of the scheduler (1s when zero).
	TimeLimit time.Duration
	// Now tells the time; tests move it.
	Now func() time.Time
	// FollowUps records the follow-ups planned at meetings.
	FollowUps FollowUpProposer
}

// New returns a Service that finds events and the caller's access through
// ev and writes mails with b; baseURL starts the links in mails and feeds.
func New(st *store.Store, ev *events.Service, b *i18n.Bundle, baseURL string) *Service {
	return &Service{store: st, events: ev, i18n: b, baseURL: baseURL, Now: time.Now}
}

// Page is an event's matchmaking as one caller meets it: the event, the
// caller's access, the settings, the people the caller is, and whether
// any of them is a confirmed participant of the event.
type Page struct {
	Event       *symposium.Event
	Access      symposium.Access
	Matchmaking *symposium.Matchmaking
	// Me are the people the caller is, Participant those of them
	// confirmed at the event.
	Me          []*symposium.Person
	Participant map[string]bool
}

// IsManager reports whether the caller manages the event's matchmaking.
func (p *Page) IsManager() bool { return p.Access.CanManageMatchmaking() }

// Self returns the first of the caller's people who is a confirmed
// participant, or "".
func (p *Page) Self() string {
	for _, me := range p.Me {
		if p.Participant[me.ID] {
			return me.ID
		}
	}
	return ""
}

// IsParty reports whether the caller is the party: one of their people,
// or a delegation with one of them among its members.
func (p *Page) IsParty(party string) bool {
	for _, me := range p.Me {
		if me.ID == party {
			return true
		}
		if d := p.Matchmaking.Delegation(party); d != nil && slices.Contains(d.Members, me.ID) {
			return true
		}
	}
	return false
}

// Parties returns the parties the caller is: their confirmed people and
// the delegations those belong to.
func (p *Page) Parties() []string {
	var out []string
	for _, me := range p.Me {
		if !p.Participant[me.ID] {
			continue
		}
		out = append(out, me.ID)
		for _, d := range p.Matchmaking.Delegations {
			if slices.Contains(d.Members, me.ID) {
				out = append(out, d.ID)
			}
		}
	}
	return out
}

// page loads an event's matchmaking for a caller who may see the event;
// an event without matchmaking is not found, except to its managers when
// allowMissing says a page may open it.
func (s *Service) page(ctx context.Context, u *symposium.User, slug string, allowMissing bool) (*Page, error) {
	e, access, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	return s.pageOf(ctx, u, e, access, allowMissing)
}

// pageOf loads the matchmaking of an event the caller may see.
func (s *Service) pageOf(ctx context.Context, u *symposium.User, e *symposium.Event, access symposium.Access, allowMissing bool) (*Page, error) {
	p := &Page{Event: e, Access: access, Participant: map[string]bool{}}
	m, err := s.store.Matchmaking(ctx, e.ID)
	switch {
	case symposium.ErrorCode(err) == symposium.ENOTFOUND && allowMissing && access.CanManageMatchmaking():
		m = &symposium.Matchmaking{EventID: e.ID, Slots: []symposium.MeetingSlot{}}
	case err != nil:
		return nil, err
	}
	p.Matchmaking = m
	if p.Me, err = s.store.AccountPeople(ctx, u); err != nil {
		return nil, err
	}
	ids := make([]string, len(p.Me))
	for i, me := range p.Me {
		ids[i] = me.ID
	}
	if p.Participant, err = s.store.ConfirmedParticipants(ctx, e.ID, ids); err != nil {
		return nil, err
	}
	return p, nil
}

// member returns the matchmaking page for a caller who may use it:
// confirmed participants and managers; unauthorized to nobody signed in.
func (s *Service) member(ctx context.Context, u *symposium.User, slug string) (*Page, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	p, err := s.page(ctx, u, slug, false)
	if err != nil {
		return nil, err
	}
	return p, p.Access.Require(p.Event, p.Access.CanUseMatchmaking(p.Self() != ""))
}

// managed returns the matchmaking page for one of the event's managers.
func (s *Service) managed(ctx context.Context, u *symposium.User, slug string, allowMissing bool) (*Page, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	p, err := s.page(ctx, u, slug, allowMissing)
	if err != nil {
		return nil, err
	}
	return p, p.Access.Require(p.Event, p.Access.CanManageMatchmaking())
}

// now returns the service's time.
func (s *Service) now() time.Time { return s.Now().UTC() }
