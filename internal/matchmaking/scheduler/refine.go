package scheduler

import (
	"cmp"
	"context"
	"slices"
)

// refine lowers the dual value by pricing each slot's shared tables and
// interpreters anew, one slot at a time, holding the people's prices: a
// few rounds of exact coordinate descent on the (convex) dual objective.
// The relaxations solved by flows count tables only in total (or per slot
// for some people) and interpreters not at all; this is where those
// capacities enter the bound. Any prices give a valid bound, so refine
// can only help; it stops early when ctx ends.
func (pr *problem) refine(ctx context.Context, d *duals, c []int64, rounds int) {
	ifree := make([]int32, pr.nSlots) // interpreters free in each slot
	for k, ok := range pr.ifree {
		if ok {
			ifree[k%pr.nSlots]++
		}
	}
	all := make([]int, pr.nSlots)
	tables, interpreters := 0, 0
	for s := range all {
		all[s] = s
		tables += int(pr.tables[s])
		interpreters += int(ifree[s])
	}
	shared := func(q *preq) bool { return q.shared }
	interpreted := func(q *preq) bool { return q.needI }
	// First all slots at once: the flows price people alike in all their
	// slots, so that no single slot stands out.
	pr.raise(d, c, all, tables, shared, func(x int64) {
		for s := range d.lam {
			d.lam[s] += x
		}
	})
	if interpreters > 0 {
		pr.raise(d, c, all, interpreters, interpreted, func(x int64) {
			for s := range all {
				pr.addZeta(d, s, x)
			}
		})
	}
	for range rounds {
		for s := range pr.nSlots {
			if ctx.Err() != nil {
				return
			}
			pr.refineSlot(d, c, s, int(pr.tables[s]), func(q *preq) bool { return q.shared }, func(x int64) {
				d.lam[s] = max(0, d.lam[s]+x)
			}, d.lam[s])
			if ifree[s] > 0 {
				zeta := pr.slotZeta(d, s)
				pr.refineSlot(d, c, s, int(ifree[s]), func(q *preq) bool { return q.needI }, func(x int64) {
					pr.addZeta(d, s, x)
				}, zeta)
			}
		}
	}
}

// raise adds the same amount to a price of each of the slots, the price
// of a capacity shared by the requests for which uses holds, of which at
// most capacity can take place in those slots together: with v the gain
// of each such request in its best of those slots over its best
// elsewhere, the dual objective falls while more than capacity gains
// exceed the amount, so the best amount is the (capacity+1)-th largest
// gain, or zero.
func (pr *problem) raise(d *duals, c []int64, slots []int, capacity int, uses func(*preq) bool, add func(int64)) {
	in := make([]bool, pr.nSlots)
	for _, s := range slots {
		in[s] = true
	}
	var gains []int64
	for r := range pr.reqs {
		q := &pr.reqs[r]
		if !uses(q) {
			continue
		}
		inside, outside := int64(-inf), int64(-inf)
		if q.pin < 0 {
			outside = 0
		}
		for _, t := range q.slots {
			v := d.q*c[r] - pr.price(d, q, int(t))
			if in[t] {
				inside = max(inside, v)
			} else {
				outside = max(outside, v)
			}
		}
		if inside > outside {
			gains = append(gains, min(inside-outside, int64(inf)/4))
		}
	}
	if len(gains) > capacity {
		slices.SortFunc(gains, func(a, b int64) int { return cmp.Compare(b, a) })
		add(gains[capacity])
	}
}

// refineSlot sets one price of slot s (current value now, changed by
// calling add) to its best value given all other prices: the price of a
// capacity shared by the requests for which uses holds, of which at most
// capacity can take place in the slot. With v the gain of each such
// request in slot s over its best elsewhere (at the price zero), the
// dual objective falls while more than capacity gains exceed the price,
// so the best price is the (capacity+1)-th largest gain, or zero.
func (pr *problem) refineSlot(d *duals, c []int64, s, capacity int, uses func(*preq) bool, add func(int64), now int64) {
	var gains []int64
	for r := range pr.reqs {
		q := &pr.reqs[r]
		if !uses(q) || !slices.Contains(q.slots, int32(s)) {
			continue
		}
		here := d.q*c[r] - pr.price(d, q, s) + now
		elsewhere := int64(-inf)
		if q.pin < 0 {
			elsewhere = 0
		}
		for _, t := range q.slots {
			if int(t) != s {
				elsewhere = max(elsewhere, d.q*c[r]-pr.price(d, q, int(t)))
			}
		}
		if here > elsewhere {
			gains = append(gains, here-max(elsewhere, here-int64(inf)/4))
		}
	}
	best := int64(0)
	if len(gains) > capacity {
		slices.SortFunc(gains, func(a, b int64) int { return cmp.Compare(b, a) })
		best = gains[capacity]
	}
	add(best - now)
}

// slotZeta returns the price common to the interpreters free in slot s
// (their least price).
func (pr *problem) slotZeta(d *duals, s int) int64 {
	z := int64(inf)
	for i := range pr.nInterp {
		if k := i*pr.nSlots + s; pr.ifree[k] {
			z = min(z, d.zeta[k])
		}
	}
	return z
}

// addZeta adds x to the price of every interpreter free in slot s.
func (pr *problem) addZeta(d *duals, s int, x int64) {
	for i := range pr.nInterp {
		if k := i*pr.nSlots + s; pr.ifree[k] {
			d.zeta[k] = max(0, d.zeta[k]+x)
		}
	}
}

// penalties returns, for each request, half the least it pays in any of
// its slots for what the flows cannot see (an interpreter), at prices d:
// what each of its halves should earn less in the relaxations.
func (pr *problem) penalties(d *duals) []int64 {
	out := make([]int64, len(pr.reqs))
	for r := range pr.reqs {
		q := &pr.reqs[r]
		if !q.needI {
			continue
		}
		least := int64(inf)
		for _, s := range q.slots {
			z := int64(inf)
			for _, i := range q.interp {
				if k := int(i)*pr.nSlots + int(s); pr.ifree[k] {
					z = min(z, d.zeta[k])
				}
			}
			least = min(least, z)
		}
		if least < inf {
			out[r] = least / 2
		}
	}
	return out
}
