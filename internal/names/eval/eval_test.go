package eval

import (
	"testing"
	"time"

	"symposium/internal/names"
)

// Acceptance thresholds of recall.
const (
	wantRecall1  = 0.95
	wantRecall10 = 0.98
)

// evalSize is the size of the evaluation: 100,000 people and 2,000 queries,
// or 20,000 and 500 in short mode and under the race detector.
func evalSize() (people, queries int) {
	if testing.Short() || raceEnabled {
		return 20_000, 500
	}
	return NumPeople, NumQueries
}

// TestRecall indexes the generated people, searches for each query, and
// checks recall@1 and recall@10 overall, logging them per kind.
func TestRecall(t *testing.T) {
	n, m := evalSize()
	t0 := time.Now()
	set := Generate(Seed, n, m)
	t1 := time.Now()
	x := names.NewIndex()
	for _, p := range set.People {
		x.Put(p.ID, p.Names...)
	}
	t2 := time.Now()
	var r Report
	for _, q := range set.Queries {
		r.Add(q, Rank(ids(x.Search(q.Text, 10)), q.Person))
	}
	t3 := time.Now()
	t.Logf("%d people, %d queries: generated in %v, indexed in %v, searched in %v",
		n, m, t1.Sub(t0).Round(time.Millisecond), t2.Sub(t1).Round(time.Millisecond), t3.Sub(t2).Round(time.Millisecond))
	t.Log("\n" + r.Table())
	total := r.Total()
	if total.Recall1() < wantRecall1 {
		t.Errorf("recall@1 = %.1f%%, want ≥ %.0f%%", 100*total.Recall1(), 100*wantRecall1)
	}
	if total.Recall10() < wantRecall10 {
		t.Errorf("recall@10 = %.1f%%, want ≥ %.0f%%", 100*total.Recall10(), 100*wantRecall10)
	}
	if testing.Verbose() {
		logMisses(t, x, set, 20)
	}
}

// ids returns the IDs of matches, in order.
func ids(ms []names.Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

// logMisses logs up to max queries whose person did not come first, with
// the person's names and what came first instead.
func logMisses(t *testing.T, x *names.Index, set *Set, max int) {
	byID := map[string]*Person{}
	for i := range set.People {
		byID[set.People[i].ID] = &set.People[i]
	}
	for _, q := range set.Queries {
		ms := x.Search(q.Text, 10)
		if Rank(ids(ms), q.Person) == 0 || max == 0 {
			continue
		}
		max--
		first := "nothing"
		if len(ms) > 0 {
			first = byID[ms[0].ID].Names[0] + " / " + ms[0].Variant
		}
		t.Logf("miss %-18s %-34q want %v, rank %d, got %s", q.Kind, q.Text, byID[q.Person].Names, Rank(ids(ms), q.Person), first)
	}
}
