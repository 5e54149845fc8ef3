package scheduler

import "context"

// WithoutExact makes Solve use its local search even on the smallest
// instances, until the returned function restores it.
func WithoutExact() func() {
	old := exactLimit
	exactLimit = -1
	return func() { exactLimit = old }
}

// XBounds logs the relaxations' bounds (scratch).
func XBounds(t interface{ Logf(string, ...any) }, in *Instance) {
	pr, _ := compile(in, false)
	v := pr.values()
	ctx := context.Background()
	da := pr.aggregate(ctx, v, make([]int64, len(pr.reqs)))
	all := make([]bool, pr.nPeople)
	for p := range all {
		all[p] = true
	}
	d1 := pr.paired(ctx, v, make([]int64, len(pr.reqs)), pr.hot(da))
	d2 := pr.paired(ctx, v, make([]int64, len(pr.reqs)), all)
	b := func(d *duals) int64 { return floorDiv(floorDiv(pr.value(d, v), d.q), pr.scale) }
	t.Logf("agg %d paired(hot) %d paired(all) %d", b(da), b(d1), b(d2))
	for _, d := range []*duals{da, d2} {
		pr.refine(ctx, d, v, 3)
	}
	t.Logf("refined: agg %d paired(all) %d", b(da), b(d2))
}
