package scheduler

import (
	"cmp"
	"context"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Options tune Solve.
type Options struct {
	// TimeLimit bounds the search (1s when zero). Solve returns sooner
	// when it proves its schedule optimal.
	TimeLimit time.Duration
	// Fresh plans anew, ignoring the meetings pinned as published.
	Fresh bool
	// Seed makes the search reproducible (apart from timing).
	Seed uint64
}

// Result is a schedule with its total weight and a proven upper bound on
// the weight of any schedule of the instance: Weight == Bound proves the
// schedule optimal.
type Result struct {
	Meetings []Meeting
	Weight   int
	Bound    int
}

// Solve schedules a valid instance (see Validate; the error of an invalid
// one is an *InvalidError): it maximises the total weight, then the
// number of meetings, within the time limit, and proves an upper bound on
// the weight. Once the weight is proven optimal it seeks more meetings at
// that weight for a tenth of the time limit at most. It searches on as
// many cores as GOMAXPROCS allows, up to maxWorkers. When ctx ends early
// it returns the best schedule found with ctx's error.
func Solve(ctx context.Context, in *Instance, opt Options) (*Result, error) {
	start := time.Now()
	if opt.TimeLimit <= 0 {
		opt.TimeLimit = time.Second
	}
	pr, err := compile(in, opt.Fresh)
	if err != nil {
		return nil, err
	}
	deadline := start.Add(opt.TimeLimit - opt.TimeLimit/20)
	search, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	values := pr.values()
	da := pr.firstBound(search, values)
	sh := &shared{deadline: deadline, countTime: opt.TimeLimit / 10}
	sh.target.Store(floorDiv(pr.value(da, values), da.q))
	sh.ctx, sh.halt = context.WithCancel(search)
	defer sh.halt()
	if pr.small() {
		se := newSearcher(sh, pr, opt.Seed, pr.priority(da, values, opt.Seed))
		se.placePinned()
		if se.exact() {
			return pr.result(in, se, int(se.best/pr.scale)), ctx.Err()
		}
	}
	w := &work{pr: pr, sh: sh, da: da, values: values, opt: opt,
		workers: make([]*searcher, min(runtime.GOMAXPROCS(0), maxWorkers)),
		perSlot: pr.perSlot(da, opt.TimeLimit/4), tighten: start.Add(opt.TimeLimit / 4)}
	parallel(len(w.workers), w.run)
	best := w.workers[0]
	for _, se := range w.workers {
		if se.best > best.best {
			best = se
		}
	}
	return pr.result(in, best, int(floorDiv(sh.target.Load(), pr.scale))), ctx.Err()
}

// work is a search on several cores.
type work struct {
	pr      *problem
	sh      *shared
	da      *duals
	values  []int64
	opt     Options
	workers []*searcher
	perSlot []bool    // the people the paired relaxation keeps apart, or nil to skip it
	tighten time.Time // when the last worker solves it if no schedule reached the bound
}

// run is worker k: a greedy start, then iterated local search; the last
// worker proves a tighter bound with the paired relaxation if, a quarter
// of the time on, no schedule has reached the first.
func (w *work) run(k int) {
	seed := w.opt.Seed + uint64(k)*0x9e3779b97f4a7c15
	se := newSearcher(w.sh, w.pr, seed, w.pr.priority(w.da, w.values, seed))
	for r := range w.pr.reqs {
		se.hopeless[r] = w.pr.bestReduced(w.da, w.values, r) < 0
	}
	se.placePinned()
	se.greedy()
	if k == len(w.workers)-1 && w.perSlot != nil {
		se.pause = w.tighten
		se.iterate()
		se.pause = time.Time{}
		if !se.halted() {
			w.sh.tighten(w.pr, w.values, w.pr.penalties(w.da), w.perSlot)
		}
	}
	se.iterate()
	w.workers[k] = se
}

// shared is what the searches of one Solve share: the best bound on a
// schedule's value proven so far, whether one reached it, and a context
// that ends when one does.
type shared struct {
	deadline   time.Time
	countTime  time.Duration // how long to seek more meetings once the weight is proven optimal
	weightDone atomic.Int64  // when to stop seeking them (Unix nanoseconds), once known
	target     atomic.Int64
	stop       atomic.Bool
	ctx        context.Context
	halt       context.CancelFunc
}

// refineRounds is how many times refine prices every slot.
const refineRounds = 2

// firstBound returns duals that prove the first bound: the aggregated
// relaxation's, with slot prices refined, and where meetings need
// interpreters, better ones from the relaxation solved again with the
// interpreters' prices as penalties.
func (pr *problem) firstBound(ctx context.Context, values []int64) *duals {
	d := pr.aggregate(ctx, values, make([]int64, len(pr.reqs)))
	pr.refine(ctx, d, values, refineRounds)
	if !slices.ContainsFunc(pr.reqs, func(q preq) bool { return q.needI }) {
		return d
	}
	again := pr.aggregate(ctx, values, pr.penalties(d))
	pr.refine(ctx, again, values, refineRounds)
	if pr.value(again, values) < pr.value(d, values) {
		return again
	}
	return d
}

// perSlot chooses the people whose slots the paired relaxation keeps
// apart: everyone if that is expected to take less than budget, or else
// those the aggregated relaxation prices, or nobody (nil) if even that
// would take longer.
func (pr *problem) perSlot(da *duals, budget time.Duration) []bool {
	all := make([]bool, pr.nPeople)
	for p := range all {
		all[p] = true
	}
	for _, set := range [][]bool{all, pr.hot(da)} {
		if pr.pairedCost(set) < budget {
			return set
		}
	}
	return nil
}

// pairedCost estimates the time the paired relaxation takes.
func (pr *problem) pairedCost(perSlot []bool) time.Duration {
	arcs := 0
	for _, q := range pr.reqs {
		for _, x := range [2]int32{q.who[0], q.who[len(q.who)-1]} {
			if perSlot[x] {
				arcs += len(q.slots)
			}
		}
	}
	return time.Duration(arcs) * 4 * time.Microsecond
}

// hot returns the people the duals price.
func (pr *problem) hot(d *duals) []bool {
	hot := make([]bool, pr.nPeople)
	for k, y := range d.y {
		if y > 0 {
			hot[k/pr.nSlots] = true
		}
	}
	return hot
}

// tighten proves a tighter bound with the paired relaxation, keeping
// apart the slots of the people in perSlot.
func (sh *shared) tighten(pr *problem, values, penalty []int64, perSlot []bool) {
	d := pr.paired(sh.ctx, values, penalty, perSlot)
	pr.refine(sh.ctx, d, values, refineRounds)
	t := floorDiv(pr.value(d, values), d.q)
	for {
		old := sh.target.Load()
		if t >= old || sh.target.CompareAndSwap(old, t) {
			return
		}
	}
}

// result returns the best schedule a search found, with the bound.
func (pr *problem) result(in *Instance, se *searcher, bound int) *Result {
	se.st.restore(se.bestSlot, se.bestInt)
	res := &Result{Bound: bound, Meetings: pr.meetings(in, se.st)}
	for _, m := range res.Meetings {
		res.Weight += m.Weight
	}
	return res
}

// maxWorkers bounds the searches run at once.
const maxWorkers = 4

// parallel runs f(0), …, f(n-1) at once and waits for them.
func parallel(n int, f func(k int)) {
	var wg sync.WaitGroup
	for k := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(k)
		}()
	}
	wg.Wait()
}

// values returns each request's value: its weight first, then one for
// the meeting.
func (pr *problem) values() []int64 {
	values := make([]int64, len(pr.reqs))
	for r, q := range pr.reqs {
		values[r] = q.val
	}
	return values
}

// bestReduced returns the most request r earns over its prices in any of
// its slots.
func (pr *problem) bestReduced(d *duals, c []int64, r int) int64 {
	red := int64(-inf)
	for _, s := range pr.reqs[r].slots {
		red = max(red, d.q*c[r]-pr.price(d, &pr.reqs[r], int(s)))
	}
	return red
}

// priority orders the requests for the greedy start: the pinned first,
// then by reduced value at the relaxation's prices (requests the bound
// counts on before those it does not), then by value, then those with
// fewer slots, ties at random.
func (pr *problem) priority(d *duals, c []int64, seed uint64) []int32 {
	rng := rand.New(rand.NewPCG(seed, 0x9e37))
	type key struct {
		r        int32
		pin      bool
		reduced  int64
		val      int64
		nslots   int
		shuffled uint32
	}
	keys := make([]key, len(pr.reqs))
	for r, q := range pr.reqs {
		red := pr.bestReduced(d, c, r)
		keys[r] = key{int32(r), q.pin >= 0, max(red, -1), q.val, len(q.slots), rng.Uint32()}
	}
	slices.SortFunc(keys, func(a, b key) int {
		switch {
		case a.pin != b.pin:
			if a.pin {
				return -1
			}
			return 1
		case a.reduced >= 0 != (b.reduced >= 0):
			return cmp.Compare(b.reduced, a.reduced)
		case a.val != b.val:
			return cmp.Compare(b.val, a.val)
		case a.nslots != b.nslots:
			return cmp.Compare(a.nslots, b.nslots)
		}
		return cmp.Compare(a.shuffled, b.shuffled)
	})
	order := make([]int32, len(keys))
	for i, k := range keys {
		order[i] = k.r
	}
	return order
}
