package scheduler_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"symposium/internal/matchmaking/scheduler"
	"symposium/internal/matchmaking/scheduler/gen"
)

// TestSolveMatchesBruteForce solves many tiny random instances, with and
// without the extensions, and compares with trying every combination: the
// schedule passes the checker, its weight is the best there is and its
// meetings the most at that weight, and the bound is never below it.
// Solve searches every schedule of so small an instance; the local
// search and the bound it proves from the relaxation are tested alone.
func TestSolveMatchesBruteForce(t *testing.T) {
	t.Run("exact", func(t *testing.T) { matchBruteForce(t, 300, time.Second) })
	t.Run("search", func(t *testing.T) {
		defer scheduler.WithoutExact()()
		matchBruteForce(t, 150, 50*time.Millisecond)
	})
}

func matchBruteForce(t *testing.T, n int, limit time.Duration) {
	rng := rand.New(rand.NewPCG(1, 2))
	tight := 0
	for k := range n {
		in := tiny(rng, 3+rng.IntN(4), 2+rng.IntN(6), 1+rng.IntN(3), k%2 == 1)
		res, err := scheduler.Solve(context.Background(), in, scheduler.Options{TimeLimit: limit, Seed: uint64(k)})
		if err != nil {
			t.Fatalf("instance %d: %v", k, err)
		}
		if err := scheduler.Check(in, res.Meetings); err != nil {
			t.Fatalf("instance %d: %v", k, err)
		}
		w, m := bruteForce(in)
		if res.Weight != w || len(res.Meetings) != m {
			t.Fatalf("instance %d: weight %d with %d meetings, the best is %d with %d\n%+v", k, res.Weight, len(res.Meetings), w, m, in)
		}
		if res.Bound < w {
			t.Fatalf("instance %d: bound %d below the optimum %d\n%+v", k, res.Bound, w, in)
		}
		if res.Bound == w {
			tight++
		}
	}
	t.Logf("the bound was the optimum on %d of %d instances", tight, n)
}

// TestSolveChecks solves generated instances of a few sizes, with and
// without the extensions, and checks every schedule and its weight.
func TestSolveChecks(t *testing.T) {
	for seed := range uint64(6) {
		c := gen.Config{People: 60, Requests: 250, Slots: 6, Tables: 12, Seed: seed}
		if seed%2 == 1 {
			c.Delegations, c.Booths, c.Interpreters = 4, 3, 5
		}
		in := gen.Generate(c)
		res, err := scheduler.Solve(context.Background(), in, scheduler.Options{TimeLimit: 100 * time.Millisecond, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		if err := scheduler.Check(in, res.Meetings); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		w := 0
		for _, m := range res.Meetings {
			w += m.Weight
		}
		if w != res.Weight || res.Weight > res.Bound || res.Weight == 0 {
			t.Fatalf("seed %d: meetings weigh %d, result says %d, bound %d", seed, w, res.Weight, res.Bound)
		}
	}
}
