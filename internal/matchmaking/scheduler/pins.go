package scheduler

import "slices"

// pinned gathers the meetings pinned so far, to find those that clash.
type pinned struct {
	person map[[2]int32]int // (slot, person) → request
	table  map[[2]int]int   // (slot, table) → request
	interp map[[2]int32]int // (slot, interpreter) → request
	shared []int            // shared tables pinned, by slot
	open   [][]int          // requests needing an interpreter not pinned, by slot
}

// pins checks the pinned meetings, each alone and all together, and
// restricts each pinned request to its slot.
func (pr *problem) pins(in *Instance, n *names, parties []party, p *problems) {
	pn := pinned{person: map[[2]int32]int{}, table: map[[2]int]int{}, interp: map[[2]int32]int{},
		shared: make([]int, pr.nSlots), open: make([][]int, pr.nSlots)}
	for i, r := range in.Requests {
		if r.Pinned == nil {
			continue
		}
		who := requestName(i, r)
		s, ok := n.slot[r.Pinned.Slot]
		if !ok {
			p.add("%s: pinned to unknown slot %d", who, r.Pinned.Slot)
			continue
		}
		q := &pr.reqs[i]
		if !slices.Contains(q.slots, int32(s)) {
			p.add("%s: pinned to slot %d, %s", who, r.Pinned.Slot, whyNot(q, parties[n.party[r.A]], parties[n.party[r.B]], r, s))
			continue
		}
		q.slots, q.pin, q.pinT, q.pinI = []int32{int32(s)}, int32(s), r.Pinned.Table, -1
		pr.pinTable(q, i, who, s, &pn, p)
		pr.pinInterpreter(q, i, who, s, r.Pinned.Interpreter, n, &pn, p)
		for _, x := range q.who {
			if j, dup := pn.person[[2]int32{int32(s), x}]; dup {
				p.add("%s: pinned to slot %d, where %q has request %d pinned too", who, r.Pinned.Slot, pr.person[x], j)
			}
			pn.person[[2]int32{int32(s), x}] = i
		}
	}
	for s := range pr.nSlots {
		if pn.shared[s] > int(pr.tables[s]) {
			p.add("slot %d: %d meetings pinned for %d shared tables", pr.slotID[s], pn.shared[s], pr.tables[s])
		}
		if len(pn.open[s]) > 0 && !pr.interpretersSuffice(s, pn.open[s], pn.interp) {
			p.add("slot %d: too few interpreters for the meetings pinned there", pr.slotID[s])
		}
	}
}

// whyNot says why request r cannot take place in slot s.
func whyNot(q *preq, a, b party, r Request, s int) string {
	switch {
	case !a.free[s]:
		return quote(r.A) + " is not free then"
	case !b.free[s]:
		return quote(r.B) + " is not free then"
	case q.needI && len(q.interp) == 0:
		return "but no interpreter speaks both sides' languages"
	}
	return "where no fitting interpreter is free"
}

// pinTable checks a pinned meeting's table.
func (pr *problem) pinTable(q *preq, i int, who string, s int, pn *pinned, p *problems) {
	if q.shared {
		pn.shared[s]++
	}
	t := q.pinT
	switch {
	case t == 0:
		return
	case q.shared && (t < 1 || t > int(pr.tables[s])):
		p.add("%s: pinned to table %d, not one of slot %d's %d shared tables", who, t, pr.slotID[s], pr.tables[s])
	case !q.shared && t != q.table:
		p.add("%s: pinned to table %d, not the reserved table %d", who, t, q.table)
	}
	if j, dup := pn.table[[2]int{s, t}]; dup {
		p.add("%s: pinned to table %d in slot %d, as request %d is", who, t, pr.slotID[s], j)
	}
	pn.table[[2]int{s, t}] = i
}

// pinInterpreter checks a pinned meeting's interpreter.
func (pr *problem) pinInterpreter(q *preq, i int, who string, s int, id string, n *names, pn *pinned, p *problems) {
	if id == "" {
		if q.needI {
			pn.open[s] = append(pn.open[s], i)
		}
		return
	}
	x, ok := n.interp[id]
	switch {
	case !ok:
		p.add("%s: unknown interpreter %q", who, id)
		return
	case !q.needI:
		p.add("%s: needs no interpreter, but %q is pinned", who, id)
		return
	case !slices.Contains(q.interp, int32(x)):
		p.add("%s: interpreter %q does not speak both sides' languages", who, id)
		return
	case !pr.ifree[x*pr.nSlots+s]:
		p.add("%s: interpreter %q is not free in slot %d", who, id, pr.slotID[s])
		return
	}
	if j, dup := pn.interp[[2]int32{int32(s), int32(x)}]; dup {
		p.add("%s: interpreter %q is pinned to request %d in the same slot", who, id, j)
	}
	pn.interp[[2]int32{int32(s), int32(x)}] = i
	q.pinI = int32(x)
}

// interpretersSuffice reports whether the requests of slot s can each have
// a fitting interpreter free in s, not taken by the pinned ones.
func (pr *problem) interpretersSuffice(s int, reqs []int, taken map[[2]int32]int) bool {
	owner := map[int32]int{} // interpreter → index in reqs
	var try func(k int, seen map[int32]bool) bool
	try = func(k int, seen map[int32]bool) bool {
		for _, x := range pr.reqs[reqs[k]].interp {
			if _, busy := taken[[2]int32{int32(s), x}]; busy || seen[x] || !pr.ifree[int(x)*pr.nSlots+s] {
				continue
			}
			seen[x] = true
			if j, ok := owner[x]; !ok || try(j, seen) {
				owner[x] = k
				return true
			}
		}
		return false
	}
	for k := range reqs {
		if !try(k, map[int32]bool{}) {
			return false
		}
	}
	return true
}
