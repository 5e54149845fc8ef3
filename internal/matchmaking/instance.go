package matchmaking

import (
	"context"
	"slices"

	"symposium"
	"symposium/internal/matchmaking/scheduler"
	"symposium/internal/store"
)

// problem is an event's matchmaking as the scheduler sees it, with what
// is needed to turn its answer back into meetings.
type problem struct {
	m        *symposium.Matchmaking
	in       *scheduler.Instance
	profiles map[string]*symposium.MatchmakingProfile
	free     map[string][]int // party → free slot indexes
	// pairs are the requests that count, one per unordered pair, in the
	// order of in.Requests.
	pairs []pair
	// live are the meetings held, missed or scheduled.
	live []*symposium.Meeting
}

// pair is the requests between two parties that count for the schedule.
type pair struct {
	a, b      string
	requestID string
	weight    int
}

// loadProblem gathers an event's slots, parties, their free slots and
// languages, the requests that count, and the live meetings.
func (s *Service) loadProblem(ctx context.Context, m *symposium.Matchmaking) (*problem, error) {
	pb := &problem{m: m, in: &scheduler.Instance{}, profiles: map[string]*symposium.MatchmakingProfile{}, free: map[string][]int{}}
	profiles, err := s.store.Profiles(ctx, m.EventID)
	if err != nil {
		return nil, err
	}
	busy, err := s.store.ProgrammeBusy(ctx, m.EventID)
	if err != nil {
		return nil, err
	}
	requests, err := s.store.MeetingRequests(ctx, m.EventID)
	if err != nil {
		return nil, err
	}
	meetings, err := s.store.Meetings(ctx, m.EventID)
	if err != nil {
		return nil, err
	}
	for i, sl := range m.Slots {
		pb.in.Slots = append(pb.in.Slots, scheduler.Slot{ID: i, Tables: sl.Tables})
	}
	pb.addPeople(profiles, busy)
	pb.addDelegations()
	for _, it := range m.Interpreters {
		pb.in.Interpreters = append(pb.in.Interpreters, scheduler.Interpreter{ID: it.ID, Languages: it.Languages, Free: allSlots(len(m.Slots))})
	}
	pb.addPairs(requests)
	for _, mt := range meetings {
		if mt.Live() {
			pb.live = append(pb.live, mt)
		}
	}
	return pb, nil
}

// allSlots lists the indexes of n slots.
func allSlots(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// freeSlots returns the indexes of the slots a person is free in: neither
// marked busy in their profile nor taken by a talk they give or a session
// they chair.
func freeSlots(m *symposium.Matchmaking, pr *symposium.MatchmakingProfile, busy []store.Busy) []int {
	free := []int{}
	for i, sl := range m.Slots {
		if pr != nil && slices.Contains(pr.BusySlotIDs, sl.ID) {
			continue
		}
		taken := false
		for _, b := range busy {
			if b.StartsAt.Before(sl.EndsAt) && sl.StartsAt.Before(b.EndsAt) {
				taken = true
				break
			}
		}
		if !taken {
			free = append(free, i)
		}
	}
	return free
}

// addPeople adds every participant with a profile, and every delegation
// member without one.
func (pb *problem) addPeople(profiles []*symposium.MatchmakingProfile, busy []store.Busy) {
	byPerson := map[string][]store.Busy{}
	for _, b := range busy {
		byPerson[b.PersonID] = append(byPerson[b.PersonID], b)
	}
	add := func(id string, pr *symposium.MatchmakingProfile) {
		if _, ok := pb.free[id]; ok {
			return
		}
		p := scheduler.Person{ID: id, Free: freeSlots(pb.m, pr, byPerson[id]), Table: pb.m.ReservedTable(id)}
		if pr != nil {
			p.Languages = pr.Languages
		}
		pb.free[id] = p.Free
		pb.in.People = append(pb.in.People, p)
	}
	for _, pr := range profiles {
		pb.profiles[pr.PersonID] = pr
		add(pr.PersonID, pr)
	}
	for _, d := range pb.m.Delegations {
		for _, id := range d.Members {
			add(id, nil)
		}
	}
}

// addDelegations adds the delegations as parties of their members.
func (pb *problem) addDelegations() {
	for _, d := range pb.m.Delegations {
		var free []int
		for i := range pb.m.Slots {
			all := true
			for _, id := range d.Members {
				all = all && slices.Contains(pb.free[id], i)
			}
			if all {
				free = append(free, i)
			}
		}
		pb.free[d.ID] = free
		pb.in.People = append(pb.in.People, scheduler.Person{ID: d.ID, Members: d.Members, Table: pb.m.ReservedTable(d.ID)})
	}
}

// addPairs turns the requests that count into one scheduler request per
// unordered pair of parties: the weight of the higher priority, one more
// (up to 3) when the two asked each other.
func (pb *problem) addPairs(requests []*symposium.MeetingRequest) {
	index := map[[2]string]int{}
	from := map[[2]string]string{}
	for _, r := range requests {
		if !r.Counts() {
			continue
		}
		if _, ok := pb.free[r.FromID]; !ok {
			continue
		}
		if _, ok := pb.free[r.ToID]; !ok {
			continue
		}
		key := pairKey(r.FromID, r.ToID)
		i, seen := index[key]
		if !seen {
			index[key], from[key] = len(pb.pairs), r.FromID
			pb.pairs = append(pb.pairs, pair{a: key[0], b: key[1], requestID: r.ID, weight: r.Priority})
			continue
		}
		p := &pb.pairs[i]
		p.weight = max(p.weight, r.Priority)
		if from[key] != r.FromID {
			p.weight = min(symposium.PriorityMust, p.weight+1)
		}
	}
}

// pairKey orders two party IDs.
func pairKey(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// requests fills the instance's requests from the pairs, pinning the live
// meetings: those held always, those scheduled unless fresh. A meeting
// missed ("did not come") takes no one's time nor its table, so that its
// slot may go to a waiting request, and its pair is not scheduled again.
// A live meeting whose pair no longer counts is dropped unless it was
// held, which keeps its own weight.
func (pb *problem) requests(fresh bool) {
	slotIndex := map[string]int{}
	for i, sl := range pb.m.Slots {
		slotIndex[sl.ID] = i
	}
	pins := map[[2]string]*symposium.Meeting{}
	missed := map[[2]string]bool{}
	for _, mt := range pb.live {
		switch {
		case mt.Status == symposium.MeetingNoShow:
			missed[pairKey(mt.A, mt.B)] = true
		case mt.Status != symposium.MeetingScheduled || !fresh:
			pins[pairKey(mt.A, mt.B)] = mt
		}
	}
	pb.pairs = slices.DeleteFunc(pb.pairs, func(p pair) bool { return missed[pairKey(p.a, p.b)] && pins[pairKey(p.a, p.b)] == nil })
	pb.in.Requests = pb.in.Requests[:0]
	known := map[[2]string]bool{}
	for _, p := range pb.pairs {
		key := pairKey(p.a, p.b)
		known[key] = true
		r := scheduler.Request{A: p.a, B: p.b, Weight: p.weight}
		if mt := pins[key]; mt != nil {
			r.Pinned = &scheduler.Pin{Slot: slotIndex[mt.SlotID], Table: mt.Table, Interpreter: mt.Interpreter}
		}
		pb.in.Requests = append(pb.in.Requests, r)
	}
	for _, mt := range pb.live {
		key := pairKey(mt.A, mt.B)
		if known[key] || !mt.Occupies() || mt.Status == symposium.MeetingScheduled {
			continue
		}
		if _, ok := pb.free[mt.A]; !ok {
			continue
		}
		if _, ok := pb.free[mt.B]; !ok {
			continue
		}
		known[key] = true
		pb.pairs = append(pb.pairs, pair{a: key[0], b: key[1], requestID: mt.RequestID, weight: mt.Weight})
		pb.in.Requests = append(pb.in.Requests, scheduler.Request{A: key[0], B: key[1], Weight: mt.Weight,
			Pinned: &scheduler.Pin{Slot: slotIndex[mt.SlotID], Table: mt.Table, Interpreter: mt.Interpreter}})
	}
}
