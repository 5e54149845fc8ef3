package matchmaking

import (
	"context"
	"slices"

	"symposium"
)

// Offer is a no-show's free slot offered on the spot to the party left
// alone: the best waiting request of theirs — accepted, not scheduled —
// whose other party is free in that slot, and the table they would meet
// at.
type Offer struct {
	// Missed is the meeting the other party did not come to.
	Missed    *symposium.Meeting
	Party     string
	Request   *symposium.MeetingRequest
	Other     string
	OtherName symposium.LocalizedText
	Weight    int
	Table     int
	TableName string
}

// Offer returns the offer for the party of the caller left alone at a
// meeting they marked "did not come", while its slot lasts; not found
// when there is none.
func (s *Service) Offer(ctx context.Context, u *symposium.User, slug, meetingID string) (*Page, *Offer, error) {
	p, err := s.member(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	o, err := s.offerFor(ctx, p, u, meetingID)
	if err != nil {
		return nil, nil, err
	}
	if o == nil {
		return nil, nil, symposium.NotFound()
	}
	return p, o, nil
}

// TakeOffer places the meeting of an offer at its table in the missed
// meeting's slot, and tells the other party by mail in their language.
// The request must still be the one offered: it is a conflict when the
// slot went to another meanwhile.
func (s *Service) TakeOffer(ctx context.Context, u *symposium.User, slug, meetingID, requestID string) (*Page, *symposium.Meeting, error) {
	p, err := s.member(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	o, err := s.offerFor(ctx, p, u, meetingID)
	if err != nil {
		return nil, nil, err
	}
	if o == nil || o.Request.ID != requestID {
		return nil, nil, symposium.Errorf(symposium.ECONFLICT, "error.matchmaking.offer_gone")
	}
	mt := &symposium.Meeting{EventID: p.Event.ID, RequestID: o.Request.ID, A: o.Party, B: o.Other, SlotID: o.Missed.SlotID,
		Table: o.Table, Weight: o.Weight, StartsAt: o.Missed.StartsAt, EndsAt: o.Missed.EndsAt}
	mails, err := s.meetingMails(ctx, p, mt, "now", o.Other)
	if err != nil {
		return nil, nil, err
	}
	if err := s.store.AddMeeting(ctx, mt, mails); err != nil {
		return nil, nil, err
	}
	return p, mt, nil
}

// offerFor finds the offer of a missed meeting the caller marked, or nil.
func (s *Service) offerFor(ctx context.Context, p *Page, u *symposium.User, meetingID string) (*Offer, error) {
	all, err := s.store.Meetings(ctx, p.Event.ID)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(all, func(mt *symposium.Meeting) bool { return mt.ID == meetingID })
	if i < 0 {
		return nil, symposium.NotFound()
	}
	missed := all[i]
	if !p.IsParty(missed.A) && !p.IsParty(missed.B) {
		return nil, symposium.NotFound()
	}
	if missed.Status != symposium.MeetingNoShow || missed.MarkedBy != u.ID || !s.now().Before(missed.EndsAt) {
		return nil, nil
	}
	party := missed.A
	if !p.IsParty(party) {
		party = missed.B
	}
	return s.bestOffer(ctx, p, all, missed, party)
}

// bestOffer picks the heaviest waiting request of party, the earliest
// among equals, whose other party is free in the missed meeting's slot
// and shares a language with party, and a table for it.
func (s *Service) bestOffer(ctx context.Context, p *Page, all []*symposium.Meeting, missed *symposium.Meeting, party string) (*Offer, error) {
	pb, err := s.loadProblem(ctx, p.Matchmaking)
	if err != nil {
		return nil, err
	}
	slot := slices.IndexFunc(p.Matchmaking.Slots, func(sl symposium.MeetingSlot) bool { return sl.ID == missed.SlotID })
	requests, err := s.store.MeetingRequests(ctx, p.Event.ID)
	if err != nil || slot < 0 {
		return nil, err
	}
	taken, tables, met := s.slotUse(p.Matchmaking, all, missed.SlotID, party)
	var best *Offer
	for _, r := range requests {
		other := r.ToID
		if r.ToID == party {
			other = r.FromID
		} else if r.FromID != party {
			continue
		}
		if !r.Counts() || met[other] || !pb.freeIn(other, slot) || anyTaken(p.Matchmaking, other, taken) || !pb.speakTogether(party, other) {
			continue
		}
		w := pairWeight(requests, party, other)
		if best != nil && w <= best.Weight {
			continue
		}
		table := offerTable(p.Matchmaking, p.Matchmaking.Slots[slot], missed.Table, party, other, tables)
		if table == 0 {
			continue
		}
		best = &Offer{Missed: missed, Party: party, Request: r, Other: other, Weight: w, Table: table}
	}
	if best == nil {
		return nil, nil
	}
	best.TableName = p.Matchmaking.TableName(best.Table)
	people, err := s.store.People(ctx, []string{best.Other})
	if err != nil {
		return nil, err
	}
	best.OtherName = partyName(p.Matchmaking, people, best.Other)
	return best, nil
}

// slotUse returns who is taken in a slot (people of the meetings that
// occupy it), which tables are taken, and the parties party has met or
// is to meet at any time, who are not offered again.
func (s *Service) slotUse(m *symposium.Matchmaking, all []*symposium.Meeting, slotID, party string) (map[string]bool, map[int]bool, map[string]bool) {
	taken, tables, met := map[string]bool{}, map[int]bool{}, map[string]bool{}
	for _, mt := range all {
		if mt.A == party || mt.B == party {
			if mt.Live() {
				met[mt.A], met[mt.B] = true, true
			}
		}
		if mt.SlotID != slotID || !mt.Occupies() {
			continue
		}
		tables[mt.Table] = true
		for _, id := range []string{mt.A, mt.B} {
			for _, person := range peopleOf(m, id) {
				taken[person] = true
			}
		}
	}
	return taken, tables, met
}

// peopleOf returns the people a party stands for.
func peopleOf(m *symposium.Matchmaking, party string) []string {
	if d := m.Delegation(party); d != nil {
		return d.Members
	}
	return []string{party}
}

// anyTaken reports whether any person of a party is taken.
func anyTaken(m *symposium.Matchmaking, party string, taken map[string]bool) bool {
	return slices.ContainsFunc(peopleOf(m, party), func(id string) bool { return taken[id] })
}

// freeIn reports whether a party is free in the slot of that index.
func (pb *problem) freeIn(party string, slot int) bool {
	return slices.Contains(pb.free[party], slot)
}

// speakTogether reports whether two parties share a meeting language, or
// one of them has named none.
func (pb *problem) speakTogether(a, b string) bool {
	la, lb := pb.languages(a), pb.languages(b)
	return len(la) == 0 || len(lb) == 0 || slices.ContainsFunc(la, func(l string) bool { return slices.Contains(lb, l) })
}

// pairWeight is the weight of the requests between two parties, as the
// schedule counts it: the higher priority, one more (up to 3) when the
// two asked each other.
func pairWeight(requests []*symposium.MeetingRequest, a, b string) int {
	w, from := 0, map[string]bool{}
	for _, r := range requests {
		if r.Counts() && ((r.FromID == a && r.ToID == b) || (r.FromID == b && r.ToID == a)) {
			w, from[r.FromID] = max(w, r.Priority), true
		}
	}
	if len(from) == 2 {
		w = min(symposium.PriorityMust, w+1)
	}
	return w
}

// offerTable chooses the table of an offered meeting: the table reserved
// for one of the two, else the freed table when it is a shared one, else
// the first shared table free in the slot; 0 when there is none.
func offerTable(m *symposium.Matchmaking, sl symposium.MeetingSlot, freed int, a, b string, taken map[int]bool) int {
	for _, party := range []string{b, a} {
		if t := m.ReservedTable(party); t != 0 {
			if taken[t] {
				return 0
			}
			return t
		}
	}
	if freed <= sl.Tables && !taken[freed] {
		return freed
	}
	for t := 1; t <= sl.Tables; t++ {
		if !taken[t] {
			return t
		}
	}
	return 0
}
