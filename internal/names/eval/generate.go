package eval

import "math/rand/v2"

// Set is an evaluation set: people, and queries for some of them.
type Set struct {
	People  []Person
	Queries []Query
}

// Generate makes n people and m queries for people drawn at random,
// deterministically for a seed; the people do not depend on m. The lists
// of names allow some millions of distinct people: n must stay well
// below that.
func Generate(seed uint64, n, m int) *Set {
	ps := people(rand.New(rand.NewPCG(seed, 1)), n)
	var qs []Query
	if n > 0 {
		qs = queries(rand.New(rand.NewPCG(seed, 2)), ps, m)
	}
	return &Set{People: ps, Queries: qs}
}

// The evaluation set of the acceptance test and the benchmarks: 100,000
// people and 2,000 queries, from seed Seed.
const (
	Seed       = 2025
	NumPeople  = 100_000
	NumQueries = 2_000
)
