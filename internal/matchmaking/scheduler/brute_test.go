package scheduler_test

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"symposium/internal/matchmaking/scheduler"
)

// tiny draws a small random instance: people with random free slots and
// few tables, and with ext the extensions too: a delegation, a booth,
// languages with an interpreter, and a pinned meeting when one fits.
func tiny(rng *rand.Rand, people, requests, slots int, ext bool) *scheduler.Instance {
	in := &scheduler.Instance{}
	for s := range slots {
		in.Slots = append(in.Slots, scheduler.Slot{ID: 10 + s, Tables: rng.IntN(people/2 + 1)})
	}
	langs := []string{"zh", "kk", "ru"}
	for i := range people {
		p := scheduler.Person{ID: fmt.Sprintf("p%d", i), Free: []int{}}
		for s := range slots {
			if rng.IntN(4) != 0 {
				p.Free = append(p.Free, 10+s)
			}
		}
		if ext {
			p.Languages = []string{langs[rng.IntN(3)]}
		}
		in.People = append(in.People, p)
	}
	parties := people
	if ext {
		in.People[rng.IntN(people)].Table = people + 1
		in.People = append(in.People, scheduler.Person{ID: "d", Members: []string{"p0", "p1"}})
		parties++
		in.Interpreters = []scheduler.Interpreter{{ID: "i0", Languages: []string{"zh", "kk", "ru"}, Free: []int{10}}}
	}
	seen := map[[2]int]bool{}
	for tries := 0; len(in.Requests) < requests && tries < 100; tries++ {
		a, b := rng.IntN(parties), rng.IntN(parties)
		k := [2]int{min(a, b), max(a, b)}
		if a == b || seen[k] || (ext && (a == people || b == people) && min(a, b) <= 1) {
			continue
		}
		seen[k] = true
		in.Requests = append(in.Requests, scheduler.Request{A: in.People[a].ID, B: in.People[b].ID, Weight: 1 + rng.IntN(3)})
	}
	if ext && len(in.Requests) > 0 {
		r := &in.Requests[rng.IntN(len(in.Requests))]
		r.Pinned = &scheduler.Pin{Slot: 10 + rng.IntN(slots)}
		if in.Validate() != nil {
			r.Pinned = nil
		}
	}
	return in
}

// option is one way to hold a request: a slot and an interpreter ("" for
// none).
type option struct {
	slot   int
	interp string
}

// bruteForce returns the best weight and, at that weight, the most
// meetings of any schedule of a tiny valid instance, by trying every
// combination with checks written apart from the solver's.
func bruteForce(in *scheduler.Instance) (int, int) {
	b := &brute{in: in, party: map[string]scheduler.Person{}, tables: map[int]int{}, busy: map[string]bool{}, bestW: -1}
	for _, p := range in.People {
		b.party[p.ID] = p
	}
	for _, s := range in.Slots {
		b.tables[s.ID] = s.Tables
	}
	for _, r := range in.Requests {
		b.opts = append(b.opts, options(in, b.party, r))
	}
	b.walk(0, 0, 0)
	return b.bestW, b.bestN
}

// brute is the state of bruteForce's search.
type brute struct {
	in           *scheduler.Instance
	party        map[string]scheduler.Person
	tables       map[int]int // shared tables left in each slot
	opts         [][]option
	busy         map[string]bool // "slot/person" and "slot/interp/id" taken
	bestW, bestN int
}

// walk decides request i and the ones after it, with weight w and n
// meetings so far.
func (b *brute) walk(i, w, n int) {
	if i == len(b.in.Requests) {
		if w > b.bestW || (w == b.bestW && n > b.bestN) {
			b.bestW, b.bestN = w, n
		}
		return
	}
	r := b.in.Requests[i]
	if r.Pinned == nil {
		b.walk(i+1, w, n)
	}
	for _, o := range b.opts[i] {
		if r.Pinned != nil && (o.slot != r.Pinned.Slot || (r.Pinned.Interpreter != "" && o.interp != r.Pinned.Interpreter)) {
			continue
		}
		keys := []string{}
		for _, x := range append(who(b.party, r.A), who(b.party, r.B)...) {
			keys = append(keys, fmt.Sprint(o.slot, "/", x))
		}
		if o.interp != "" {
			keys = append(keys, fmt.Sprint(o.slot, "/interp/", o.interp))
		}
		shared := b.party[r.A].Table == 0 && b.party[r.B].Table == 0
		if slices.ContainsFunc(keys, func(k string) bool { return b.busy[k] }) || (shared && b.tables[o.slot] == 0) {
			continue
		}
		b.take(keys, shared, o.slot, true)
		b.walk(i+1, w+r.Weight, n+1)
		b.take(keys, shared, o.slot, false)
	}
}

// take marks the keys busy (or free again) and a shared table taken.
func (b *brute) take(keys []string, shared bool, slot int, on bool) {
	for _, k := range keys {
		b.busy[k] = on
	}
	if shared && on {
		b.tables[slot]--
	} else if shared {
		b.tables[slot]++
	}
}

// who returns the people a party stands for.
func who(party map[string]scheduler.Person, id string) []string {
	if ms := party[id].Members; len(ms) > 0 {
		return ms
	}
	return []string{id}
}

// options lists the slots (and interpreters) in which request r could
// take place on its own.
func options(in *scheduler.Instance, party map[string]scheduler.Person, r scheduler.Request) []option {
	var out []option
	for _, s := range in.Slots {
		if !freeIn(party, r.A, s.ID) || !freeIn(party, r.B, s.ID) {
			continue
		}
		la, lb := languages(party, r.A), languages(party, r.B)
		if len(la) == 0 || len(lb) == 0 || slices.ContainsFunc(la, func(l string) bool { return slices.Contains(lb, l) }) {
			out = append(out, option{s.ID, ""})
			continue
		}
		for _, it := range in.Interpreters {
			speaks := func(ls []string) bool {
				return slices.ContainsFunc(ls, func(l string) bool { return slices.Contains(it.Languages, l) })
			}
			if slices.Contains(it.Free, s.ID) && speaks(la) && speaks(lb) {
				out = append(out, option{s.ID, it.ID})
			}
		}
	}
	return out
}

// freeIn reports whether a party is free in a slot.
func freeIn(party map[string]scheduler.Person, id string, slot int) bool {
	p := party[id]
	if (len(p.Members) == 0 || len(p.Free) > 0) && !slices.Contains(p.Free, slot) {
		return false
	}
	for _, m := range p.Members {
		if !slices.Contains(party[m].Free, slot) {
			return false
		}
	}
	return true
}

// languages returns the languages a party meets in.
func languages(party map[string]scheduler.Person, id string) []string {
	p := party[id]
	if len(p.Languages) > 0 || len(p.Members) == 0 {
		return p.Languages
	}
	var out []string
	for _, m := range p.Members {
		out = append(out, party[m].Languages...)
	}
	return out
}
