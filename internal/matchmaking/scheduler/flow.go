package scheduler

import (
	"context"
	"math"
)

// flow is a min-cost flow network solved by the primal-dual method:
// shortest paths by Dijkstra on reduced costs, then a blocking flow
// (Dinic) along all shortest paths at once. With the few distinct costs of
// a scheduling instance the number of phases stays small.
type flow struct {
	n     int
	first []int32 // arcs of node v: adj[first[v]:first[v+1]], after build
	adj   []int32
	from  []int32
	to    []int32
	cap   []int32 // residual capacity; arc e's reverse is e^1
	cost  []int64
	pi    []int64 // potentials: reduced costs of residual arcs are ≥ 0
	zero  []bool  // arcs of zero reduced cost in the current phase
	queue []int32
	heap  distHeap
}

// newFlow returns a network of n nodes with room for about arcs arcs.
func newFlow(n, arcs int) *flow {
	return &flow{n: n, from: make([]int32, 0, 2*arcs), to: make([]int32, 0, 2*arcs),
		cap: make([]int32, 0, 2*arcs), cost: make([]int64, 0, 2*arcs)}
}

// arc adds an arc u→v and returns its index.
func (f *flow) arc(u, v int, capacity int32, cost int64) int {
	e := len(f.to)
	f.from = append(f.from, int32(u), int32(v))
	f.to = append(f.to, int32(v), int32(u))
	f.cap = append(f.cap, capacity, 0)
	f.cost = append(f.cost, cost, -cost)
	return e
}

// build lays the arcs out by node.
func (f *flow) build() {
	f.first = make([]int32, f.n+1)
	for _, u := range f.from {
		f.first[u+1]++
	}
	for v := range f.n {
		f.first[v+1] += f.first[v]
	}
	pos := append([]int32(nil), f.first[:f.n]...)
	f.adj = make([]int32, len(f.from))
	for e, u := range f.from {
		f.adj[pos[u]] = int32(e)
		pos[u]++
	}
}

const inf = math.MaxInt64 / 4

// maxProfit sends flow from s to t along paths of negative cost while any
// remains, the cheapest first, so that the flow has the least cost of all
// flows (of any value). initial sets the potentials, which must make every
// residual arc's reduced cost non-negative. It returns the cost, and
// whether the flow is complete (ctx did not end first).
func (f *flow) maxProfit(ctx context.Context, s, t int, initial []int64) (int64, bool) {
	f.build()
	f.pi = initial
	total := int64(0)
	dist := make([]int64, f.n)
	level := make([]int32, f.n)
	cur := make([]int32, f.n)
	for {
		if ctx.Err() != nil {
			return total, false
		}
		if !f.dijkstra(ctx, s, dist) {
			return total, false
		}
		if dist[t] >= inf || dist[t]+f.pi[t]-f.pi[s] >= 0 {
			return total, true
		}
		for v := range f.n {
			f.pi[v] += min(dist[v], dist[t])
		}
		pathCost := f.pi[t] - f.pi[s]
		f.markZero()
		for f.levels(s, t, level) {
			if ctx.Err() != nil {
				return total, false
			}
			copy(cur, f.first[:f.n])
			for paths := 1; ; paths++ {
				if paths%1024 == 0 && ctx.Err() != nil {
					return total, false
				}
				pushed := f.push(s, t, math.MaxInt32, level, cur)
				if pushed == 0 {
					break
				}
				total += int64(pushed) * pathCost
			}
		}
	}
}

// markZero notes the arcs of zero reduced cost.
func (f *flow) markZero() {
	if f.zero == nil {
		f.zero = make([]bool, len(f.to))
	}
	for e := range f.to {
		f.zero[e] = f.cost[e]+f.pi[f.from[e]]-f.pi[f.to[e]] == 0
	}
}

// admissible reports whether arc e has room and zero reduced cost.
func (f *flow) admissible(e int32) bool {
	return f.cap[e] > 0 && f.zero[e]
}

// dijkstra computes reduced-cost distances from s in the residual
// network; it reports false if ctx ended first.
func (f *flow) dijkstra(ctx context.Context, s int, dist []int64) bool {
	for v := range dist {
		dist[v] = inf
	}
	dist[s] = 0
	h := &f.heap
	*h = append((*h)[:0], distItem{0, int32(s)})
	for pops := 1; len(*h) > 0; pops++ {
		if pops%4096 == 0 && ctx.Err() != nil {
			return false
		}
		it := h.pop()
		u := it.v
		if it.d > dist[u] {
			continue
		}
		for _, e := range f.adj[f.first[u]:f.first[u+1]] {
			if f.cap[e] <= 0 {
				continue
			}
			v := f.to[e]
			if nd := it.d + f.cost[e] + f.pi[u] - f.pi[v]; nd < dist[v] {
				dist[v] = nd
				h.push(distItem{nd, v})
			}
		}
	}
	return true
}

// levels labels nodes by their BFS depth from s in the admissible network
// and reports whether t is reached.
func (f *flow) levels(s, t int, level []int32) bool {
	for v := range level {
		level[v] = -1
	}
	level[s] = 0
	queue := append(f.queue[:0], int32(s))
	for k := 0; k < len(queue); k++ {
		u := queue[k]
		if level[t] >= 0 && level[u] >= level[t] {
			break
		}
		for _, e := range f.adj[f.first[u]:f.first[u+1]] {
			if v := f.to[e]; level[v] < 0 && f.admissible(e) {
				level[v] = level[u] + 1
				queue = append(queue, v)
			}
		}
	}
	f.queue = queue
	return level[t] >= 0
}

// push sends up to limit units from u to t along level-increasing
// admissible arcs and returns how many it sent.
func (f *flow) push(u, t int, limit int32, level, cur []int32) int32 {
	if u == t {
		return limit
	}
	for ; cur[u] < f.first[u+1]; cur[u]++ {
		e := f.adj[cur[u]]
		v := f.to[e]
		if level[v] != level[u]+1 || !f.admissible(e) {
			continue
		}
		if d := f.push(int(v), t, min(limit, f.cap[e]), level, cur); d > 0 {
			f.cap[e] -= d
			f.cap[e^1] += d
			return d
		}
	}
	level[u] = -1 // a dead end for the rest of this round
	return 0
}

// duals returns node potentials that prove the flow optimal: they make
// every residual arc's reduced cost non-negative and give s and t the same
// potential when flow runs from s to t (as if an arc of cost 0 led back
// from t to s). When the flow was cut short (complete is false) or no
// such potentials are found it returns the search's own potentials, which
// still price every residual arc fairly, though the duals they give are
// weaker.
func (f *flow) duals(ctx context.Context, s, t int, flowing, complete bool) []int64 {
	if complete {
		if d := f.potentials(ctx, s, t, flowing); d != nil {
			return d
		}
	}
	return f.pi
}

// potentials runs Bellman–Ford from every node at once on the residual
// network with arcs of cost 0 between t and s; it returns nil when it
// meets a negative cycle (the flow was not optimal) or ctx ends.
func (f *flow) potentials(ctx context.Context, s, t int, flowing bool) []int64 {
	d := make([]int64, f.n)
	inQueue := make([]bool, f.n)
	queue := make([]int32, 0, f.n)
	for v := range f.n {
		queue = append(queue, int32(v))
		inQueue[v] = true
	}
	budget := 64 * (len(f.to) + f.n)
	relax := func(v int32, nd int64) {
		if nd < d[v] {
			d[v] = nd
			budget--
			if !inQueue[v] {
				inQueue[v] = true
				queue = append(queue, v)
			}
		}
	}
	for pops := 0; len(queue) > 0; pops++ {
		if budget < 0 || (pops%4096 == 0 && ctx.Err() != nil) {
			return nil
		}
		u := queue[0]
		queue = queue[1:]
		inQueue[u] = false
		for _, e := range f.adj[f.first[u]:f.first[u+1]] {
			if f.cap[e] > 0 {
				relax(f.to[e], d[u]+f.cost[e])
			}
		}
		if int(u) == t {
			relax(int32(s), d[u])
		}
		if int(u) == s && flowing {
			relax(int32(t), d[u])
		}
	}
	return d
}

type distItem struct {
	d int64
	v int32
}

// distHeap is a binary min-heap of distances.
type distHeap []distItem

func (h *distHeap) push(x distItem) {
	*h = append(*h, x)
	a := *h
	for i := len(a) - 1; i > 0; {
		p := (i - 1) / 2
		if a[p].d <= a[i].d {
			break
		}
		a[p], a[i] = a[i], a[p]
		i = p
	}
}

func (h *distHeap) pop() distItem {
	a := *h
	top := a[0]
	last := len(a) - 1
	a[0] = a[last]
	a = a[:last]
	for i := 0; ; {
		l := 2*i + 1
		if l >= len(a) {
			break
		}
		if r := l + 1; r < len(a) && a[r].d < a[l].d {
			l = r
		}
		if a[i].d <= a[l].d {
			break
		}
		a[i], a[l] = a[l], a[i]
		i = l
	}
	*h = a
	return top
}
