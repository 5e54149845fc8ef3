// Package mmtest checks published matchmaking schedules in tests,
// independently of the scheduler: from what the store holds, it verifies
// every constraint a schedule must keep.
package mmtest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"symposium"
	"symposium/internal/store"
)

// CheckPublished verifies an event's published meetings against every
// constraint, from what the store holds and without the scheduler: each
// live meeting joins two parties who asked to meet (an accepted request
// that counts, or a meeting already held or missed), in one of the
// event's slots free for both (every member of a delegation: not marked
// busy, not giving a talk or chairing a session then); nobody is in two
// meetings in one slot; a meeting sits at one of its slot's shared tables
// or at the table reserved for one of its parties, a party with a
// reserved table meets there, and no table holds two meetings in a slot;
// two parties without a common language have an interpreter who speaks
// one language of each and sits at no other table in that slot. A meeting
// missed ("did not come") takes no one's time and no table.
// It returns the live meetings.
func CheckPublished(t testing.TB, s *store.Store, eventID string) []*symposium.Meeting {
	t.Helper()
	c := loadChecker(t, s, eventID)
	var live []*symposium.Meeting
	for _, mt := range c.meetings {
		if mt.Live() {
			live = append(live, mt)
			c.meeting(mt)
		}
	}
	for _, e := range c.errs {
		t.Error(e)
	}
	return live
}

// checker holds what the schedule takes so far.
type checker struct {
	m        *symposium.Matchmaking
	profiles map[string]*symposium.MatchmakingProfile
	busy     []store.Busy
	asked    map[[2]string]bool
	meetings []*symposium.Meeting
	taken    map[string]string // slot/person → meeting
	tables   map[string]string // slot/table → meeting
	interp   map[string]string // slot/interpreter → meeting
	errs     []string
}

func loadChecker(t testing.TB, s *store.Store, eventID string) *checker {
	t.Helper()
	ctx := context.Background()
	c := &checker{profiles: map[string]*symposium.MatchmakingProfile{}, asked: map[[2]string]bool{},
		taken: map[string]string{}, tables: map[string]string{}, interp: map[string]string{}}
	var err error
	if c.m, err = s.Matchmaking(ctx, eventID); err != nil {
		t.Fatal(err)
	}
	profiles, err := s.Profiles(ctx, eventID)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range profiles {
		c.profiles[pr.PersonID] = pr
	}
	if c.busy, err = s.ProgrammeBusy(ctx, eventID); err != nil {
		t.Fatal(err)
	}
	requests, err := s.MeetingRequests(ctx, eventID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range requests {
		if r.Status == symposium.RequestAccepted && r.Approved {
			c.asked[[2]string{r.FromID, r.ToID}], c.asked[[2]string{r.ToID, r.FromID}] = true, true
		}
	}
	if c.meetings, err = s.Meetings(ctx, eventID); err != nil {
		t.Fatal(err)
	}
	return c
}

func (c *checker) fail(mt *symposium.Meeting, format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf("meeting %s–%s in slot %s: ", mt.A, mt.B, mt.SlotID)+fmt.Sprintf(format, args...))
}

// people returns the people a party stands for: a delegation's members,
// or the person.
func (c *checker) people(party string) []string {
	if d := c.m.Delegation(party); d != nil {
		return d.Members
	}
	return []string{party}
}

func (c *checker) meeting(mt *symposium.Meeting) {
	sl := c.m.Slot(mt.SlotID)
	if sl == nil {
		c.fail(mt, "no such slot")
		return
	}
	if !c.asked[[2]string{mt.A, mt.B}] && mt.Status == symposium.MeetingScheduled {
		c.fail(mt, "nobody asked for it")
	}
	if mt.Weight < 1 || mt.Weight > 3 {
		c.fail(mt, "weight %d", mt.Weight)
	}
	if !mt.Occupies() {
		return // missed: it took no one's time and no table
	}
	for _, party := range []string{mt.A, mt.B} {
		if c.profiles[party] == nil && c.m.Delegation(party) == nil {
			c.fail(mt, "%s is no party", party)
		}
		for _, id := range c.people(party) {
			c.free(mt, sl, id)
		}
	}
	c.table(mt, sl)
	c.languages(mt)
}

// free checks one person is free in the slot and in no other meeting.
func (c *checker) free(mt *symposium.Meeting, sl *symposium.MeetingSlot, id string) {
	if pr := c.profiles[id]; pr != nil && slices.Contains(pr.BusySlotIDs, sl.ID) {
		c.fail(mt, "%s marked the slot busy", id)
	}
	for _, b := range c.busy {
		if b.PersonID == id && b.StartsAt.Before(sl.EndsAt) && sl.StartsAt.Before(b.EndsAt) {
			c.fail(mt, "%s is in the programme then", id)
		}
	}
	key := sl.ID + "/" + id
	if other, ok := c.taken[key]; ok {
		c.fail(mt, "%s is also in meeting %s", id, other)
	}
	c.taken[key] = mt.ID
}

// table checks the meeting's table.
func (c *checker) table(mt *symposium.Meeting, sl *symposium.MeetingSlot) {
	ra, rb := c.m.ReservedTable(mt.A), c.m.ReservedTable(mt.B)
	switch {
	case ra != 0 && rb != 0 && mt.Table != ra && mt.Table != rb:
		c.fail(mt, "table %d, but both parties hold tables %d and %d", mt.Table, ra, rb)
	case ra != 0 && rb == 0 && mt.Table != ra, rb != 0 && ra == 0 && mt.Table != rb:
		c.fail(mt, "table %d is not the holder's table", mt.Table)
	case ra == 0 && rb == 0 && (mt.Table < 1 || mt.Table > sl.Tables):
		c.fail(mt, "table %d is not one of the slot's %d", mt.Table, sl.Tables)
	}
	key := fmt.Sprintf("%s/%d", sl.ID, mt.Table)
	if other, ok := c.tables[key]; ok {
		c.fail(mt, "table %d also holds meeting %s", mt.Table, other)
	}
	c.tables[key] = mt.ID
}

// languages checks that the parties share a language or have a fitting
// interpreter to themselves.
func (c *checker) languages(mt *symposium.Meeting) {
	la, lb := c.langs(mt.A), c.langs(mt.B)
	if len(la) == 0 || len(lb) == 0 || slices.ContainsFunc(la, func(l string) bool { return slices.Contains(lb, l) }) {
		return
	}
	i := slices.IndexFunc(c.m.Interpreters, func(it symposium.MeetingInterpreter) bool { return it.ID == mt.Interpreter })
	if i < 0 {
		c.fail(mt, "no common language and no interpreter")
		return
	}
	it := c.m.Interpreters[i]
	speaks := func(ls []string) bool {
		return slices.ContainsFunc(ls, func(l string) bool { return slices.Contains(it.Languages, l) })
	}
	if !speaks(la) || !speaks(lb) {
		c.fail(mt, "interpreter %s speaks neither's language", it.ID)
	}
	key := mt.SlotID + "/" + it.ID
	if other, ok := c.interp[key]; ok {
		c.fail(mt, "interpreter %s also sits at meeting %s", it.ID, other)
	}
	c.interp[key] = mt.ID
}

// langs returns a party's meeting languages: a person's, or every
// member's for a delegation.
func (c *checker) langs(party string) []string {
	var out []string
	for _, id := range c.people(party) {
		if pr := c.profiles[id]; pr != nil {
			out = append(out, pr.Languages...)
		}
	}
	return out
}
