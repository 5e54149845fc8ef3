// Package gen generates meeting-scheduling instances like those of a
// matchmaking day at a large symposium, deterministically for a seed, for
// the scheduler's tests and benchmarks.
//
// Popularity is skewed like Zipf (a few people are asked by very many);
// one person in eight is present for only part of the day; a third have a
// busy slot or two of their own; programme sessions take many people out
// of some slots; and so some hundreds of people have more requests than
// free slots. Weights 1, 2 and 3 come in about 62/28/10 proportion.
// Optional extensions add delegations, reserved tables (booths) and
// languages with interpreters.
package gen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"symposium/internal/matchmaking/scheduler"
)

// Config sizes an instance. The extensions are off when zero.
type Config struct {
	People, Requests, Slots, Tables int
	Seed                            uint64

	Delegations  int // delegations of two to four people, each with requests of their own
	Booths       int // people with a reserved table
	Interpreters int // interpreters; people then speak zh, kk, ru and en in national mixes
}

// Large is the size of the realistic day: 2,000 people, 10,000
// requests, 16 slots of 500 tables.
func Large(seed uint64) Config {
	return Config{People: 2000, Requests: 10000, Slots: 16, Tables: 500, Seed: seed}
}

// Medium is the largest size the scheduler must solve to a proven optimum:
// 800 people and 4,000 requests in 16 slots of 200 tables.
func Medium(seed uint64) Config {
	return Config{People: 800, Requests: 4000, Slots: 16, Tables: 200, Seed: seed}
}

// Generate builds the instance of a configuration.
func Generate(c Config) *scheduler.Instance {
	rng := rand.New(rand.NewPCG(c.Seed, 0x5c4ed))
	in := &scheduler.Instance{}
	for s := range c.Slots {
		in.Slots = append(in.Slots, scheduler.Slot{ID: s, Tables: c.Tables})
	}
	free := availability(rng, c.People, c.Slots)
	for i := range c.People {
		in.People = append(in.People, scheduler.Person{ID: fmt.Sprintf("p%d", i), Free: free[i]})
	}
	if c.Interpreters > 0 {
		languages(rng, in, c.Interpreters)
	}
	for i := range c.Booths {
		in.People[rng.IntN(c.People)].Table = c.Tables + 1 + i
	}
	parties := c.People
	for d := range c.Delegations {
		in.People = append(in.People, delegation(rng, in, d))
		parties++
	}
	clash := func(a, b int) bool { return overlap(in.People[a], in.People[b]) }
	for _, r := range requests(rng, parties, c.Requests, clash) {
		in.Requests = append(in.Requests, scheduler.Request{A: in.People[r.a].ID, B: in.People[r.b].ID, Weight: r.w})
	}
	return in
}

// availability draws each person's free slots: programme sessions take
// people out of some slots, one in eight is present for a window of the
// day only, and a third block a slot or two.
func availability(rng *rand.Rand, people, slots int) [][]int {
	busy := make([][]bool, people)
	for i := range busy {
		busy[i] = make([]bool, slots)
	}
	for range max(1, slots/5) {
		s, length, share := rng.IntN(slots), 1+rng.IntN(2), 0.25+0.25*rng.Float64()
		for i := range people {
			if rng.Float64() < share {
				for k := s; k < min(slots, s+length); k++ {
					busy[i][k] = true
				}
			}
		}
	}
	for i := range people {
		if rng.IntN(8) == 0 {
			length := slots/4 + rng.IntN(slots/2+1)
			start := rng.IntN(slots - length + 1)
			for k := range slots {
				busy[i][k] = busy[i][k] || k < start || k >= start+length
			}
		}
		if rng.IntN(3) == 0 {
			for range 1 + rng.IntN(2) {
				busy[i][rng.IntN(slots)] = true
			}
		}
	}
	out := make([][]int, people)
	for i := range people {
		out[i] = []int{}
		for k := range slots {
			if !busy[i][k] {
				out[i] = append(out[i], k)
			}
		}
	}
	return out
}

// requests draws n distinct unordered pairs among parties 0..parties-1,
// the receiver by a Zipf-like popularity and the sender more evenly, with
// weights 1/2/3 in 62/28/10 proportion, skipping pairs that clash.
func requests(rng *rand.Rand, parties, n int, clash func(a, b int) bool) []pair {
	rank := rng.Perm(parties)
	cum := make([]float64, parties)
	total := 0.0
	for k := range parties {
		total += math.Pow(float64(k)+popularityOffset, -popularityExponent)
		cum[k] = total
	}
	draw := func() int {
		k, _ := slices.BinarySearch(cum, rng.Float64()*total)
		return rank[min(k, parties-1)]
	}
	seen := map[[2]int]bool{}
	var out []pair
	for len(out) < n && len(seen) < parties*(parties-1)/2 {
		a, b := rng.IntN(parties), draw()
		if rng.IntN(4) == 0 {
			a = draw()
		}
		if a == b || seen[[2]int{min(a, b), max(a, b)}] || clash(a, b) {
			continue
		}
		seen[[2]int{min(a, b), max(a, b)}] = true
		w := 1
		switch x := rng.Float64(); {
		case x < 0.10:
			w = 3
		case x < 0.38:
			w = 2
		}
		out = append(out, pair{a, b, w})
	}
	return out
}

// The popularity of the person of rank k is (k+popularityOffset)^-popularityExponent.
const (
	popularityOffset   = 10.0
	popularityExponent = 0.8
)

// pair is a drawn request: parties a and b, weight w.
type pair struct{ a, b, w int }

// overlap reports whether two parties share a person: a delegation and
// one of its members, or two delegations with a member in common.
func overlap(a, b scheduler.Person) bool {
	ma, mb := slices.Concat(a.Members, []string{a.ID}), slices.Concat(b.Members, []string{b.ID})
	for _, x := range ma {
		if slices.Contains(mb, x) {
			return true
		}
	}
	return false
}

// delegation draws delegation d: two to four people not yet in one.
func delegation(rng *rand.Rand, in *scheduler.Instance, d int) scheduler.Person {
	p := scheduler.Person{ID: fmt.Sprintf("d%d", d)}
	for len(p.Members) < 2+rng.IntN(3) {
		m := in.People[rng.IntN(len(in.People))]
		if len(m.Members) == 0 && !slices.Contains(p.Members, m.ID) {
			p.Members = append(p.Members, m.ID)
		}
	}
	return p
}

// languages gives people the languages of a China–Kazakhstan symposium
// and adds interpreters between them.
func languages(rng *rand.Rand, in *scheduler.Instance, interpreters int) {
	for i := range in.People {
		var ls []string
		switch rng.IntN(3) {
		case 0:
			ls = []string{"zh"}
		case 1:
			ls = []string{"kk", "ru"}
		default:
			ls = []string{"ru"}
		}
		if rng.IntN(3) == 0 {
			ls = append(ls, "en")
		}
		in.People[i].Languages = ls
	}
	pairs := [][]string{{"zh", "ru"}, {"zh", "kk"}, {"zh", "en"}, {"zh", "ru", "en"}}
	for i := range interpreters {
		var free []int
		for s := range in.Slots {
			if rng.IntN(4) != 0 {
				free = append(free, s)
			}
		}
		in.Interpreters = append(in.Interpreters, scheduler.Interpreter{ID: fmt.Sprintf("i%d", i), Languages: pairs[rng.IntN(len(pairs))], Free: free})
	}
}
