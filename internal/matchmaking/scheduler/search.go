package scheduler

import (
	"slices"
	"time"
)

// searcher improves a schedule until it reaches a target value, the
// deadline passes or the context ends, keeping the best schedule seen.
type searcher struct {
	st       *state
	order    []int32   // requests by priority, the most promising first
	byPerson [][]int32 // requests of each person
	best     int64
	bestSlot []int32
	bestInt  []int32
	sh       *shared
	pause    time.Time // when not zero, iterate returns at this time
	iters    int
	hopeless []bool   // requests the relaxation's prices rule out
	stamp    []uint32 // per request: the repair that last listed it
	round    uint32
}

// Budgets of slots tried per improvement attempt, and chain depths.
const (
	improveBudget = 60
	improveDepth  = 3
)

func newSearcher(sh *shared, pr *problem, seed uint64, order []int32) *searcher {
	se := &searcher{st: newState(pr, seed), order: order, sh: sh, byPerson: make([][]int32, pr.nPeople),
		hopeless: make([]bool, len(pr.reqs)), stamp: make([]uint32, len(pr.reqs))}
	for r, q := range pr.reqs {
		for _, x := range q.who {
			se.byPerson[x] = append(se.byPerson[x], int32(r))
		}
	}
	return se
}

// done counts an iteration and reports whether the search must stop.
func (se *searcher) done() bool {
	se.iters++
	if se.iters%8 != 0 {
		return se.best >= se.sh.target.Load()
	}
	return se.halted()
}

// halted reports whether the search must stop: it reached the bound (and
// then tells the others), another did, the time is up, or it must pause.
func (se *searcher) halted() bool {
	if se.best >= se.sh.target.Load() {
		se.sh.stop.Store(true)
		se.sh.halt()
		return true
	}
	if se.sh.stop.Load() {
		return true
	}
	now := time.Now()
	scale := se.st.pr.scale
	if se.best/scale >= se.sh.target.Load()/scale {
		// The weight is proven optimal; more meetings at that weight are
		// sought only for a while.
		se.sh.weightDone.CompareAndSwap(0, now.Add(se.sh.countTime).UnixNano())
	}
	if t := se.sh.weightDone.Load(); t != 0 && now.UnixNano() > t {
		return true
	}
	return now.After(se.sh.deadline) || (!se.pause.IsZero() && now.After(se.pause)) || se.sh.ctx.Err() != nil
}

// keep records the state if it is the best so far.
func (se *searcher) keep() {
	if se.st.val > se.best || se.bestSlot == nil {
		se.best = se.st.val
		se.bestSlot, se.bestInt = se.st.snapshot()
	}
}

// greedy places the requests in priority order where each fits, then
// tries once to improve with each request left out.
func (se *searcher) greedy() {
	st := se.st
	budget := 0
	for _, r := range se.order {
		if st.slot[r] < 0 && len(st.pr.reqs[r].slots) > 0 {
			st.insert(r, 0, &budget)
		}
	}
	st.log = st.log[:0]
	se.keep()
	for k, r := range se.order {
		if k%64 == 0 && se.halted() {
			break
		}
		if st.slot[r] < 0 && len(st.pr.reqs[r].slots) > 0 {
			budget := improveBudget
			st.improve(r, improveDepth, &budget)
			st.log = st.log[:0]
		}
	}
	se.keep()
}

// iterate runs iterated local search: a kick forces a left-out request
// into the schedule or clears some of a person's meetings, the requests
// of the people it touched are then tried again, and the result is kept
// unless the schedule lost value.
func (se *searcher) iterate() {
	st := se.st
	out, spare := se.leftOut()
	for !se.done() && len(out)+len(spare) > 0 {
		cur := st.val
		st.log = st.log[:0]
		list := out
		if len(out) == 0 || (len(spare) > 0 && st.rng.IntN(16) == 0) {
			list = spare
		}
		if r := se.kick(list); r >= 0 {
			st.locked[r] = true
			se.repair()
			st.locked[r] = false
		} else {
			se.repair()
		}
		switch {
		case st.val < cur:
			st.undo(0)
		case st.val > se.best:
			se.keep()
			out, spare = se.leftOut()
		case se.iters%64 == 0:
			out, spare = se.leftOut()
		}
	}
	st.log = st.log[:0]
}

// leftOut lists the requests not placed that have a slot, by priority:
// those the relaxation's prices favour, and the others.
func (se *searcher) leftOut() (out, spare []int32) {
	for _, r := range se.order {
		switch {
		case se.st.slot[r] >= 0 || len(se.st.pr.reqs[r].slots) == 0:
		case se.hopeless[r]:
			spare = append(spare, r)
		default:
			out = append(out, r)
		}
	}
	return out, spare
}

// kick perturbs the schedule: usually it forces a request left out into
// a random slot, displacing what is in its way, and returns it so that
// the repair keeps it; sometimes it clears a random person's meetings
// (and returns -1).
func (se *searcher) kick(out []int32) int32 {
	st := se.st
	if st.rng.IntN(8) == 0 {
		r := out[st.rng.IntN(len(out))]
		x := st.pr.reqs[r].who[st.rng.IntN(len(st.pr.reqs[r].who))]
		for _, m := range se.byPerson[x] {
			if st.slot[m] >= 0 && st.movable(m) && st.rng.IntN(2) == 0 {
				st.remove(m)
			}
		}
		return -1
	}
	r := out[st.rng.IntN(min(len(out), 1+st.rng.IntN(len(out))))]
	if st.slot[r] >= 0 {
		return -1
	}
	q := &st.pr.reqs[r]
	s := q.slots[st.rng.IntN(len(q.slots))]
	var buf [4]int32
	if moved := st.displace(r, s, buf[:0]); moved != nil {
		budget := improveBudget
		for _, m := range moved {
			st.insert(m, 1, &budget)
		}
		return r
	}
	return -1
}

// repair tries to place again the left-out requests of every person the
// journal shows touched, the most valuable first.
func (se *searcher) repair() {
	st := se.st
	var cand []int32
	se.round++
	for _, c := range st.log {
		if c.s < 0 {
			continue // a placement frees nothing
		}
		for _, x := range st.pr.reqs[c.r].who {
			if st.at[x*int32(st.pr.nSlots)+c.s] >= 0 {
				continue
			}
			for _, m := range se.byPerson[x] {
				if st.slot[m] < 0 && se.stamp[m] != se.round && contains(st.pr.reqs[m].slots, c.s) && (!se.hopeless[m] || st.rng.IntN(8) == 0) {
					se.stamp[m] = se.round
					cand = append(cand, m)
				}
			}
		}
	}
	slices.SortFunc(cand, func(a, b int32) int {
		va, vb := st.pr.reqs[a].val, st.pr.reqs[b].val
		switch {
		case va > vb:
			return -1
		case va < vb:
			return 1
		}
		return 0
	})
	for _, r := range cand {
		if st.slot[r] < 0 {
			budget := improveBudget
			st.improve(r, improveDepth, &budget)
		}
	}
}
