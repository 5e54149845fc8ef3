package scheduler

import (
	"container/heap"
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
}

func newFlow(n int) *flow { return &flow{n: n} }

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
// residual arc's reduced cost non-negative. It returns the cost.
func (f *flow) maxProfit(ctx context.Context, s, t int, initial []int64) int64 {
	f.build()
	f.pi = initial
	total := int64(0)
	dist := make([]int64, f.n)
	level := make([]int32, f.n)
	cur := make([]int32, f.n)
	for ctx.Err() == nil {
		f.dijkstra(s, dist)
		if dist[t] >= inf || dist[t]+f.pi[t]-f.pi[s] >= 0 {
			break
		}
		for v := range f.n {
			f.pi[v] += min(dist[v], dist[t])
		}
		pathCost := f.pi[t] - f.pi[s]
		for f.levels(s, t, level) {
			copy(cur, f.first[:f.n])
			for {
				pushed := f.push(s, t, math.MaxInt32, level, cur)
				if pushed == 0 {
					break
				}
				total += int64(pushed) * pathCost
			}
		}
	}
	return total
}

// admissible reports whether arc e has room and zero reduced cost.
func (f *flow) admissible(e int32) bool {
	return f.cap[e] > 0 && f.cost[e]+f.pi[f.from[e]]-f.pi[f.to[e]] == 0
}

// dijkstra computes reduced-cost distances from s in the residual network.
func (f *flow) dijkstra(s int, dist []int64) {
	for v := range dist {
		dist[v] = inf
	}
	dist[s] = 0
	h := &distHeap{{0, int32(s)}}
	for h.Len() > 0 {
		it := heap.Pop(h).(distItem)
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
				heap.Push(h, distItem{nd, v})
			}
		}
	}
}

// levels labels nodes by their BFS depth from s in the admissible network
// and reports whether t is reached.
func (f *flow) levels(s, t int, level []int32) bool {
	for v := range level {
		level[v] = -1
	}
	level[s] = 0
	queue := []int32{int32(s)}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, e := range f.adj[f.first[u]:f.first[u+1]] {
			if v := f.to[e]; level[v] < 0 && f.admissible(e) {
				level[v] = level[u] + 1
				queue = append(queue, v)
			}
		}
	}
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
	return 0
}

// potentials returns node potentials that make every residual arc's
// reduced cost non-negative and give s and t the same potential when flow
// runs from s to t (as if an arc of cost 0 led back from t to s): the dual
// solution of the flow. It runs Bellman–Ford from every node at once.
func (f *flow) potentials(s, t int, flowing bool) []int64 {
	d := make([]int64, f.n)
	inQueue := make([]bool, f.n)
	queue := make([]int32, 0, f.n)
	for v := range f.n {
		queue = append(queue, int32(v))
		inQueue[v] = true
	}
	relax := func(v int32, nd int64) {
		if nd < d[v] {
			d[v] = nd
			if !inQueue[v] {
				inQueue[v] = true
				queue = append(queue, v)
			}
		}
	}
	for len(queue) > 0 {
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

type distHeap []distItem

func (h distHeap) Len() int           { return len(h) }
func (h distHeap) Less(i, j int) bool { return h[i].d < h[j].d }
func (h distHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *distHeap) Push(x any)        { *h = append(*h, x.(distItem)) }
func (h *distHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
