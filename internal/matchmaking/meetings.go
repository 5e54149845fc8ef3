package matchmaking

import (
	"context"
	"slices"

	"symposium"
	"symposium/internal/store"
)

// Meetings returns the event's live meetings: every one to managers, their
// own (or their delegation's) to participants.
func (s *Service) Meetings(ctx context.Context, u *symposium.User, slug string) (*Page, []*symposium.Meeting, error) {
	p, err := s.member(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	all, err := s.store.Meetings(ctx, p.Event.ID)
	if err != nil {
		return nil, nil, err
	}
	return p, s.mine(p, all, p.IsManager()), nil
}

// mine keeps the live meetings the caller is a party to, or all live ones.
func (s *Service) mine(p *Page, all []*symposium.Meeting, everyone bool) []*symposium.Meeting {
	out := []*symposium.Meeting{}
	parties := p.Parties()
	for _, mt := range all {
		if mt.Live() && (everyone || slices.Contains(parties, mt.A) || slices.Contains(parties, mt.B)) {
			out = append(out, mt)
		}
	}
	return out
}

// Mark records that a meeting was held, that the other party did not
// come, or cancels it, for either party or a manager. A cancelled meeting
// frees its slot for the next schedule.
func (s *Service) Mark(ctx context.Context, u *symposium.User, slug, meetingID, status string) (*Page, error) {
	p, err := s.member(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	all, err := s.store.Meetings(ctx, p.Event.ID)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(all, func(mt *symposium.Meeting) bool { return mt.ID == meetingID })
	if i < 0 {
		return nil, symposium.NotFound()
	}
	mt := all[i]
	party := p.IsParty(mt.A) || p.IsParty(mt.B)
	if !party && !p.IsManager() {
		return nil, symposium.NotFound()
	}
	if !slices.Contains([]string{symposium.MeetingHeld, symposium.MeetingNoShow, symposium.MeetingCancelled}, status) {
		var probs symposium.Problems
		probs.Add("status", "error.field.one_of", "Values", "held, no_show, cancelled")
		return nil, probs.Err()
	}
	if !party {
		entry := symposium.NewAuditEntry(u, p.Event.ID, AuditMark, mt.ID, mt.Status, status)
		ctx = store.WithAudit(ctx, entry)
	}
	return p, s.store.MarkMeeting(ctx, p.Event.ID, mt.ID, status, u.ID)
}

// AgendaItem is one meeting of an agenda with the other party.
type AgendaItem struct {
	Meeting   *symposium.Meeting
	TableName string
	Other     string
	OtherName symposium.LocalizedText
	// Card is the other party's profile, when they are a participant.
	Card *Card
	// Offer is the free slot of a meeting the caller marked "did not
	// come", offered on the spot to a waiting request, if any.
	Offer *Offer
}

// Agenda is a party's meetings in time order, with their calendar feed.
type Agenda struct {
	Page      *Page
	Items     []AgendaItem
	FeedToken string
}

// Agenda returns the caller's meetings with the other party's profile;
// a manager may ask for any participant's (personID).
func (s *Service) Agenda(ctx context.Context, u *symposium.User, slug, personID string) (*Agenda, error) {
	p, err := s.member(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	parties, other := p.Parties(), personID != "" && !p.IsParty(personID)
	if other {
		if !p.IsManager() {
			return nil, symposium.NotFound()
		}
		parties = append([]string{personID}, delegationsOf(p.Matchmaking, personID)...)
	}
	all, err := s.store.Meetings(ctx, p.Event.ID)
	if err != nil {
		return nil, err
	}
	a, err := s.agenda(ctx, p, parties, all)
	if err != nil {
		return nil, err
	}
	if other {
		a.FeedToken = "" // the feed's secret is its owner's alone
		return a, nil
	}
	return a, s.attachOffers(ctx, a, u, all)
}

// attachOffers adds to each meeting the caller marked "did not come",
// while its slot lasts, the offer of its free slot.
func (s *Service) attachOffers(ctx context.Context, a *Agenda, u *symposium.User, all []*symposium.Meeting) error {
	for i := range a.Items {
		mt := a.Items[i].Meeting
		if mt.Status != symposium.MeetingNoShow || mt.MarkedBy != u.ID || !s.now().Before(mt.EndsAt) {
			continue
		}
		party := mt.A
		if !a.Page.IsParty(party) {
			party = mt.B
		}
		o, err := s.bestOffer(ctx, a.Page, all, mt, party)
		if err != nil {
			return err
		}
		a.Items[i].Offer = o
	}
	return nil
}

// agenda builds the agenda of parties from the event's meetings.
func (s *Service) agenda(ctx context.Context, p *Page, parties []string, all []*symposium.Meeting) (*Agenda, error) {
	a := &Agenda{Page: p}
	var others []string
	var mine []*symposium.Meeting
	for _, mt := range all {
		if !mt.Live() {
			continue
		}
		switch {
		case slices.Contains(parties, mt.A):
			others, mine = append(others, mt.B), append(mine, mt)
		case slices.Contains(parties, mt.B):
			others, mine = append(others, mt.A), append(mine, mt)
		}
	}
	profiles := make([]*symposium.MatchmakingProfile, 0, len(others))
	for _, id := range others {
		if pr, err := s.store.Profile(ctx, p.Event.ID, id); err == nil {
			profiles = append(profiles, pr)
		}
	}
	cards, err := s.cards(ctx, profiles)
	if err != nil {
		return nil, err
	}
	people, err := s.store.People(ctx, others)
	if err != nil {
		return nil, err
	}
	for i, mt := range mine {
		it := AgendaItem{Meeting: mt, TableName: p.Matchmaking.TableName(mt.Table), Other: others[i],
			OtherName: partyName(p.Matchmaking, people, others[i])}
		if j := slices.IndexFunc(cards, func(c *Card) bool { return c.ID == others[i] }); j >= 0 {
			it.Card = cards[j]
		}
		a.Items = append(a.Items, it)
	}
	if len(parties) > 0 {
		if pr, err := s.store.Profile(ctx, p.Event.ID, parties[0]); err == nil {
			a.FeedToken = pr.FeedToken
		}
	}
	return a, nil
}

// Feed returns the agenda and the event's scheduled programme for the
// holder of a personal calendar feed's secret token; an unknown token is
// not found.
func (s *Service) Feed(ctx context.Context, token string) (*Agenda, []symposium.TimetableEntry, error) {
	if token == "" {
		return nil, nil, symposium.NotFound()
	}
	pr, err := s.store.ProfileByFeedToken(ctx, token)
	if err != nil {
		return nil, nil, err
	}
	e, err := s.store.EventByID(ctx, pr.EventID)
	if err != nil {
		return nil, nil, err
	}
	m, err := s.store.Matchmaking(ctx, e.ID)
	if err != nil {
		return nil, nil, err
	}
	all, err := s.store.Meetings(ctx, e.ID)
	if err != nil {
		return nil, nil, err
	}
	p := &Page{Event: e, Matchmaking: m, Participant: map[string]bool{}}
	parties := append([]string{pr.PersonID}, delegationsOf(m, pr.PersonID)...)
	a, err := s.agenda(ctx, p, parties, all)
	if err != nil {
		return nil, nil, err
	}
	tt, err := s.store.Timetable(ctx, e)
	if err != nil {
		return nil, nil, err
	}
	return a, tt.Entries, nil
}
