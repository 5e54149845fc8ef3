package scheduler_test

import (
	"slices"
	"strings"
	"testing"

	"symposium/internal/matchmaking/scheduler"
)

// checkInstance is a small instance for the checker's tests: a
// delegation, a booth and an interpreter, two slots of two tables.
func checkInstance() *scheduler.Instance {
	both := []int{0, 1}
	return &scheduler.Instance{
		Slots: []scheduler.Slot{{ID: 0, Tables: 2}, {ID: 1, Tables: 2}},
		People: []scheduler.Person{
			{ID: "a", Free: both, Languages: []string{"ru"}},
			{ID: "b", Free: both, Languages: []string{"ru"}},
			{ID: "c", Free: both, Languages: []string{"ru"}},
			{ID: "d", Free: both, Languages: []string{"ru"}},
			{ID: "e", Free: both, Languages: []string{"zh"}},
			{ID: "f", Free: both, Languages: []string{"ru"}, Table: 5},
			{ID: "g", Free: both, Languages: []string{"zh"}},
			{ID: "h", Free: both, Languages: []string{"ru"}},
			{ID: "D", Members: []string{"c", "d"}},
		},
		Interpreters: []scheduler.Interpreter{{ID: "i", Languages: []string{"ru", "zh"}, Free: both}},
		Requests: []scheduler.Request{
			{A: "a", B: "b", Weight: 1},
			{A: "c", B: "e", Weight: 2},
			{A: "D", B: "f", Weight: 3},
			{A: "a", B: "g", Weight: 1},
			{A: "b", B: "e", Weight: 2},
			{A: "h", B: "g", Weight: 1},
		},
	}
}

// checkSchedule is a valid schedule of checkInstance.
func checkSchedule() []scheduler.Meeting {
	return []scheduler.Meeting{
		{Request: 0, A: "a", B: "b", Slot: 0, Table: 1, Weight: 1},
		{Request: 1, A: "c", B: "e", Slot: 0, Table: 2, Interpreter: "i", Weight: 2},
		{Request: 2, A: "D", B: "f", Slot: 1, Table: 5, Weight: 3},
		{Request: 3, A: "a", B: "g", Slot: 1, Table: 1, Interpreter: "i", Weight: 1},
	}
}

// TestCheckCatches breaks each constraint in turn and checks that the
// checker names it; the unbroken schedule passes.
func TestCheckCatches(t *testing.T) {
	if err := scheduler.Check(checkInstance(), checkSchedule()); err != nil {
		t.Fatalf("the valid schedule fails: %v", err)
	}
	extra := func(m scheduler.Meeting) func([]scheduler.Meeting) []scheduler.Meeting {
		return func(s []scheduler.Meeting) []scheduler.Meeting { return append(s, m) }
	}
	cases := []struct {
		name     string
		instance func(*scheduler.Instance)
		schedule func([]scheduler.Meeting) []scheduler.Meeting
		want     string
	}{
		{"no such request", nil, extra(scheduler.Meeting{Request: 9, A: "a", B: "h", Slot: 0, Table: 1, Weight: 1}), "no request 9"},
		{"other parties", nil, func(s []scheduler.Meeting) []scheduler.Meeting { s[0].B = "h"; return s }, "request 0 is a–b"},
		{"other weight", nil, func(s []scheduler.Meeting) []scheduler.Meeting { s[0].Weight = 3; return s }, "weight 3, but request 0 weighs 1"},
		{"scheduled twice", nil, extra(scheduler.Meeting{Request: 0, A: "a", B: "b", Slot: 1, Table: 2, Weight: 1}), "request 0 is scheduled twice"},
		{"no such slot", nil, func(s []scheduler.Meeting) []scheduler.Meeting { s[0].Slot = 4; return s }, "no slot 4"},
		{"not free", func(in *scheduler.Instance) { in.People[1].Free = []int{1} }, nil, "b is not free in slot 0"},
		{"delegation member not free", func(in *scheduler.Instance) { in.People[3].Free = []int{0} }, nil, "D is not free in slot 1"},
		{"two meetings at once", nil, extra(scheduler.Meeting{Request: 4, A: "b", B: "e", Slot: 0, Table: 3, Weight: 2}), "b also has meeting a–b in slot 0"},
		{"a delegation member busy", nil, func(s []scheduler.Meeting) []scheduler.Meeting { s[1].Slot = 1; s[1].Table = 2; return s }, "c also has meeting c–e in slot 1"},
		{"beyond the slot's tables", nil, func(s []scheduler.Meeting) []scheduler.Meeting { s[0].Table = 3; return s }, "table 3 is not one of the slot's 2 tables"},
		{"a table twice", nil, func(s []scheduler.Meeting) []scheduler.Meeting { s[1].Table = 1; return s }, "table 1 also holds meeting a–b in slot 0"},
		{"not at the booth", nil, func(s []scheduler.Meeting) []scheduler.Meeting { s[2].Table = 2; return s }, "table 2 is not a reserved table of its parties"},
		{"someone else's booth", nil, func(s []scheduler.Meeting) []scheduler.Meeting { s[0].Table = 5; return s }, "table 5 is not one of the slot's 2 tables"},
		{"no interpreter", nil, func(s []scheduler.Meeting) []scheduler.Meeting { s[1].Interpreter = ""; return s }, "share no language and have no interpreter"},
		{"needless interpreter", nil, func(s []scheduler.Meeting) []scheduler.Meeting { s[0].Interpreter = "i"; return s }, "interpreter i where none is needed"},
		{"no such interpreter", nil, func(s []scheduler.Meeting) []scheduler.Meeting { s[1].Interpreter = "x"; return s }, "no interpreter x"},
		{"interpreter without the language", func(in *scheduler.Instance) { in.Interpreters[0].Languages = []string{"ru", "kk"} }, nil, "interpreter i does not speak both sides' languages"},
		{"interpreter not free", func(in *scheduler.Instance) { in.Interpreters[0].Free = []int{1} }, nil, "interpreter i is not free in slot 0"},
		{"interpreter at two tables", nil, extra(scheduler.Meeting{Request: 5, A: "h", B: "g", Slot: 0, Table: 3, Interpreter: "i", Weight: 1}), "interpreter i also serves meeting c–e in slot 0"},
		{"pinned request moved", func(in *scheduler.Instance) { in.Requests[0].Pinned = &scheduler.Pin{Slot: 1} }, nil, "pinned request 0 (a–b) moved from slot 1 to 0"},
		{"pinned request dropped", func(in *scheduler.Instance) { in.Requests[4].Pinned = &scheduler.Pin{Slot: 1} }, nil, "pinned request 4 (b–e) is not scheduled"},
		{"pinned table changed", func(in *scheduler.Instance) { in.Requests[0].Pinned = &scheduler.Pin{Slot: 0, Table: 2} }, nil, "moved from table 2 to 1"},
		{"pinned interpreter changed", func(in *scheduler.Instance) {
			in.Interpreters = append(in.Interpreters, scheduler.Interpreter{ID: "j", Languages: []string{"ru", "zh"}, Free: []int{0}})
			in.Requests[1].Pinned = &scheduler.Pin{Slot: 0, Interpreter: "j"}
		}, nil, "changed interpreter from j to i"},
		{"invalid instance", func(in *scheduler.Instance) { in.Slots[0].Tables = -1 }, nil, "negative number of tables"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in, s := checkInstance(), checkSchedule()
			if c.instance != nil {
				c.instance(in)
			}
			if c.schedule != nil {
				s = c.schedule(s)
			}
			err := scheduler.Check(in, s)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Check = %v; want it to name %q", err, c.want)
			}
		})
	}
}

// TestCheckAcceptsFreshPlan checks that a plan ignoring the pins passes
// against the instance without them, and fails against the instance.
func TestCheckAcceptsFreshPlan(t *testing.T) {
	in := checkInstance()
	in.Requests[5].Pinned = &scheduler.Pin{Slot: 0}
	if err := scheduler.Check(in, checkSchedule()); err == nil {
		t.Fatal("a schedule that drops a pinned request passes")
	}
	if err := scheduler.Check(in.WithoutPins(), checkSchedule()); err != nil {
		t.Fatal(err)
	}
	if in.Requests[5].Pinned == nil || slices.ContainsFunc(in.WithoutPins().Requests, func(r scheduler.Request) bool { return r.Pinned != nil }) {
		t.Fatal("WithoutPins changed the instance or kept a pin")
	}
}
