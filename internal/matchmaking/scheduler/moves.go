package scheduler

// blockers returns the meetings that must leave slot s for unplaced
// request r to fit there: those of its people in s, one more shared
// meeting when the slot's tables are full, and one holding a fitting
// interpreter when none is free. It fails when one of them may not move
// (pinned, or part of the move in progress).
func (st *state) blockers(r, s int32, out []int32) ([]int32, bool) {
	q := &st.pr.reqs[r]
	n := int32(st.pr.nSlots)
	out = out[:0]
	freed := int32(0)
	for _, x := range q.who {
		m := st.at[x*n+s]
		if m < 0 || contains(out, m) {
			continue
		}
		if !st.movable(m) {
			return nil, false
		}
		out = append(out, m)
		if st.pr.reqs[m].shared {
			freed++
		}
	}
	if q.shared && st.used[s]-freed >= st.pr.tables[s] {
		m := st.tableBlocker(s, out)
		if m < 0 {
			return nil, false
		}
		out = append(out, m)
	}
	if q.needI && !st.interpreterAfter(q, s, out) {
		var holders []int32
		for _, i := range q.interp {
			if k := i*n + s; st.pr.ifree[k] && (q.pinI < 0 || q.pinI == i) {
				holders = append(holders, st.iat[k])
			}
		}
		m := st.pick(holders, out, func(int32) bool { return true })
		if m < 0 {
			return nil, false
		}
		out = append(out, m)
	}
	return out, true
}

// tableBlocker chooses a meeting to leave full slot s, not in out: among
// a few at random, one that fits in another slot, or else the one worth
// least; -1 when it finds none that may move.
func (st *state) tableBlocker(s int32, out []int32) int32 {
	list := st.inSlot[s]
	best := int32(-1)
	for range min(8, len(list)) {
		m := list[st.rng.IntN(len(list))]
		if !st.movable(m) || !st.pr.reqs[m].shared || contains(out, m) {
			continue
		}
		if st.elsewhere(m) {
			return m
		}
		if best < 0 || st.pr.reqs[m].val < st.pr.reqs[best].val {
			best = m
		}
	}
	return best
}

// elsewhere reports whether placed request m fits as things stand in
// another of its slots.
func (st *state) elsewhere(m int32) bool {
	for _, t := range st.pr.reqs[m].slots {
		if t != st.slot[m] {
			if _, ok := st.fits(m, t); ok {
				return true
			}
		}
	}
	return false
}

// movable reports whether placed request m may be moved.
func (st *state) movable(m int32) bool {
	return !st.locked[m]
}

// interpreterAfter reports whether a fitting interpreter is free in slot s
// once the meetings out have left.
func (st *state) interpreterAfter(q *preq, s int32, out []int32) bool {
	n := int32(st.pr.nSlots)
	for _, i := range q.interp {
		k := i*n + s
		if st.pr.ifree[k] && (q.pinI < 0 || q.pinI == i) && (st.iat[k] < 0 || contains(out, st.iat[k])) {
			return true
		}
	}
	return false
}

// pick returns a random movable meeting of list, not in out, for which ok
// holds, trying a few; -1 when it finds none.
func (st *state) pick(list, out []int32, ok func(int32) bool) int32 {
	if len(list) == 0 {
		return -1
	}
	for range 8 {
		m := list[st.rng.IntN(len(list))]
		if m >= 0 && st.movable(m) && !contains(out, m) && ok(m) {
			return m
		}
	}
	return -1
}

func contains(xs []int32, x int32) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// insert tries to place unplaced request r without losing any meeting:
// in a slot where it fits, or else by moving the meetings in its way to
// other slots, recursively up to depth levels. It spends one unit of
// budget per slot tried. On failure the state is as before.
func (st *state) insert(r int32, depth int, budget *int) bool {
	q := &st.pr.reqs[r]
	k := len(q.slots)
	off := st.rng.IntN(k + 1)
	for j := range k {
		s := q.slots[(j+off)%k]
		if i, ok := st.fits(r, s); ok {
			st.place(r, s, i)
			return true
		}
	}
	if q.needI {
		for _, s := range q.slots {
			if st.reassign(r, s) {
				if i, ok := st.fits(r, s); ok {
					st.place(r, s, i)
					return true
				}
			}
		}
	}
	if depth == 0 {
		return false
	}
	if st.kempe(r, budget) {
		return true
	}
	st.locked[r] = true
	defer func() { st.locked[r] = false }()
	var buf [4]int32
	for j := range k {
		if *budget--; *budget < 0 {
			return false
		}
		s := q.slots[(j+off)%k]
		mark := len(st.log)
		if st.displace(r, s, buf[:0]) == nil {
			continue
		}
		if st.reinsertAll(depth-1, budget, mark) {
			return true
		}
		st.undo(mark)
	}
	return false
}

// displace moves the blockers of unplaced request r out of slot s and
// puts r there; it returns the blockers, or nil (state unchanged) when r
// cannot go there.
func (st *state) displace(r, s int32, buf []int32) []int32 {
	out, ok := st.blockers(r, s, buf)
	if !ok || len(out) == 0 {
		return nil
	}
	mark := len(st.log)
	for _, m := range out {
		st.remove(m)
	}
	i, fits := st.fits(r, s)
	if !fits {
		st.undo(mark)
		return nil
	}
	st.place(r, s, i)
	return out
}

// reinsertAll places again, without loss, every request the journal shows
// removed since mark and not placed back.
func (st *state) reinsertAll(depth int, budget *int, mark int) bool {
	for _, m := range st.removedSince(mark) {
		if !st.insert(m, depth, budget) {
			return false
		}
	}
	return true
}

// removedSince lists the requests removed since journal position mark
// that are not placed now.
func (st *state) removedSince(mark int) []int32 {
	var out []int32
	for _, c := range st.log[mark:] {
		if c.s >= 0 && st.slot[c.r] < 0 && !contains(out, c.r) {
			out = append(out, c.r)
		}
	}
	return out
}

// improve tries to place unplaced request r so that the total value
// grows: in each of its slots in turn it displaces the meetings in its
// way, places them elsewhere where it can (moves up to depth levels deep),
// and keeps the result if r is worth more than the meetings lost. On
// failure the state is as before.
func (st *state) improve(r int32, depth int, budget *int) bool {
	if st.insert(r, 0, budget) {
		return true
	}
	q := &st.pr.reqs[r]
	k := len(q.slots)
	off := st.rng.IntN(k + 1)
	st.locked[r] = true
	defer func() { st.locked[r] = false }()
	var buf [4]int32
	for j := range k {
		if *budget--; *budget < 0 {
			return false
		}
		s := q.slots[(j+off)%k]
		mark := len(st.log)
		before := st.val
		out := st.displace(r, s, buf[:0])
		if out == nil {
			continue
		}
		for _, m := range out {
			st.insert(m, depth-1, budget)
		}
		if st.val > before {
			return true
		}
		st.undo(mark)
	}
	return false
}
