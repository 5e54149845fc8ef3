package scheduler

import "context"

// paired solves a relaxation that keeps the slots of the people in
// perSlot apart: each request is split into its two directions, a→b and
// b→a (a meeting at a reserved table only from the table's holder, for
// its whole value), each taking one slot of its sender and one slot of
// its receiver among the request's slots, but not necessarily the same
// one. Each such person-slot sends at most once and receives at most
// once, each direction is taken at most once, each slot sends at most
// twice its shared tables and all slots together twice all shared
// tables. The other people are aggregated as in the aggregated
// relaxation: they send and receive at most their capacity, in any slots,
// and count towards all tables only. That is a min-cost flow,
//
//	source → all tables → table hub(s) → send(a,s) → a→b → receive(b,s′) → sink,
//
// whose profit, halved, bounds every schedule; it is tighter than the
// aggregated relaxation where people's free slots do not line up. It
// returns duals (in halves) of the scheduling problem whose value equals
// the relaxation's. Each half of a request earns its value less its
// penalty, as in the aggregated relaxation.
func (pr *problem) paired(ctx context.Context, c, penalty []int64, perSlot []bool) *duals {
	n, S := pr.nPeople, pr.nSlots
	if ctx.Err() != nil {
		return pr.newDuals(2)
	}
	capacity, cover := pr.capacities()
	g := newPairedGraph(pr, perSlot)
	f, pi := g.build(pr, c, penalty, capacity)
	cost, complete := f.maxProfit(ctx, g.src, g.sink, pi)
	d := f.duals(ctx, g.src, g.sink, cost < 0, complete)
	du := pr.newDuals(2)
	for p := range n {
		if !perSlot[p] {
			z := max(0, d[g.sendP+p]-d[g.from(p, -1)]) + max(0, d[g.sink]-d[g.recvP+p])
			for _, s := range cover[p] {
				du.y[p*S+int(s)] = z
			}
			continue
		}
		for s := range S {
			if k := p*S + s; g.usable[k] {
				du.y[k] = max(0, d[g.send+k]-d[g.from(p, s)]) + max(0, d[g.sink]-d[g.recv+k])
			}
		}
	}
	global := max(0, d[g.gIn]-d[g.src])
	for s := range S {
		du.lam[s] = 2 * (global + max(0, d[g.hubIn+s]-d[g.gIn]))
	}
	return du
}

// pairedGraph numbers the nodes of the paired relaxation's network: send
// and receive nodes per person-slot (used for the people kept apart by
// slot) and per person (for the others), two table hubs per slot, the
// source and the sink, then two nodes per direction of each request.
type pairedGraph struct {
	perSlot                  []bool
	holders                  []bool
	usable                   []bool // person-slots in which a request of the person could be
	send, recv, sendP, recvP int
	hubIn, src, sink, gIn    int
	first, nodes, arcs       int
}

func newPairedGraph(pr *problem, perSlot []bool) *pairedGraph {
	n, S := pr.nPeople, pr.nSlots
	g := &pairedGraph{perSlot: perSlot, holders: pr.holders(), usable: make([]bool, n*S)}
	g.send, g.recv = 0, n*S
	g.sendP, g.recvP = 2*n*S, 2*n*S+n
	g.hubIn = 2*n*S + 2*n
	g.src, g.sink, g.gIn = g.hubIn+S, g.hubIn+S+1, g.hubIn+S+2
	g.first = g.gIn + 1
	g.nodes, g.arcs = g.first, 1+S+2*n*S+2*n
	for _, q := range pr.reqs {
		if len(q.slots) == 0 {
			continue
		}
		for _, x := range q.who {
			for _, s := range q.slots {
				g.usable[int(x)*S+int(s)] = true
			}
		}
		g.nodes += 4
		g.arcs += 2 * (1 + 2*len(q.slots))
	}
	return g
}

// from returns the node person p sends from in slot s (-1: in any slot):
// the table count, or for a holder of a reserved table the source.
func (g *pairedGraph) from(p, s int) int {
	switch {
	case g.holders[p]:
		return g.src
	case s < 0:
		return g.gIn
	}
	return g.hubIn + s
}

// build lays out the network with profits c and returns it with
// potentials that make every arc's reduced cost non-negative.
func (g *pairedGraph) build(pr *problem, c, penalty []int64, capacity []int32) (*flow, []int64) {
	n, S := pr.nPeople, pr.nSlots
	f := newFlow(g.nodes, g.arcs)
	pi := make([]int64, f.n)
	f.arc(g.src, g.gIn, pr.allTables(), 0)
	for s := range S {
		f.arc(g.gIn, g.hubIn+s, 2*pr.tables[s], 0)
	}
	for p := range n {
		if !g.perSlot[p] && capacity[p] > 0 {
			f.arc(g.from(p, -1), g.sendP+p, capacity[p], 0)
			f.arc(g.recvP+p, g.sink, capacity[p], 0)
		}
	}
	for k, ok := range g.usable {
		if ok && g.perSlot[k/S] {
			f.arc(g.from(k/S, k%S), g.send+k, 1, 0)
			f.arc(g.recv+k, g.sink, 1, 0)
		}
	}
	g.directions(f, pi, pr, c, penalty)
	for k := range n * S {
		pi[g.sink] = min(pi[g.sink], pi[g.recv+k])
	}
	for p := range n {
		pi[g.sink] = min(pi[g.sink], pi[g.recvP+p])
	}
	return f, pi
}

// directions adds two nodes per direction of each request, the arc
// between them earning its value less its penalty, and its arcs from its
// sender's and to its receiver's nodes, lowering the receivers'
// potentials to keep reduced costs non-negative.
func (g *pairedGraph) directions(f *flow, pi []int64, pr *problem, c, penalty []int64) {
	S := pr.nSlots
	node := g.first
	lower := func(v int, x int64) { pi[v] = min(pi[v], x) }
	for r, q := range pr.reqs {
		if len(q.slots) == 0 {
			continue
		}
		for _, d := range pr.directions(r) {
			in, out, v := node, node+1, d.share*c[r]-penalty[r]
			node += 2
			f.arc(in, out, 1, -v)
			pi[out] = -v
			if !g.perSlot[d.from] {
				f.arc(g.sendP+d.from, in, 2, 0)
			}
			if !g.perSlot[d.to] {
				f.arc(out, g.recvP+d.to, 2, 0)
				lower(g.recvP+d.to, -v)
			}
			for _, s := range q.slots {
				if g.perSlot[d.from] {
					f.arc(g.send+d.from*S+int(s), in, 2, 0)
				}
				if g.perSlot[d.to] {
					f.arc(out, g.recv+d.to*S+int(s), 2, 0)
					lower(g.recv+d.to*S+int(s), -v)
				}
			}
		}
	}
}
