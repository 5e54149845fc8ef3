package scheduler_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"symposium/internal/matchmaking/scheduler"
)

// sample returns a small valid instance with every extension: a booth, a
// delegation, languages with an interpreter, and a pinned meeting.
func sample() *scheduler.Instance {
	return &scheduler.Instance{
		Slots: []scheduler.Slot{{ID: 0, Tables: 2}, {ID: 1, Tables: 1}, {ID: 2, Tables: 0}},
		People: []scheduler.Person{
			{ID: "ana", Free: []int{0, 1, 2}, Languages: []string{"ru", "kk"}},
			{ID: "bo", Free: []int{0, 1}, Languages: []string{"zh"}},
			{ID: "chen", Free: []int{0, 1, 2}, Languages: []string{"zh", "en"}, Table: 10},
			{ID: "dana", Free: []int{1, 2}, Languages: []string{"kk"}},
			{ID: "erlan", Free: []int{0, 1, 2}, Languages: []string{"kk", "ru"}},
			{ID: "gov", Members: []string{"dana", "erlan"}},
		},
		Interpreters: []scheduler.Interpreter{{ID: "ivan", Languages: []string{"ru", "zh"}, Free: []int{0, 1}}},
		Requests: []scheduler.Request{
			{A: "ana", B: "bo", Weight: 3},
			{A: "bo", B: "chen", Weight: 2, Pinned: &scheduler.Pin{Slot: 1, Table: 10}},
			{A: "gov", B: "chen", Weight: 1},
			{A: "ana", B: "dana", Weight: 2},
		},
	}
}

// TestValidateRefuses checks that each kind of bad instance is refused
// with a message naming what is wrong, and that the sample is valid.
func TestValidateRefuses(t *testing.T) {
	if err := sample().Validate(); err != nil {
		t.Fatalf("the sample is refused: %v", err)
	}
	cases := []struct {
		name   string
		change func(in *scheduler.Instance)
		want   string
	}{
		{"unknown person", func(in *scheduler.Instance) { in.Requests[0].B = "zoe" }, `unknown person "zoe"`},
		{"unknown slot", func(in *scheduler.Instance) { in.People[0].Free = []int{0, 7} }, `person "ana": unknown slot 7`},
		{"negative tables", func(in *scheduler.Instance) { in.Slots[1].Tables = -3 }, "slot 1 has a negative number of tables (-3)"},
		{"duplicate pair", func(in *scheduler.Instance) {
			in.Requests = append(in.Requests, scheduler.Request{A: "bo", B: "ana", Weight: 1})
		}, "the pair was already requested by request 0"},
		{"weight zero", func(in *scheduler.Instance) { in.Requests[0].Weight = 0 }, "weight 0 is outside 1–3"},
		{"weight four", func(in *scheduler.Instance) { in.Requests[0].Weight = 4 }, "weight 4 is outside 1–3"},
		{"request to oneself", func(in *scheduler.Instance) { in.Requests[0].B = "ana" }, "a request to oneself"},
		{"person twice", func(in *scheduler.Instance) { in.People[1].ID = "ana" }, `person "ana" is defined twice`},
		{"slot twice", func(in *scheduler.Instance) { in.Slots[1].ID = 0 }, "slot 0 is defined twice"},
		{"empty id", func(in *scheduler.Instance) { in.People[1].ID = "" }, "person 1 has no id"},
		{"member on both sides", func(in *scheduler.Instance) { in.Requests[2].B = "dana" }, `"dana" would be on both sides`},
		{"unknown member", func(in *scheduler.Instance) { in.People[5].Members[1] = "zoe" }, `person "gov": unknown member "zoe"`},
		{"nested delegation", func(in *scheduler.Instance) {
			in.People = append(in.People, scheduler.Person{ID: "big", Members: []string{"gov", "ana"}})
		}, `member "gov" is itself a delegation`},
		{"shared table number", func(in *scheduler.Instance) { in.People[0].Table = 2 }, "reserved table 2 is not above the 2 shared tables"},
		{"table reserved twice", func(in *scheduler.Instance) { in.People[0].Table = 10 }, `person "chen": table 10 is already reserved for "ana"`},
		{"interpreter with one language", func(in *scheduler.Instance) { in.Interpreters[0].Languages = []string{"ru"} }, `interpreter "ivan" needs at least two languages`},
		{"interpreter named like a person", func(in *scheduler.Instance) { in.Interpreters[0].ID = "bo" }, `interpreter "bo": the id is already used`},
		{"pinned to unknown slot", func(in *scheduler.Instance) { in.Requests[1].Pinned.Slot = 9 }, "pinned to unknown slot 9"},
		{"pinned where not free", func(in *scheduler.Instance) { in.Requests[1].Pinned.Slot = 2 }, `pinned to slot 2, "bo" is not free then`},
		{"pinned to a shared table", func(in *scheduler.Instance) { in.Requests[1].Pinned.Table = 1 }, "pinned to table 1, not the reserved table 10"},
		{"pins clash", func(in *scheduler.Instance) { in.Requests[0].Pinned = &scheduler.Pin{Slot: 1} }, `where "bo" has request 0 pinned too`},
		{"pinned interpreter not needed", func(in *scheduler.Instance) {
			in.Requests[3].Pinned = &scheduler.Pin{Slot: 1, Interpreter: "ivan"}
		}, `needs no interpreter, but "ivan" is pinned`},
		{"pinned without an interpreter free", func(in *scheduler.Instance) {
			in.Interpreters[0].Free = []int{0}
			in.Requests[0].Pinned = &scheduler.Pin{Slot: 0}
			in.Requests = append(in.Requests, scheduler.Request{A: "erlan", B: "chen", Weight: 1, Pinned: &scheduler.Pin{Slot: 0}})
			in.Interpreters = append(in.Interpreters, scheduler.Interpreter{ID: "li", Languages: []string{"kk", "zh"}, Free: []int{1}})
		}, "slot 0: too few interpreters for the meetings pinned there"},
		{"too many pins for the tables", func(in *scheduler.Instance) {
			in.Requests[0].Pinned = &scheduler.Pin{Slot: 1}
			in.Requests[1].Pinned = nil
			in.Requests[3].Pinned = &scheduler.Pin{Slot: 1}
			in.Requests[3].A = "erlan"
		}, "slot 1: 2 meetings pinned for 1 shared tables"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := sample()
			c.change(in)
			err := in.Validate()
			if _, ok := errors.AsType[*scheduler.InvalidError](err); !ok || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Validate() = %v; want an *InvalidError naming %q", err, c.want)
			}
		})
	}
}

// TestInstanceJSON checks the JSON shape of CONTRACT.md, other keys
// ignored, and that the extensions' keys are optional.
func TestInstanceJSON(t *testing.T) {
	var in scheduler.Instance
	doc := `{"slots":[{"id":0,"tables":500},{"id":3,"tables":2}],"people":[{"id":"p0","free":[0,3],"x":1},{"id":"p7","free":[3]}],
		"requests":[{"a":"p0","b":"p7","weight":2,"note":"ignored"}],"comment":"ignored"}`
	if err := json.Unmarshal([]byte(doc), &in); err != nil {
		t.Fatal(err)
	}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(in.Slots) != 2 || in.Slots[1].ID != 3 || in.People[0].Free[1] != 3 || in.Requests[0].Weight != 2 || in.Requests[0].Pinned != nil {
		t.Fatalf("decoded %+v", in)
	}
}
