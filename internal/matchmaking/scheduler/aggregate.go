package scheduler

import "context"

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
// Each half of a request earns its value less its penalty (a price the
// relaxation cannot see, such as an interpreter's: how it is chosen only
// affects how tight the bound is).
//
// A delegation's request is represented by one person of each side; the
// relaxation only forgets more, so its value is still an upper bound.
// All meetings together use at most all the slots' shared tables.
func (pr *problem) aggregate(ctx context.Context, c, penalty []int64) *duals {
	n := pr.nPeople
	src, sink, tables := 2*n, 2*n+1, 2*n+2
	f := newFlow(2*n+3, 1+2*n+2*len(pr.reqs))
	capacity, cover := pr.capacities()
	pi := make([]int64, f.n)
	f.arc(src, tables, pr.allTables(), 0)
	holders := pr.holders()
	from := func(p int) int {
		if holders[p] {
			return src
		}
		return tables
	}
	for p := range n {
		if capacity[p] > 0 {
			f.arc(from(p), p, capacity[p], 0)
			f.arc(n+p, sink, capacity[p], 0)
		}
	}
	for r, q := range pr.reqs {
		if len(q.slots) == 0 {
			continue
		}
		for _, d := range pr.directions(r) {
			v := d.share*c[r] - penalty[r]
			f.arc(d.from, n+d.to, 1, -v)
			pi[n+d.to] = min(pi[n+d.to], -v)
		}
	}
	for p := range n {
		pi[sink] = min(pi[sink], pi[n+p])
	}
	cost, complete := f.maxProfit(ctx, src, sink, pi)
	d := f.duals(ctx, src, sink, cost < 0, complete)
	du := pr.newDuals(2)
	for p := range n {
		z := max(0, d[p]-d[from(p)]) + max(0, d[sink]-d[n+p])
		for _, s := range cover[p] {
			du.y[p*pr.nSlots+int(s)] = z
		}
	}
	for s := range du.lam {
		du.lam[s] = 2 * max(0, d[tables]-d[src])
	}
	return du
}

// direction is one of the two halves of a request in the relaxations:
// from a person of one side to a person of the other, for share halves
// of its value.
type direction struct {
	from, to int
	share    int64
}

// directions splits request r for the relaxations: a meeting at a shared
// table goes both ways, each half its value; a meeting at a reserved
// table goes from the table's holder to the other side only, for its
// whole value, so that it passes no count of shared tables.
func (pr *problem) directions(r int) []direction {
	q := &pr.reqs[r]
	a, b := int(q.who[0]), int(q.who[len(q.who)-1])
	switch {
	case q.shared:
		return []direction{{a, b, 1}, {b, a, 1}}
	case int(q.holder) == a:
		return []direction{{a, b, 2}}
	}
	return []direction{{b, a, 2}}
}

// holders marks the people who hold a reserved table for some request:
// in the relaxations all they send bypasses the count of shared tables.
func (pr *problem) holders() []bool {
	h := make([]bool, pr.nPeople)
	for _, q := range pr.reqs {
		if !q.shared {
			h[q.holder] = true
		}
	}
	return h
}

// allTables returns twice the shared tables of all slots: each meeting at
// a shared table is two units of flow in the relaxations.
func (pr *problem) allTables() int32 {
	all := int32(0)
	for _, t := range pr.tables {
		all += 2 * t
	}
	return all
}
