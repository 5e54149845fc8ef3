package matchmaking

import (
	"context"
	"fmt"
	"slices"

	"symposium"
	"symposium/internal/store"
)

// Audit actions of matchmaking.
const (
	AuditSettings = "matchmaking_settings"
	AuditProfile  = "matchmaking_profile"
	AuditRequest  = "matchmaking_request"
	AuditApprove  = "matchmaking_approve"
	AuditAnswer   = "matchmaking_answer"
	AuditPublish  = "matchmaking_publish"
	AuditMark     = "matchmaking_mark"
)

// Settings returns the event's matchmaking for whoever may see the event;
// its managers get empty settings to open it with when there are none.
func (s *Service) Settings(ctx context.Context, u *symposium.User, slug string) (*Page, error) {
	return s.page(ctx, u, slug, true)
}

// SaveSettings opens or changes the event's matchmaking, for its
// managers. Slots keep their IDs where given; delegation members and
// holders of reserved tables must be people in the directory.
func (s *Service) SaveSettings(ctx context.Context, u *symposium.User, slug string, m *symposium.Matchmaking) (*Page, error) {
	p, err := s.managed(ctx, u, slug, true)
	if err != nil {
		return nil, err
	}
	m.EventID = p.Event.ID
	var probs symposium.Problems
	m.Validate(&probs)
	for i, sl := range m.Slots {
		if sl.ID != "" && p.Matchmaking.Slot(sl.ID) == nil {
			probs.Add(fmt.Sprintf("slots.%d.id", i), "error.field.unknown_reference")
		}
	}
	if err := s.checkPeople(ctx, m, &probs); err != nil {
		return nil, err
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	before := p.Matchmaking
	entry := symposium.NewAuditEntry(u, p.Event.ID, AuditSettings, p.Event.ID, before, m)
	if err := s.store.SaveMatchmaking(store.WithAudit(ctx, entry), m); err != nil {
		return nil, err
	}
	p.Matchmaking, err = s.store.Matchmaking(ctx, p.Event.ID)
	return p, err
}

// checkPeople records delegation members and table holders who are not
// people in the directory, and delegations that share a member.
func (s *Service) checkPeople(ctx context.Context, m *symposium.Matchmaking, probs *symposium.Problems) error {
	var ids []string
	for _, d := range m.Delegations {
		ids = append(ids, d.Members...)
	}
	for _, t := range m.Tables {
		if t.HolderID != "" && m.Delegation(t.HolderID) == nil {
			ids = append(ids, t.HolderID)
		}
	}
	known, err := s.store.People(ctx, ids)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for i, d := range m.Delegations {
		for j, id := range d.Members {
			field := fmt.Sprintf("delegations.%d.members.%d", i, j)
			switch {
			case known[id] == nil:
				probs.Add(field, "error.field.unknown_reference")
			case seen[id]:
				probs.Add(field, "error.matchmaking.delegation_twice")
			}
			seen[id] = true
		}
	}
	for i, t := range m.Tables {
		if t.HolderID != "" && m.Delegation(t.HolderID) == nil && known[t.HolderID] == nil {
			probs.Add(fmt.Sprintf("tables.%d.holder_id", i), "error.field.unknown_reference")
		}
	}
	return nil
}

// partyName returns the name of a party: a delegation's, or a person's
// from people.
func partyName(m *symposium.Matchmaking, people map[string]*symposium.Person, id string) symposium.LocalizedText {
	if d := m.Delegation(id); d != nil {
		return d.Name
	}
	if p := people[id]; p != nil {
		return p.Name
	}
	return symposium.LocalizedText{}
}

// delegationsOf returns the delegations a person belongs to.
func delegationsOf(m *symposium.Matchmaking, personID string) []string {
	var out []string
	for _, d := range m.Delegations {
		if slices.Contains(d.Members, personID) {
			out = append(out, d.ID)
		}
	}
	return out
}
