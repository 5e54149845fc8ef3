package scheduler

import "slices"

// placePinned places the pinned requests in their slots: first those
// whose interpreter is pinned or who need none, then the others with
// interpreters matched to them slot by slot (Validate proved a matching
// exists).
func (se *searcher) placePinned() {
	st := se.st
	open := make([][]int32, st.pr.nSlots)
	for r, q := range st.pr.reqs {
		switch {
		case q.pin < 0:
		case q.needI && q.pinI < 0:
			open[q.pin] = append(open[q.pin], int32(r))
		default:
			st.place(int32(r), q.pin, q.pinI)
		}
	}
	for s, reqs := range open {
		owner := map[int32]int{} // interpreter → index in reqs
		var try func(k int, seen map[int32]bool) bool
		try = func(k int, seen map[int32]bool) bool {
			for _, i := range st.pr.reqs[reqs[k]].interp {
				key := int(i)*st.pr.nSlots + s
				if seen[i] || !st.pr.ifree[key] || st.iat[key] >= 0 {
					continue
				}
				seen[i] = true
				if j, ok := owner[i]; !ok || try(j, seen) {
					owner[i] = k
					return true
				}
			}
			return false
		}
		for k := range reqs {
			try(k, map[int32]bool{})
		}
		for i, k := range owner {
			st.place(reqs[k], int32(s), i)
		}
	}
	st.log = st.log[:0]
}

// meetings turns the state into the instance's meetings, numbering the
// tables: a meeting at a reserved table sits there, a pinned one keeps
// its pinned table, the others take the lowest free numbers.
func (pr *problem) meetings(in *Instance, st *state) []Meeting {
	var out []Meeting
	for s := range pr.nSlots {
		taken := map[int]bool{}
		list := slices.Clone(st.inSlot[s])
		slices.Sort(list)
		table := make(map[int32]int, len(list))
		for _, r := range list {
			q := &pr.reqs[r]
			switch {
			case !q.shared:
				table[r] = q.table
			case q.pinT > 0:
				table[r] = q.pinT
				taken[q.pinT] = true
			}
		}
		next := 1
		for _, r := range list {
			if _, ok := table[r]; ok {
				continue
			}
			for taken[next] {
				next++
			}
			table[r] = next
			next++
		}
		for _, r := range list {
			req := in.Requests[r]
			m := Meeting{Request: int(r), A: req.A, B: req.B, Slot: pr.slotID[s], Table: table[r], Weight: req.Weight}
			if i := st.interp[r]; i >= 0 {
				m.Interpreter = in.Interpreters[i].ID
			}
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b Meeting) int { return a.Request - b.Request })
	return out
}
