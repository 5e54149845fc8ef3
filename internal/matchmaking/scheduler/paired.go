package scheduler

import "context"

// paired solves a relaxation that keeps the slots of the people in
// perSlot apart: each request is split into its two directions, a→b and
// b→a, each taking one slot of its sender and one slot of its receiver
// among the request's slots, but not necessarily the same one. Each such
// person-slot sends at most once and receives at most once, each
// direction is taken at most once, and (when every meeting needs a shared
// table) each slot sends and receives at most twice its tables. The other
// people are aggregated as in the aggregated relaxation: they send and
// receive at most their capacity, in any slots. That is a min-cost flow,
//
//	source → table hub(s) → send(a,s) → a→b → receive(b,s′) → table hub(s′) → sink,
//
// whose profit, halved, bounds every schedule; it is tighter than the
// aggregated relaxation where people's free slots do not line up. It
// returns duals (in halves) of the scheduling problem whose value equals
// the relaxation's.
func (pr *problem) paired(ctx context.Context, c []int64, perSlot []bool) *duals {
	n, S := pr.nPeople, pr.nSlots
	capacity, cover := pr.capacities()
	g := newPairedGraph(pr, perSlot)
	f, pi := g.build(pr, c, capacity)
	cost, complete := f.maxProfit(ctx, g.src, g.sink, pi)
	d := f.duals(ctx, g.src, g.sink, cost < 0, complete)
	du := pr.newDuals(2)
	for p := range n {
		if !perSlot[p] {
			z := max(0, d[g.sendP+p]-d[g.src]) + max(0, d[g.sink]-d[g.recvP+p])
			for _, s := range cover[p] {
				du.y[p*S+int(s)] = z
			}
			continue
		}
		for s := range S {
			if k := p*S + s; g.usable[k] {
				du.y[k] = max(0, d[g.send+k]-d[g.hubIn+s]) + max(0, d[g.hubOut+s]-d[g.recv+k])
			}
		}
	}
	for s := range S {
		du.lam[s] = 2 * (max(0, d[g.hubIn+s]-d[g.src]) + max(0, d[g.sink]-d[g.hubOut+s]))
	}
	return du
}

// pairedGraph numbers the nodes of the paired relaxation's network: send
// and receive nodes per person-slot (used for the people kept apart by
// slot) and per person (for the others), two table hubs per slot, the
// source and the sink, then two nodes per direction of each request.
type pairedGraph struct {
	perSlot                    []bool
	usable                     []bool // person-slots in which a request of the person could be
	send, recv, sendP, recvP   int
	hubIn, hubOut, src, sink   int
	first, nodes, arcs, tables int
}

func newPairedGraph(pr *problem, perSlot []bool) *pairedGraph {
	n, S := pr.nPeople, pr.nSlots
	g := &pairedGraph{perSlot: perSlot, usable: make([]bool, n*S), tables: 1}
	g.send, g.recv = 0, n*S
	g.sendP, g.recvP = 2*n*S, 2*n*S+n
	g.hubIn, g.hubOut = 2*n*S+2*n, 2*n*S+2*n+S
	g.src, g.sink = g.hubOut+S, g.hubOut+S+1
	g.first = g.sink + 1
	g.nodes, g.arcs = g.first, 2*S+2*n*S+2*n
	for _, q := range pr.reqs {
		if !q.shared {
			g.tables = 0
		}
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

// build lays out the network with profits c and returns it with
// potentials that make every arc's reduced cost non-negative.
func (g *pairedGraph) build(pr *problem, c []int64, capacity []int32) (*flow, []int64) {
	n, S := pr.nPeople, pr.nSlots
	f := newFlow(g.nodes, g.arcs)
	pi := make([]int64, f.n)
	for s := range S {
		hub := int32(2 * n)
		if g.tables == 1 {
			hub = 2 * pr.tables[s]
		}
		f.arc(g.src, g.hubIn+s, hub, 0)
		f.arc(g.hubOut+s, g.sink, hub, 0)
	}
	for p := range n {
		if !g.perSlot[p] && capacity[p] > 0 {
			f.arc(g.src, g.sendP+p, capacity[p], 0)
			f.arc(g.recvP+p, g.sink, capacity[p], 0)
		}
	}
	for k, ok := range g.usable {
		if ok && g.perSlot[k/S] {
			f.arc(g.hubIn+k%S, g.send+k, 1, 0)
			f.arc(g.recv+k, g.hubOut+k%S, 1, 0)
		}
	}
	node := g.first
	lower := func(v int, x int64) { pi[v] = min(pi[v], x) }
	for r, q := range pr.reqs {
		if len(q.slots) == 0 {
			continue
		}
		a, b := int(q.who[0]), int(q.who[len(q.who)-1])
		for _, d := range [2][2]int{{a, b}, {b, a}} {
			in, out := node, node+1
			node += 2
			f.arc(in, out, 1, -c[r])
			pi[out] = -c[r]
			if !g.perSlot[d[0]] {
				f.arc(g.sendP+d[0], in, 2, 0)
			}
			if !g.perSlot[d[1]] {
				f.arc(out, g.recvP+d[1], 2, 0)
				lower(g.recvP+d[1], -c[r])
			}
			for _, s := range q.slots {
				if g.perSlot[d[0]] {
					f.arc(g.send+d[0]*S+int(s), in, 2, 0)
				}
				if g.perSlot[d[1]] {
					f.arc(out, g.recv+d[1]*S+int(s), 2, 0)
					lower(g.recv+d[1]*S+int(s), -c[r])
				}
			}
		}
	}
	for k := range n * S {
		lower(g.hubOut+k%S, pi[g.recv+k])
	}
	for s := range S {
		lower(g.sink, pi[g.hubOut+s])
	}
	for p := range n {
		lower(g.sink, pi[g.recvP+p])
	}
	return f, pi
}
