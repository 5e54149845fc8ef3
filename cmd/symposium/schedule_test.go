package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"symposium/internal/matchmaking/scheduler"
	"symposium/internal/matchmaking/scheduler/gen"
)

// TestScheduleMeetingsCommand runs "symposium schedule-meetings" as a
// process (this test binary stands in for the symposium binary) on a
// generated instance and checks its answer: exactly the keys of
// CONTRACT.md, a schedule that keeps every constraint, its weight, and a
// bound not below it.
func TestScheduleMeetingsCommand(t *testing.T) {
	in := gen.Generate(gen.Config{People: 120, Requests: 500, Slots: 8, Tables: 30, Seed: 7})
	path := writeJSON(t, in)
	out, errOut, status := runProcess(t, "schedule-meetings", "--in", path, "--time-limit", "300ms")
	if status != 0 {
		t.Fatalf("exit status %d: %s", status, errOut)
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &keys); err != nil {
		t.Fatalf("%v: %q", err, out)
	}
	if got := sortedKeys(keys); !slices.Equal(got, []string{"bound", "schedule", "weight"}) {
		t.Fatalf("keys %v", got)
	}
	var items []map[string]json.RawMessage
	if err := json.Unmarshal(keys["schedule"], &items); err != nil || len(items) == 0 {
		t.Fatalf("schedule %s: %v", keys["schedule"], err)
	}
	if got := sortedKeys(items[0]); !slices.Equal(got, []string{"a", "b", "slot", "weight"}) {
		t.Fatalf("a meeting's keys %v", got)
	}
	var res struct {
		Schedule []scheduled
		Weight   int
		Bound    int
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if err := checkPrinted(in, res.Schedule, res.Weight); err != nil {
		t.Fatal(err)
	}
	if res.Bound < res.Weight {
		t.Fatalf("bound %d below the weight %d", res.Bound, res.Weight)
	}
}

// TestScheduleMeetingsRefuses checks that a bad instance or bad flags
// exit with status 2 and the reason on standard error.
func TestScheduleMeetingsRefuses(t *testing.T) {
	self := &scheduler.Instance{Slots: []scheduler.Slot{{ID: 0, Tables: 1}},
		People:   []scheduler.Person{{ID: "p0", Free: []int{0}}},
		Requests: []scheduler.Request{{A: "p0", B: "p0", Weight: 1}}}
	unknown := &scheduler.Instance{Slots: []scheduler.Slot{{ID: 0, Tables: -1}},
		People:   []scheduler.Person{{ID: "p0", Free: []int{0, 4}}},
		Requests: []scheduler.Request{{A: "p0", B: "p9", Weight: 2}}}
	notJSON := filepath.Join(t.TempDir(), "x.json")
	if err := os.WriteFile(notJSON, []byte(`{"slots":[{"id":"zero"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"--in", writeJSON(t, self)}, []string{"a request to oneself"}},
		{[]string{"--in", writeJSON(t, unknown)}, []string{"negative number of tables", "unknown slot 4", `unknown person "p9"`}},
		{[]string{"--in", notJSON}, []string{"not an instance"}},
		{[]string{"--in", filepath.Join(t.TempDir(), "missing.json")}, []string{"no such file"}},
		{[]string{}, []string{"usage: symposium schedule-meetings --in FILE"}},
		{[]string{"--in", notJSON, "--time-limit", "soon"}, []string{"invalid value"}},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.want, ","), func(t *testing.T) {
			out, errOut, status := runProcess(t, append([]string{"schedule-meetings"}, c.args...)...)
			if status != 2 || out != "" {
				t.Fatalf("exit status %d, output %q; want 2 and nothing", status, out)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("standard error %q does not say %q", errOut, w)
				}
			}
		})
	}
}

// runProcess runs the command as a child process and returns its
// standard output, standard error and exit status.
func runProcess(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "SYMPOSIUM_TEST_AS_MAIN=1")
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return out.String(), errOut.String(), exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errOut.String(), 0
}

// writeJSON writes an instance to a temporary file and returns its path.
func writeJSON(t *testing.T, in *scheduler.Instance) string {
	t.Helper()
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "instance.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func sortedKeys[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// checkPrinted checks a printed schedule: each meeting is a request of
// the instance with its weight, once, in a slot free for both, nobody
// twice in a slot, no slot over its tables, and the weights add up.
func checkPrinted(in *scheduler.Instance, schedule []scheduled, weight int) error {
	free := map[string]bool{}
	for _, p := range in.People {
		for _, s := range p.Free {
			free[fmt.Sprint(p.ID, "/", s)] = true
		}
	}
	tables := map[int]int{}
	for _, s := range in.Slots {
		tables[s.ID] = s.Tables
	}
	requested := map[[2]string]int{}
	for _, r := range in.Requests {
		requested[[2]string{r.A, r.B}] = r.Weight
	}
	busy, done, total := map[string]bool{}, map[[2]string]bool{}, 0
	for _, m := range schedule {
		k := [2]string{m.A, m.B}
		if w, ok := requested[k]; !ok || w != m.Weight || done[k] {
			return fmt.Errorf("meeting %+v is not a request, has another weight, or comes twice", m)
		}
		done[k] = true
		for _, x := range k {
			key := fmt.Sprint(x, "/", m.Slot)
			if !free[key] || busy[key] {
				return fmt.Errorf("meeting %+v: %s is not free", m, x)
			}
			busy[key] = true
		}
		if tables[m.Slot]--; tables[m.Slot] < 0 {
			return fmt.Errorf("slot %d holds more meetings than tables", m.Slot)
		}
		total += m.Weight
	}
	if total != weight {
		return fmt.Errorf("the meetings weigh %d, the answer says %d", total, weight)
	}
	return nil
}
