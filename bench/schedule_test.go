package bench

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"symposium/internal/matchmaking/scheduler"
	"symposium/internal/matchmaking/scheduler/gen"
)

// BenchmarkScheduleMeetings measures the meeting scheduler on generated
// matchmaking days (internal/matchmaking/scheduler/gen): the issue's
// realistic size, 2,000 people, 10,000 requests, 16 slots of 500 tables
// (seeds 1–3), and 800 people, 4,000 requests, 16 slots of 200 tables
// (seeds 1–3), which it must solve to a proven optimum. For each it runs
// Solve with the default time limit of one second on the machine's cores
// and reports its weight, the bound it proved, the gap between them, the
// wall time and the CPU time; then the obvious greedy schedule (heaviest
// request first, into the first slot free for both with a table left) and
// its gap to the same bound; then, where cbc is installed, CBC on the
// integer program (scheduler.WriteLP) with a time limit of
// SYMPOSIUM_BENCH_CBC (default 2m; "0" skips it) on two threads, its
// schedule checked like ours, and the bound it proved.
func BenchmarkScheduleMeetings(b *testing.B) {
	var configs []gen.Config
	for seed := uint64(1); seed <= 3; seed++ {
		configs = append(configs, gen.Large(seed))
	}
	for seed := uint64(1); seed <= 3; seed++ {
		configs = append(configs, gen.Medium(seed))
	}
	for _, c := range configs {
		b.Run(fmt.Sprintf("%d-%d-seed%d", c.People, c.Requests, c.Seed), func(b *testing.B) {
			in := gen.Generate(c)
			for i := 0; i < b.N; i++ {
				scheduleOnce(b, in)
			}
		})
	}
}

// scheduleOnce runs the three methods on one instance and reports them.
func scheduleOnce(b *testing.B, in *scheduler.Instance) {
	cpu0, t0 := cpuTime(), time.Now()
	res, err := scheduler.Solve(b.Context(), in, scheduler.Options{})
	wall, cpu := time.Since(t0), cpuTime()-cpu0
	if err != nil {
		b.Fatal(err)
	}
	if err := scheduler.Check(in, res.Meetings); err != nil {
		b.Fatal(err)
	}
	gap := func(w int) float64 { return 100 * float64(res.Bound-w) / float64(res.Bound) }
	b.ReportMetric(float64(res.Weight), "weight")
	b.ReportMetric(float64(res.Bound), "bound")
	b.ReportMetric(gap(res.Weight), "gap-%")
	b.ReportMetric(wall.Seconds(), "wall-s")
	b.ReportMetric(cpu.Seconds(), "cpu-s")
	t0 = time.Now()
	g := greedySchedule(in)
	if err := scheduler.Check(in, g); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(weightOf(g)), "greedy-weight")
	b.ReportMetric(gap(weightOf(g)), "greedy-gap-%")
	b.ReportMetric(time.Since(t0).Seconds(), "greedy-s")
	limit := cbcLimit(b)
	if limit == 0 {
		return
	}
	t0 = time.Now()
	weight, bound, status := runCBC(b, in, limit)
	if status == "" {
		return
	}
	b.ReportMetric(float64(weight), "cbc-weight")
	b.ReportMetric(bound, "cbc-bound")
	b.ReportMetric(gap(weight), "cbc-gap-%")
	b.ReportMetric(time.Since(t0).Seconds(), "cbc-s")
	b.Logf("CBC: %s, weight %d, bound %.1f", status, weight, bound)
}

// greedySchedule is the obvious schedule: requests by weight, heaviest
// first (in the instance's order among equals), each in the first slot
// in which both people are free and a table is left. It handles people,
// not delegations, booths or interpreters.
func greedySchedule(in *scheduler.Instance) []scheduler.Meeting {
	free := map[string]bool{}
	for _, p := range in.People {
		for _, s := range p.Free {
			free[fmt.Sprint(p.ID, "/", s)] = true
		}
	}
	used := map[int]int{}
	order := make([]int, len(in.Requests))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return in.Requests[j].Weight - in.Requests[i].Weight })
	var out []scheduler.Meeting
	for _, i := range order {
		r := in.Requests[i]
		for _, s := range in.Slots {
			ka, kb := fmt.Sprint(r.A, "/", s.ID), fmt.Sprint(r.B, "/", s.ID)
			if free[ka] && free[kb] && used[s.ID] < s.Tables {
				free[ka], free[kb] = false, false
				used[s.ID]++
				out = append(out, scheduler.Meeting{Request: i, A: r.A, B: r.B, Slot: s.ID, Table: used[s.ID], Weight: r.Weight})
				break
			}
		}
	}
	return out
}

func weightOf(schedule []scheduler.Meeting) int {
	w := 0
	for _, m := range schedule {
		w += m.Weight
	}
	return w
}

// cbcLimit returns CBC's time limit, or 0 when CBC is not to run.
func cbcLimit(b *testing.B) time.Duration {
	if _, err := exec.LookPath("cbc"); err != nil {
		return 0
	}
	v := os.Getenv("SYMPOSIUM_BENCH_CBC")
	if v == "" {
		return 2 * time.Minute
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		b.Fatalf("SYMPOSIUM_BENCH_CBC: %v", err)
	}
	return d
}

// runCBC solves the instance's integer program with CBC within limit on
// two threads (preprocessing off: with it, CBC 2.10 reported a wrong
// optimum on these instances) and returns the weight of its schedule,
// which must pass the checker, the bound it proved, and its status line
// ("" when it gave no answer in time).
func runCBC(b *testing.B, in *scheduler.Instance, limit time.Duration) (int, float64, string) {
	dir := b.TempDir()
	lp, sol := filepath.Join(dir, "m.lp"), filepath.Join(dir, "m.sol")
	f, err := os.Create(lp)
	if err != nil {
		b.Fatal(err)
	}
	if err := scheduler.WriteLP(f, in); err != nil {
		b.Fatal(err)
	}
	f.Close()
	// The limit is CBC's CPU time after its first linear relaxation, which
	// alone takes minutes on the large instances; give up at four times it
	// and half an hour more of the clock.
	ctx, cancel := context.WithTimeout(b.Context(), 4*limit+30*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "cbc", lp, "sec", fmt.Sprint(int(limit.Seconds())), "threads", "2",
		"preprocess", "off", "primalS", "solve", "solu", sol).CombinedOutput()
	if err != nil {
		b.Logf("cbc gave no answer: %v", err)
		return 0, 0, ""
	}
	schedule, status := readCBC(b, in, sol)
	if err := scheduler.Check(in, schedule); err != nil {
		b.Fatalf("CBC's schedule: %v", err)
	}
	bound := float64(weightOf(schedule))
	if !strings.HasPrefix(status, "Optimal") {
		bound = cbcBound(string(out))
	}
	return weightOf(schedule), bound, status
}

// readCBC reads CBC's solution file: its status line and the meetings of
// the variables x<request>_<slot index> set to one, numbered at tables.
func readCBC(b *testing.B, in *scheduler.Instance, path string) ([]scheduler.Meeting, string) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan()
	status := sc.Text()
	used := map[int]int{}
	var out []scheduler.Meeting
	name := regexp.MustCompile(`^x(\d+)_(\d+)$`)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 3 {
			continue
		}
		v, _ := strconv.ParseFloat(fields[2], 64)
		m := name.FindStringSubmatch(fields[1])
		if m == nil || v < 0.5 {
			continue
		}
		r, _ := strconv.Atoi(m[1])
		s, _ := strconv.Atoi(m[2])
		slot := in.Slots[s].ID
		used[slot]++
		req := in.Requests[r]
		out = append(out, scheduler.Meeting{Request: r, A: req.A, B: req.B, Slot: slot, Table: used[slot], Weight: req.Weight})
	}
	return out, status
}

// cbcBound reads the best bound from CBC's log: its last "best possible".
func cbcBound(log string) float64 {
	all := regexp.MustCompile(`best possible (-?[0-9.e+]+)`).FindAllStringSubmatch(log, -1)
	if len(all) == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(all[len(all)-1][1], 64)
	if v < 0 {
		v = -v // CBC minimises the negated weight
	}
	return v
}

// cpuTime returns the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
