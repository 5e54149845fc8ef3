package scheduler

// problem is an instance compiled to indices: slots 0..nSlots-1, people
// (not delegations) 0..nPeople-1, interpreters 0..nInterp-1, and for each
// request the people it takes and the slots it may use.
type problem struct {
	nSlots  int
	slotID  []int
	tables  []int32
	nPeople int
	person  []string // people's IDs
	nInterp int
	ifree   []bool // interpreter i free in slot s: ifree[i*nSlots+s]
	reqs    []preq
	scale   int64 // a request's value is weight*scale + 1; scale > 2*requests
}

// preq is a compiled request.
type preq struct {
	who    []int32 // the people the meeting takes
	slots  []int32 // the slots free for all of them (the pinned one if pinned)
	w      int32
	val    int64
	shared bool    // uses one of the slot's shared tables
	table  int     // the reserved table when not shared
	holder int32   // when not shared, the table holder's side's first person
	interp []int32 // fitting interpreters, when one is needed
	needI  bool
	pin    int32 // pinned slot, or -1
	pinT   int   // pinned table, or 0
	pinI   int32 // pinned interpreter, or -1
}

// party is a compiled person or delegation.
type party struct {
	who   []int32
	free  []bool // by slot index
	langs map[string]bool
	table int
}

// compile validates the instance and compiles it; fresh ignores pins.
func compile(in *Instance, fresh bool) (*problem, error) {
	var p problems
	n := checkNames(in, &p)
	n.checkRequests(in, &p)
	if len(p) > 0 {
		return nil, &InvalidError{Problems: p}
	}
	pr := &problem{nSlots: len(in.Slots), nInterp: len(in.Interpreters)}
	for _, s := range in.Slots {
		pr.slotID = append(pr.slotID, s.ID)
		pr.tables = append(pr.tables, int32(s.Tables))
	}
	parties := pr.parties(in, n)
	pr.ifree = make([]bool, pr.nInterp*pr.nSlots)
	ilangs := make([]map[string]bool, pr.nInterp)
	for i, it := range in.Interpreters {
		for _, s := range it.Free {
			pr.ifree[i*pr.nSlots+n.slot[s]] = true
		}
		ilangs[i] = set(it.Languages)
	}
	pr.scale = 2*int64(len(in.Requests)) + 1
	for _, r := range in.Requests {
		pr.reqs = append(pr.reqs, pr.request(r, parties[n.party[r.A]], parties[n.party[r.B]], ilangs))
	}
	if !fresh {
		pr.pins(in, n, parties, &p)
	}
	if len(p) > 0 {
		return nil, &InvalidError{Problems: p}
	}
	return pr, nil
}

// parties compiles every person and delegation, numbering the people.
func (pr *problem) parties(in *Instance, n *names) []party {
	person := map[string]int32{}
	for _, ps := range in.People {
		if len(ps.Members) == 0 {
			person[ps.ID] = int32(pr.nPeople)
			pr.person = append(pr.person, ps.ID)
			pr.nPeople++
		}
	}
	out := make([]party, len(in.People))
	for i, ps := range in.People {
		pt := party{free: make([]bool, pr.nSlots), langs: set(ps.Languages), table: ps.Table}
		own := make([]bool, pr.nSlots)
		for _, s := range ps.Free {
			own[n.slot[s]] = true
		}
		for s := range pt.free {
			pt.free[s] = own[s] || (len(ps.Members) > 0 && len(ps.Free) == 0)
		}
		for _, m := range members(ps) {
			pt.who = append(pt.who, person[m])
			mp := in.People[n.party[m]]
			if m == ps.ID {
				continue
			}
			mine := make([]bool, pr.nSlots)
			for _, s := range mp.Free {
				mine[n.slot[s]] = true
			}
			for s := range pt.free {
				pt.free[s] = pt.free[s] && mine[s]
			}
			if len(ps.Languages) == 0 {
				for _, l := range mp.Languages {
					pt.langs[l] = true
				}
			}
		}
		out[i] = pt
	}
	return out
}

// request compiles one request between parties a and b.
func (pr *problem) request(r Request, a, b party, ilangs []map[string]bool) preq {
	q := preq{w: int32(r.Weight), val: int64(r.Weight)*pr.scale + 1, pin: -1, pinI: -1, shared: true}
	q.who = append(append(q.who, a.who...), b.who...)
	switch {
	case a.table != 0:
		q.shared, q.table, q.holder = false, a.table, a.who[0]
	case b.table != 0:
		q.shared, q.table, q.holder = false, b.table, b.who[len(b.who)-1]
	}
	q.needI = len(a.langs) > 0 && len(b.langs) > 0 && !meets(a.langs, b.langs)
	if q.needI {
		for i, l := range ilangs {
			if meets(l, a.langs) && meets(l, b.langs) {
				q.interp = append(q.interp, int32(i))
			}
		}
	}
	for s := 0; s < pr.nSlots; s++ {
		if a.free[s] && b.free[s] && (!q.needI || pr.interpreterFree(q.interp, s)) {
			q.slots = append(q.slots, int32(s))
		}
	}
	return q
}

// interpreterFree reports whether one of the interpreters is free in slot s.
func (pr *problem) interpreterFree(interp []int32, s int) bool {
	for _, i := range interp {
		if pr.ifree[int(i)*pr.nSlots+s] {
			return true
		}
	}
	return false
}

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// meets reports whether two sets of languages share one.
func meets(a, b map[string]bool) bool {
	for l := range a {
		if b[l] {
			return true
		}
	}
	return false
}
