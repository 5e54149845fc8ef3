package matchmaking

import (
	"context"
	"slices"

	"symposium"
	"symposium/internal/secret"
	"symposium/internal/store"
)

// Card is a participant's profile as others see it: who they are, their
// organization, and what they offer and seek.
type Card struct {
	Person       *symposium.Person             `json:"-"`
	ID           string                        `json:"id"`
	Name         symposium.LocalizedText       `json:"name"`
	Organization symposium.LocalizedText       `json:"organization,omitempty"`
	OrgKind      string                        `json:"organization_kind,omitempty"`
	Country      string                        `json:"country,omitempty"`
	Profile      *symposium.MatchmakingProfile `json:"profile"`
}

// SaveProfile stores the matchmaking profile of a confirmed participant,
// for the participant themself or a manager. Busy slots must be the
// event's; a person who is not a confirmed participant is refused on
// person_id.
func (s *Service) SaveProfile(ctx context.Context, u *symposium.User, slug string, pr *symposium.MatchmakingProfile) (*Page, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	p, err := s.page(ctx, u, slug, false)
	if err != nil {
		return nil, err
	}
	self := p.IsParty(pr.PersonID) && p.Participant[pr.PersonID]
	if err := p.Access.Require(p.Event, p.Access.CanActInMatchmaking(self)); err != nil {
		return nil, err
	}
	var probs symposium.Problems
	pr.EventID = p.Event.ID
	pr.Validate(&probs, p.Matchmaking)
	confirmed, err := s.store.ConfirmedParticipants(ctx, p.Event.ID, []string{pr.PersonID})
	if err != nil {
		return nil, err
	}
	if !confirmed[pr.PersonID] {
		probs.Add("person_id", "error.matchmaking.not_participant")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	pr.FeedToken = secret.New("cal_")
	if !self {
		entry := symposium.NewAuditEntry(u, p.Event.ID, AuditProfile, pr.PersonID, nil, pr)
		ctx = store.WithAudit(ctx, entry)
	}
	return p, s.store.SaveProfile(ctx, pr)
}

// Profile returns a participant's profile: to themself and managers with
// its calendar feed, to other participants as a card.
func (s *Service) Profile(ctx context.Context, u *symposium.User, slug, personID string) (*Page, *Card, error) {
	p, err := s.member(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	pr, err := s.store.Profile(ctx, p.Event.ID, personID)
	if err != nil {
		return nil, nil, err
	}
	cards, err := s.cards(ctx, []*symposium.MatchmakingProfile{pr})
	if err != nil {
		return nil, nil, err
	}
	if !p.IsParty(personID) && !p.IsManager() {
		pr.FeedToken = ""
	}
	return p, cards[0], nil
}

// OwnProfile returns the caller's own profile at the event, or nil when
// they have none yet, with the page.
func (s *Service) OwnProfile(ctx context.Context, u *symposium.User, slug string) (*Page, *symposium.MatchmakingProfile, error) {
	p, err := s.member(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	self := p.Self()
	if self == "" {
		return p, nil, nil
	}
	pr, err := s.store.Profile(ctx, p.Event.ID, self)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return p, nil, nil
	}
	return p, pr, err
}

// cards returns the cards of profiles, in their order, loading people and
// organizations at once.
func (s *Service) cards(ctx context.Context, profiles []*symposium.MatchmakingProfile) ([]*Card, error) {
	ids := make([]string, len(profiles))
	for i, pr := range profiles {
		ids[i] = pr.PersonID
	}
	people, err := s.store.People(ctx, ids)
	if err != nil {
		return nil, err
	}
	var orgIDs []string
	for _, pe := range people {
		if pe.OrganizationID != "" && !slices.Contains(orgIDs, pe.OrganizationID) {
			orgIDs = append(orgIDs, pe.OrganizationID)
		}
	}
	orgs, err := s.store.Organizations(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	out := make([]*Card, 0, len(profiles))
	for _, pr := range profiles {
		pe := people[pr.PersonID]
		if pe == nil {
			continue
		}
		c := &Card{Person: pe, ID: pe.ID, Name: pe.Name, Country: pe.Country, Profile: pr}
		if o := orgs[pe.OrganizationID]; o != nil {
			c.Organization, c.OrgKind = o.Name, o.Kind
			if c.Country == "" {
				c.Country = o.Country
			}
		}
		out = append(out, c)
	}
	return out, nil
}
