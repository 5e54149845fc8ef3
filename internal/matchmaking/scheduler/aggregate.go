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
// A delegation's request is represented by one person of each side; the
// relaxation only forgets more, so its value is still an upper bound.
func (pr *problem) aggregate(ctx context.Context, c []int64) *duals {
	n := pr.nPeople
	src, sink := 2*n, 2*n+1
	f := newFlow(2*n + 2)
	usable := pr.usableSlots()
	pi := make([]int64, 2*n+2)
	for p := range n {
		if len(usable[p]) > 0 {
			f.arc(src, p, int32(len(usable[p])), 0)
			f.arc(n+p, sink, int32(len(usable[p])), 0)
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
	cost := f.maxProfit(ctx, src, sink, pi)
	t1 := time.Now()
	d := f.potentials(src, sink, cost < 0)
	if Debug != nil {
		Debug("flow %v potentials %v", t1.Sub(t0), time.Since(t1))
	}
	du := pr.newDuals(2)
	for p := range n {
		z := max(0, d[p]-d[src]) + max(0, d[sink]-d[n+p])
		for _, s := range usable[p] {
			du.y[p*pr.nSlots+int(s)] = z
		}
	}
	return du
}

// usableSlots lists, for each person, the slots in which one of their
// requests could take place.
func (pr *problem) usableSlots() [][]int32 {
	seen := make([]bool, pr.nPeople*pr.nSlots)
	out := make([][]int32, pr.nPeople)
	for _, q := range pr.reqs {
		for _, x := range q.who {
			for _, s := range q.slots {
				if k := int(x)*pr.nSlots + int(s); !seen[k] {
					seen[k] = true
					out[x] = append(out[x], s)
				}
			}
		}
	}
	return out
}
