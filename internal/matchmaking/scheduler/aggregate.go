package scheduler

import (
	"context"
	"time"
)

// aggregate solves the relaxation that forgets which slot a meeting takes:
// each person meets at most as often as they have slots in which one of
// their requests could take place, each request at most once. That is a
// fractional b-matching; on its bipartite double cover (each request an
// arc a→b′ and an arc b→a′) a min-cost flow solves it, and half the flow's
// profit is its value. It returns duals of the scheduling problem that
// price each person's every such slot alike (in halves), whose value
// equals the relaxation's.
//
// A person's capacity is the most meetings their requests could have at
// once, ignoring everyone else: the maximum matching of their requests to
// slots. By König's theorem a set of that many slots and requests covers
// every pair of a request and its slot; pricing the cover's slots at the
// person's price (and leaving the cover's requests to pay it through
// their own dual) turns the relaxation's duals into the problem's.
//
// A delegation's request is represented by one person of each side; the
// relaxation only forgets more, so its value is still an upper bound.
func (pr *problem) aggregate(ctx context.Context, c []int64) *duals {
	n := pr.nPeople
	src, sink := 2*n, 2*n+1
	f := newFlow(2*n+2, 2*n+2*len(pr.reqs))
	capacity, cover := pr.capacities()
	pi := make([]int64, 2*n+2)
	for p := range n {
		if capacity[p] > 0 {
			f.arc(src, p, capacity[p], 0)
			f.arc(n+p, sink, capacity[p], 0)
		}
	}
	for r, q := range pr.reqs {
		if len(q.slots) == 0 {
			continue
		}
		a, b := int(q.who[0]), int(q.who[len(q.who)-1])
		f.arc(a, n+b, 1, -c[r])
		f.arc(b, n+a, 1, -c[r])
		pi[n+a] = min(pi[n+a], -c[r])
		pi[n+b] = min(pi[n+b], -c[r])
	}
	for p := range n {
		pi[sink] = min(pi[sink], pi[n+p])
	}
	t0 := time.Now()
	cost, complete := f.maxProfit(ctx, src, sink, pi)
	t1 := time.Now()
	d := f.duals(ctx, src, sink, cost < 0, complete)
	if Debug != nil {
		Debug("flow %v potentials %v", t1.Sub(t0), time.Since(t1))
	}
	du := pr.newDuals(2)
	for p := range n {
		z := max(0, d[p]-d[src]) + max(0, d[sink]-d[n+p])
		for _, s := range cover[p] {
			du.y[p*pr.nSlots+int(s)] = z
		}
	}
	return du
}
