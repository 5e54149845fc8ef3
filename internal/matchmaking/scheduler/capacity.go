package scheduler

// capacities returns, for each person, the most meetings their requests
// could have at once (a maximum matching of requests to slots) and the
// slots of a minimum cover of those pairs by slots and requests (König).
func (pr *problem) capacities() ([]int32, [][]int32) {
	reqs := make([][]int32, pr.nPeople)
	for r, q := range pr.reqs {
		if len(q.slots) == 0 {
			continue
		}
		for _, x := range q.who {
			reqs[x] = append(reqs[x], int32(r))
		}
	}
	capacity := make([]int32, pr.nPeople)
	cover := make([][]int32, pr.nPeople)
	m := &matcher{pr: pr, holder: make([]int32, pr.nSlots), seen: make([]bool, pr.nSlots)}
	for p := range pr.nPeople {
		capacity[p], cover[p] = m.person(reqs[p])
	}
	return capacity, cover
}

// matcher finds maximum matchings of one person's requests to slots.
type matcher struct {
	pr     *problem
	holder []int32 // request matched to each slot, or -1
	seen   []bool
	reqs   []int32
	mate   []int32 // slot matched to each request (by index in reqs), or -1
}

// person matches requests to slots and returns the matching's size and
// the slots of a minimum vertex cover.
func (m *matcher) person(reqs []int32) (int32, []int32) {
	m.reqs = reqs
	m.mate = m.mate[:0]
	for range reqs {
		m.mate = append(m.mate, -1)
	}
	for s := range m.holder {
		m.holder[s] = -1
	}
	size := int32(0)
	for k := range reqs {
		clear(m.seen)
		if m.augment(k) {
			size++
		}
	}
	// König: from the unmatched requests, follow free edges to slots and
	// matched edges back; the cover is the slots reached and the requests
	// not reached.
	clear(m.seen)
	for k := range reqs {
		if m.mate[k] < 0 {
			m.reach(k)
		}
	}
	var cover []int32
	for s, seen := range m.seen {
		if seen {
			cover = append(cover, int32(s))
		}
	}
	return size, cover
}

// augment looks for an augmenting path from request k (Kuhn).
func (m *matcher) augment(k int) bool {
	for _, s := range m.pr.reqs[m.reqs[k]].slots {
		if m.seen[s] {
			continue
		}
		m.seen[s] = true
		if h := m.holder[s]; h < 0 || m.augment(int(h)) {
			m.holder[s] = int32(k)
			m.mate[k] = s
			return true
		}
	}
	return false
}

// reach marks the slots reachable from request k by alternating paths.
func (m *matcher) reach(k int) {
	for _, s := range m.pr.reqs[m.reqs[k]].slots {
		if m.seen[s] {
			continue
		}
		m.seen[s] = true
		if h := m.holder[s]; h >= 0 {
			m.reach(int(h))
		}
	}
}
