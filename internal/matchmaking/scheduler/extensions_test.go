package scheduler_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"symposium/internal/matchmaking/scheduler"
)

// bothWays runs a test with Solve searching every schedule (as it does
// on instances this small) and with its local search alone.
func bothWays(t *testing.T, test func(t *testing.T)) {
	t.Run("exact", test)
	t.Run("search", func(t *testing.T) {
		defer scheduler.WithoutExact()()
		test(t)
	})
}

// solveChecked solves an instance, checks the schedule (against the
// instance without pins for a fresh plan) and returns it.
func solveChecked(t *testing.T, in *scheduler.Instance, fresh bool) *scheduler.Result {
	t.Helper()
	res, err := scheduler.Solve(context.Background(), in, scheduler.Options{TimeLimit: 200 * time.Millisecond, Fresh: fresh})
	if err != nil {
		t.Fatal(err)
	}
	against := in
	if fresh {
		against = in.WithoutPins()
	}
	if err := scheduler.Check(against, res.Meetings); err != nil {
		t.Fatal(err)
	}
	if res.Weight > res.Bound {
		t.Fatalf("weight %d above the bound %d", res.Weight, res.Bound)
	}
	return res
}

// meetingOf returns the meeting of request r, and whether it is there.
func meetingOf(res *scheduler.Result, r int) (scheduler.Meeting, bool) {
	for _, m := range res.Meetings {
		if m.Request == r {
			return m, true
		}
	}
	return scheduler.Meeting{}, false
}

// TestReservedTables checks that a company with a booth meets at its
// table without using the slot's shared tables.
func TestReservedTables(t *testing.T) {
	bothWays(t, func(t *testing.T) {
		free := []int{0, 1}
		in := &scheduler.Instance{
			Slots: []scheduler.Slot{{ID: 0, Tables: 1}, {ID: 1, Tables: 0}},
			People: []scheduler.Person{
				{ID: "co", Free: free, Table: 100},
				{ID: "x", Free: free}, {ID: "y", Free: free}, {ID: "z", Free: free}, {ID: "w", Free: free},
			},
			Requests: []scheduler.Request{
				{A: "x", B: "co", Weight: 1}, {A: "co", B: "y", Weight: 1},
				{A: "z", B: "w", Weight: 2},
			},
		}
		res := solveChecked(t, in, false)
		if res.Weight != 4 || (res.Bound != 4 && exact(t)) {
			t.Fatalf("weight %d, bound %d; want both booth meetings and z–w in the one shared table: 4", res.Weight, res.Bound)
		}
		for r := range 2 {
			if m, _ := meetingOf(res, r); m.Table != 100 {
				t.Errorf("meeting %d at table %d, not the booth", r, m.Table)
			}
		}
		if m, _ := meetingOf(res, 2); m.Slot != 0 || m.Table != 1 {
			t.Errorf("z–w in slot %d at table %d; only slot 0 has a shared table", m.Slot, m.Table)
		}
	})
}

// TestDelegations checks that a delegation's meeting takes every
// member's slot, and is worth more than the members' own meetings here.
func TestDelegations(t *testing.T) {
	bothWays(t, func(t *testing.T) {
		in := &scheduler.Instance{
			Slots: []scheduler.Slot{{ID: 0, Tables: 5}, {ID: 1, Tables: 5}},
			People: []scheduler.Person{
				{ID: "m1", Free: []int{0, 1}}, {ID: "m2", Free: []int{1}},
				{ID: "p", Free: []int{0, 1}}, {ID: "q", Free: []int{0, 1}}, {ID: "r", Free: []int{0, 1}},
				{ID: "gov", Members: []string{"m1", "m2"}},
			},
			Requests: []scheduler.Request{
				{A: "gov", B: "p", Weight: 3},
				{A: "m1", B: "q", Weight: 2},
				{A: "m2", B: "r", Weight: 2},
			},
		}
		res := solveChecked(t, in, false)
		if res.Weight != 5 || (res.Bound != 5 && exact(t)) {
			t.Fatalf("weight %d, bound %d; want 5 (the delegation in slot 1, m1–q in slot 0)", res.Weight, res.Bound)
		}
		if m, ok := meetingOf(res, 0); !ok || m.Slot != 1 {
			t.Errorf("the delegation's meeting: %+v", m)
		}
		if _, ok := meetingOf(res, 2); ok {
			t.Error("m2 meets r in the slot the delegation takes")
		}
	})
}

// TestInterpreters checks that meetings between people without a shared
// language need a fitting interpreter, one table per slot.
func TestInterpreters(t *testing.T) {
	bothWays(t, func(t *testing.T) {
		in := &scheduler.Instance{
			Slots: []scheduler.Slot{{ID: 0, Tables: 5}, {ID: 1, Tables: 5}},
			People: []scheduler.Person{
				{ID: "zh1", Free: []int{0, 1}, Languages: []string{"zh"}},
				{ID: "zh2", Free: []int{0, 1}, Languages: []string{"zh"}},
				{ID: "kk1", Free: []int{0, 1}, Languages: []string{"kk", "ru"}},
				{ID: "kk2", Free: []int{0, 1}, Languages: []string{"kk"}},
				{ID: "kk3", Free: []int{0, 1}, Languages: []string{"kk"}},
			},
			Interpreters: []scheduler.Interpreter{
				{ID: "aigul", Languages: []string{"kk", "zh"}, Free: []int{0}},
				{ID: "oleg", Languages: []string{"ru", "en"}, Free: []int{0, 1}},
			},
			Requests: []scheduler.Request{
				{A: "zh1", B: "kk1", Weight: 3},
				{A: "zh2", B: "kk2", Weight: 3},
				{A: "kk1", B: "kk3", Weight: 1},
			},
		}
		res := solveChecked(t, in, false)
		if res.Weight != 4 {
			t.Fatalf("weight %d; one interpreter for kk–zh in one slot allows 3+1", res.Weight)
		}
		in.Interpreters = append(in.Interpreters, scheduler.Interpreter{ID: "li", Languages: []string{"zh", "ru", "kk"}, Free: []int{1}})
		res = solveChecked(t, in, false)
		if res.Weight != 7 || (res.Bound != 7 && exact(t)) {
			t.Fatalf("weight %d, bound %d with a second interpreter; want 7", res.Weight, res.Bound)
		}
		for _, m := range res.Meetings {
			if (m.Interpreter == "") != (m.Request == 2) {
				t.Errorf("meeting %+v", m)
			}
		}
	})
}

// TestPinnedMeetings checks that published meetings stay where they are,
// table included, unless a fresh plan is asked for.
func TestPinnedMeetings(t *testing.T) {
	bothWays(t, func(t *testing.T) {
		in := &scheduler.Instance{
			Slots: []scheduler.Slot{{ID: 0, Tables: 2}, {ID: 1, Tables: 2}},
			People: []scheduler.Person{
				{ID: "a", Free: []int{0, 1}}, {ID: "b", Free: []int{0, 1}}, {ID: "c", Free: []int{0}},
			},
			Requests: []scheduler.Request{
				{A: "a", B: "b", Weight: 1, Pinned: &scheduler.Pin{Slot: 0, Table: 2}},
				{A: "a", B: "c", Weight: 3},
			},
		}
		res := solveChecked(t, in, false)
		if m, ok := meetingOf(res, 0); !ok || m.Slot != 0 || m.Table != 2 || res.Weight != 1 {
			t.Fatalf("kept plan: %+v, weight %d; want a–b kept in slot 0 at table 2", res.Meetings, res.Weight)
		}
		res = solveChecked(t, in, true)
		if res.Weight != 4 || (res.Bound != 4 && exact(t)) {
			t.Fatalf("fresh plan: weight %d, bound %d; want 4", res.Weight, res.Bound)
		}
		// Once a–c is cancelled and b–c published in slot 0, the unpublished
		// a–b moves out of the way.
		in.Requests[0].Pinned = nil
		in.Requests[1] = scheduler.Request{A: "b", B: "c", Weight: 2, Pinned: &scheduler.Pin{Slot: 0}}
		res = solveChecked(t, in, false)
		if m, ok := meetingOf(res, 0); !ok || m.Slot != 1 || res.Weight != 3 {
			t.Fatalf("after the change: %+v, weight %d; want a–b moved to slot 1", res.Meetings, res.Weight)
		}
	})
}

// exact reports whether the test runs with the exhaustive search, whose
// bound is the optimum.
func exact(t *testing.T) bool { return strings.HasSuffix(t.Name(), "/exact") }
