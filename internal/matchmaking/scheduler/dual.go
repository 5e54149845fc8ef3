package scheduler

// duals is a solution of the dual of the scheduling problem's linear
// relaxation, in units of 1/q: y for each person and slot (the value of
// the person's time then), lam for each slot's shared tables, zeta for
// each interpreter and slot. Every choice of non-negative values bounds
// the weight of every schedule from above (weak duality), so a bound
// computed from them is proven whatever method found them.
type duals struct {
	q    int64
	y    []int64 // y[p*nSlots+s]
	lam  []int64
	zeta []int64 // zeta[i*nSlots+s]
}

func (pr *problem) newDuals(q int64) *duals {
	return &duals{q: q, y: make([]int64, pr.nPeople*pr.nSlots), lam: make([]int64, pr.nSlots),
		zeta: make([]int64, pr.nInterp*pr.nSlots)}
}

// value returns the dual objective in units of 1/q for the request values
// c: each request's best reduced value (at least zero unless pinned), plus
// every person's, table's and interpreter's price times its capacity.
// Weak duality: no schedule's total value exceeds value/q.
func (pr *problem) value(d *duals, c []int64) int64 {
	total := int64(0)
	for r := range pr.reqs {
		total += pr.slack(d, c, r)
	}
	for _, y := range d.y {
		total += y
	}
	for s, l := range d.lam {
		total += l * int64(pr.tables[s])
	}
	for k, z := range d.zeta {
		if pr.ifree[k] {
			total += z
		}
	}
	return total
}

// slack returns u_r: the most request r can earn over its prices in any
// of its slots, and at least zero unless it is pinned (the request's own
// dual variable, which the constraint "at most one slot" prices).
func (pr *problem) slack(d *duals, c []int64, r int) int64 {
	q := &pr.reqs[r]
	best := int64(-inf)
	if q.pin < 0 {
		best = 0
	}
	for _, s := range q.slots {
		best = max(best, d.q*c[r]-pr.price(d, q, int(s)))
	}
	if best == -inf {
		return 0 // a pinned request with no slot cannot be; the instance is refused before
	}
	return best
}

// price returns what placing request q in slot s costs at the dual prices:
// its people's time, a shared table, and the cheapest fitting interpreter
// free then.
func (pr *problem) price(d *duals, q *preq, s int) int64 {
	p := int64(0)
	for _, x := range q.who {
		p += d.y[int(x)*pr.nSlots+s]
	}
	if q.shared {
		p += d.lam[s]
	}
	if q.needI {
		best := int64(inf)
		for _, i := range q.interp {
			k := int(i)*pr.nSlots + s
			if pr.ifree[k] && (q.pinI < 0 || q.pinI == i) {
				best = min(best, d.zeta[k])
			}
		}
		p += best
	}
	return p
}

// floorDiv divides rounding down.
func floorDiv(a, b int64) int64 {
	if (a < 0) != (b < 0) && a%b != 0 {
		return a/b - 1
	}
	return a / b
}
