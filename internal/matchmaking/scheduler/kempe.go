package scheduler

// kempe tries to place unplaced request r between two people by a Kempe
// chain: where one of them is free in slot s1 and the other is held by a
// meeting that could move to a slot s2 in which they are free, the chain
// of meetings alternately in s1 and s2 that starts there swaps slots, and
// r takes s1. On failure the state is as before.
func (st *state) kempe(r int32, budget *int) bool {
	q := &st.pr.reqs[r]
	if len(q.who) != 2 {
		return false
	}
	n := int32(st.pr.nSlots)
	k := len(q.slots)
	off := st.rng.IntN(k + 1)
	var chain [kempeLength]int32
	for j := range k {
		s1 := q.slots[(j+off)%k]
		a, b := q.who[0], q.who[1]
		ma, mb := st.at[a*n+s1], st.at[b*n+s1]
		if (ma >= 0) == (mb >= 0) {
			continue
		}
		busy, m1 := b, mb
		if ma >= 0 {
			busy, m1 = a, ma
		}
		if !st.movable(m1) || len(st.pr.reqs[m1].who) != 2 {
			continue
		}
		for _, s2 := range st.pr.reqs[m1].slots {
			if *budget--; *budget < 0 {
				return false
			}
			if s2 == s1 || st.at[busy*n+s2] >= 0 {
				continue
			}
			links := st.trace(chain[:0], m1, busy, s1, s2, q.who)
			if links != nil && st.swap(r, links, s1, s2) {
				return true
			}
		}
	}
	return false
}

// kempeLength bounds a Kempe chain.
const kempeLength = 64

// trace follows the chain of meetings from m1 (in slot s1, held by person
// from) alternately in s1 and s2, and returns it, or nil when it meets a
// meeting that cannot move, grows too long, or reaches one of avoid.
func (st *state) trace(chain []int32, m1, from, s1, s2 int32, avoid []int32) []int32 {
	n := int32(st.pr.nSlots)
	m, at, next := m1, from, s2
	for {
		if len(chain) == cap(chain) || !st.movable(m) || contains(chain, m) {
			return nil
		}
		chain = append(chain, m)
		who := st.pr.reqs[m].who
		if len(who) != 2 {
			return nil
		}
		other := who[0]
		if other == at {
			other = who[1]
		}
		if contains(avoid, other) {
			return nil
		}
		m = st.at[other*n+next]
		if m < 0 {
			return chain
		}
		at = other
		next = s1 + s2 - next
	}
}

// swap moves the chain's meetings to the other of slots s1 and s2 and
// places r in s1; on failure the state is as before.
func (st *state) swap(r int32, chain []int32, s1, s2 int32) bool {
	mark := len(st.log)
	for _, m := range chain {
		st.remove(m)
	}
	for k, m := range chain {
		to := s2
		if k%2 == 1 {
			to = s1
		}
		if !contains(st.pr.reqs[m].slots, to) {
			st.undo(mark)
			return false
		}
		i, ok := st.fits(m, to)
		if !ok {
			st.undo(mark)
			return false
		}
		st.place(m, to, i)
	}
	i, ok := st.fits(r, s1)
	if !ok {
		st.undo(mark)
		return false
	}
	st.place(r, s1, i)
	return true
}
