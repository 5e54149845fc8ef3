package scheduler

// exactLimit is the most requests (not pinned, with a slot) for which
// Solve searches every schedule (a variable so that tests can test the
// local search alone on small instances), and exactNodes the most search
// nodes it spends doing so.
var exactLimit = 24

const exactNodes = 2_000_000

// exact searches every schedule by branch and bound, from the state with
// the pinned requests placed, and leaves the best in se. It reports false
// when it gave up (too many nodes, or the context ended); the best found
// is kept either way.
func (se *searcher) exact() bool {
	st := se.st
	var free []int32
	for _, r := range se.order {
		if st.slot[r] < 0 && len(st.pr.reqs[r].slots) > 0 {
			free = append(free, r)
		}
	}
	rest := make([]int64, len(free)+1)
	for i := len(free) - 1; i >= 0; i-- {
		rest[i] = rest[i+1] + st.pr.reqs[free[i]].val
	}
	nodes := 0
	var walk func(i int) bool
	walk = func(i int) bool {
		if nodes++; nodes > exactNodes || (nodes%1024 == 0 && se.sh.ctx.Err() != nil) {
			return false
		}
		if st.val+rest[i] <= se.best && se.bestSlot != nil {
			return true
		}
		if i == len(free) {
			se.keep()
			return true
		}
		r := free[i]
		for _, o := range st.options(r) {
			st.place(r, o[0], o[1])
			ok := walk(i + 1)
			st.remove(r)
			if !ok {
				return false
			}
		}
		return walk(i + 1)
	}
	done := walk(0)
	st.log = st.log[:0]
	return done
}

// options lists the slots and interpreters (-1 for none) in which
// unplaced request r fits as things stand.
func (st *state) options(r int32) [][2]int32 {
	q := &st.pr.reqs[r]
	n := int32(st.pr.nSlots)
	var out [][2]int32
	for _, s := range q.slots {
		if _, ok := st.fits(r, s); !ok {
			continue
		}
		if !q.needI {
			out = append(out, [2]int32{s, -1})
			continue
		}
		for _, i := range q.interp {
			if (q.pinI < 0 || q.pinI == i) && st.pr.ifree[i*n+s] && st.iat[i*n+s] < 0 {
				out = append(out, [2]int32{s, i})
			}
		}
	}
	return out
}

// small reports whether the problem has few enough requests to try
// every schedule.
func (pr *problem) small() bool {
	n := 0
	for _, q := range pr.reqs {
		if q.pin < 0 && len(q.slots) > 0 {
			n++
		}
	}
	return n <= exactLimit
}
