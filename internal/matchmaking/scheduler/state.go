package scheduler

import "math/rand/v2"

// state is a schedule being improved: which request each person and
// interpreter has in each slot, where each request is, and a journal of
// changes so that a failed move can be undone.
type state struct {
	pr     *problem
	at     []int32 // at[p*nSlots+s]: the request person p meets in slot s, or -1
	iat    []int32 // iat[i*nSlots+s]: the request interpreter i serves in slot s, or -1
	slot   []int32 // slot of each request, or -1
	interp []int32 // interpreter of each request, or -1
	used   []int32 // shared tables used in each slot
	inSlot [][]int32
	pos    []int32 // index of each placed request in inSlot[slot]
	locked []bool  // requests that must not move: pinned, or part of the move in progress
	val    int64   // total value of the placed requests
	placed int
	log    []change
	rng    *rand.Rand
}

// change is a journal entry: request r was in slot s with interpreter i
// (s = -1: not placed).
type change struct{ r, s, i int32 }

func newState(pr *problem, seed uint64) *state {
	st := &state{pr: pr, at: fill(pr.nPeople * pr.nSlots), iat: fill(pr.nInterp * pr.nSlots),
		slot: fill(len(pr.reqs)), interp: fill(len(pr.reqs)), used: make([]int32, pr.nSlots),
		inSlot: make([][]int32, pr.nSlots), pos: make([]int32, len(pr.reqs)), locked: make([]bool, len(pr.reqs)),
		rng: rand.New(rand.NewPCG(seed, 0x3ee7))}
	for r, q := range pr.reqs {
		st.locked[r] = q.pin >= 0
	}
	return st
}

func fill(n int) []int32 {
	xs := make([]int32, n)
	for i := range xs {
		xs[i] = -1
	}
	return xs
}

// place puts unplaced request r in slot s with interpreter i (or -1).
func (st *state) place(r, s, i int32) {
	q := &st.pr.reqs[r]
	n := int32(st.pr.nSlots)
	for _, x := range q.who {
		st.at[x*n+s] = r
	}
	if i >= 0 {
		st.iat[i*n+s] = r
	}
	if q.shared {
		st.used[s]++
	}
	st.slot[r], st.interp[r] = s, i
	st.pos[r] = int32(len(st.inSlot[s]))
	st.inSlot[s] = append(st.inSlot[s], r)
	st.val += q.val
	st.placed++
	st.log = append(st.log, change{r, -1, -1})
}

// remove takes placed request r out of its slot.
func (st *state) remove(r int32) {
	q := &st.pr.reqs[r]
	n := int32(st.pr.nSlots)
	s, i := st.slot[r], st.interp[r]
	for _, x := range q.who {
		st.at[x*n+s] = -1
	}
	if i >= 0 {
		st.iat[i*n+s] = -1
	}
	if q.shared {
		st.used[s]--
	}
	list := st.inSlot[s]
	last := list[len(list)-1]
	list[st.pos[r]] = last
	st.pos[last] = st.pos[r]
	st.inSlot[s] = list[:len(list)-1]
	st.slot[r], st.interp[r] = -1, -1
	st.val -= q.val
	st.placed--
	st.log = append(st.log, change{r, s, i})
}

// undo reverts the journal back to length mark.
func (st *state) undo(mark int) {
	for len(st.log) > mark {
		c := st.log[len(st.log)-1]
		if c.s < 0 {
			st.remove(c.r)
		} else {
			st.place(c.r, c.s, c.i)
		}
		st.log = st.log[:len(st.log)-2]
	}
}

// fits reports whether unplaced request r can go in slot s as things
// stand, and with which interpreter.
func (st *state) fits(r, s int32) (int32, bool) {
	q := &st.pr.reqs[r]
	n := int32(st.pr.nSlots)
	for _, x := range q.who {
		if st.at[x*n+s] >= 0 {
			return -1, false
		}
	}
	if q.shared && st.used[s] >= st.pr.tables[s] {
		return -1, false
	}
	if !q.needI {
		return -1, true
	}
	for _, i := range q.interp {
		if (q.pinI < 0 || q.pinI == i) && st.pr.ifree[i*n+s] && st.iat[i*n+s] < 0 {
			return i, true
		}
	}
	return -1, false
}

// reassign makes a fitting interpreter free in slot s for unplaced
// request r, whose people are free then, by moving the meetings of busy
// interpreters to other fitting interpreters along an augmenting path (of
// a few steps at most). It reports whether it did; on failure the state
// is as before.
func (st *state) reassign(r, s int32) bool {
	q := &st.pr.reqs[r]
	n := int32(st.pr.nSlots)
	if !q.needI || (q.shared && st.used[s] >= st.pr.tables[s]) {
		return false
	}
	for _, x := range q.who {
		if st.at[x*n+s] >= 0 {
			return false
		}
	}
	var seen [8]int32
	return st.freeInterpreter(q, s, seen[:0], 3)
}

// freeInterpreter frees one of q's fitting interpreters in slot s, moving
// the meeting it serves to another interpreter, recursively up to depth;
// seen holds the interpreters already on the path.
func (st *state) freeInterpreter(q *preq, s int32, seen []int32, depth int) bool {
	n := int32(st.pr.nSlots)
	for _, i := range q.interp {
		k := i*n + s
		m := st.iat[k]
		if m < 0 || !st.pr.ifree[k] || (q.pinI >= 0 && q.pinI != i) || st.locked[m] || contains(seen, i) {
			continue
		}
		qm := &st.pr.reqs[m]
		for _, j := range qm.interp {
			if j != i && st.pr.ifree[j*n+s] && st.iat[j*n+s] < 0 && (qm.pinI < 0 || qm.pinI == j) {
				st.remove(m)
				st.place(m, s, j)
				return true
			}
		}
		if depth > 1 && len(seen) < cap(seen) {
			mark := len(st.log)
			st.remove(m)
			if st.freeInterpreter(qm, s, append(seen, i), depth-1) {
				for _, j := range qm.interp {
					if j != i && st.pr.ifree[j*n+s] && st.iat[j*n+s] < 0 && (qm.pinI < 0 || qm.pinI == j) {
						st.place(m, s, j)
						return true
					}
				}
			}
			st.undo(mark)
		}
	}
	return false
}

// snapshot returns the slot and interpreter of every request.
func (st *state) snapshot() ([]int32, []int32) {
	return append([]int32(nil), st.slot...), append([]int32(nil), st.interp...)
}

// restore makes the state the snapshot's, with an empty journal.
func (st *state) restore(slot, interp []int32) {
	for r := range st.slot {
		if st.slot[r] >= 0 && (st.slot[r] != slot[r] || st.interp[r] != interp[r]) {
			st.remove(int32(r))
		}
	}
	for r := range slot {
		if slot[r] >= 0 && st.slot[r] < 0 {
			st.place(int32(r), slot[r], interp[r])
		}
	}
	st.log = st.log[:0]
}
