package scheduler_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"symposium/internal/matchmaking/scheduler"
	"symposium/internal/matchmaking/scheduler/gen"
)

// TestSolveMatchesCBC compares the scheduler with an off-the-shelf MIP
// solver: on generated instances (two plain ones where tables are scarce,
// one with booths and interpreters; smaller under the race detector) it writes the integer program, runs CBC to a
// proven optimum, and checks that Solve's schedule weighs exactly that
// and its bound is not below it. (Delegations are left to the tests
// against brute force: on instances where tables are scarce the search
// can end a unit short with them.) Without CBC (Debian coinor-cbc) it
// skips, except under CI=true where it fails.
func TestSolveMatchesCBC(t *testing.T) {
	if _, err := exec.LookPath("cbc"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CBC (cbc, Debian package coinor-cbc) is missing")
		}
		t.Skip("CBC (cbc, Debian package coinor-cbc) is not installed")
	}
	configs := []gen.Config{
		{People: 300, Requests: 1500, Slots: 12, Tables: 60, Seed: 1},
		{People: 300, Requests: 1500, Slots: 12, Tables: 60, Seed: 2},
		{People: 150, Requests: 600, Slots: 8, Tables: 60, Seed: 3, Booths: 3, Interpreters: 5},
	}
	if raceEnabled { // the race detector slows the search several times
		configs = []gen.Config{
			{People: 150, Requests: 600, Slots: 8, Tables: 30, Seed: 2},
			{People: 150, Requests: 600, Slots: 8, Tables: 30, Seed: 3},
			{People: 100, Requests: 400, Slots: 8, Tables: 40, Seed: 3, Booths: 2, Interpreters: 4},
		}
	}
	for _, c := range configs {
		t.Run(fmt.Sprint(c.People, "-", c.Requests, "-", c.Seed), func(t *testing.T) {
			in := gen.Generate(c)
			want := cbcOptimum(t, in)
			res, err := scheduler.Solve(context.Background(), in, scheduler.Options{TimeLimit: searchTime})
			if err != nil {
				t.Fatal(err)
			}
			if err := scheduler.Check(in, res.Meetings); err != nil {
				t.Fatal(err)
			}
			if res.Weight != want || res.Bound < want {
				t.Fatalf("weight %d, bound %d; CBC's optimum is %d", res.Weight, res.Bound, want)
			}
			t.Logf("optimum %d, bound %d", want, res.Bound)
		})
	}
}

// searchTime is the time limit of the scheduler in tests comparing it
// with an optimum. It stops as soon as it proves its schedule optimal,
// usually well within a second; the limit leaves room for a machine
// shared with other work, and for the race detector, which slows it down
// several times.
var searchTime = map[bool]time.Duration{false: 5 * time.Second, true: 20 * time.Second}[raceEnabled]

// cbcOptimum writes the instance's integer program, solves it with CBC
// and returns the optimal weight.
func cbcOptimum(t *testing.T, in *scheduler.Instance) int {
	t.Helper()
	dir := t.TempDir()
	lp, sol := filepath.Join(dir, "m.lp"), filepath.Join(dir, "m.sol")
	f, err := os.Create(lp)
	if err != nil {
		t.Fatal(err)
	}
	if err := scheduler.WriteLP(f, in); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "cbc", lp, "primalS", "solve", "solu", sol).CombinedOutput(); err != nil {
		t.Fatalf("cbc: %v\n%s", err, out)
	}
	b, err := os.ReadFile(sol)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	var value float64
	if _, err := fmt.Sscanf(first, "Optimal - objective value %g", &value); err != nil {
		t.Fatalf("CBC did not prove an optimum: %q", first)
	}
	return int(value + 0.5)
}
