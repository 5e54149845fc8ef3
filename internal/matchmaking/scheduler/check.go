package scheduler

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Check verifies a schedule against every constraint of a valid instance,
// independently of the solver: each meeting is a request of the instance
// with its parties and weight, scheduled once, in a slot free for both
// parties (every member of a delegation); nobody has two meetings in one
// slot; a meeting sits at one of its slot's shared tables, or at the table
// reserved for one of its parties, and no table holds two meetings in a
// slot; a meeting between parties who share no language has a fitting
// interpreter free in its slot and sitting at no other table then; and
// every pinned request is scheduled where it is pinned. For a fresh plan,
// check against the instance's WithoutPins.
func Check(in *Instance, schedule []Meeting) error {
	if err := in.Validate(); err != nil {
		return err
	}
	c := newChecker(in)
	for _, m := range schedule {
		c.meeting(m)
	}
	c.pinsKept(schedule)
	if len(c.errs) > 0 {
		return errors.New("schedule: " + strings.Join(c.errs, "; "))
	}
	return nil
}

// checker holds what Check has seen so far.
type checker struct {
	in     *Instance
	slot   map[int]Slot
	party  map[string]Person
	interp map[string]Interpreter
	done   map[int]bool
	busy   map[string]string // "slot/person" → meeting
	table  map[[2]int]string // (slot, table) → meeting
	errs   []string
}

func newChecker(in *Instance) *checker {
	c := &checker{in: in, slot: map[int]Slot{}, party: map[string]Person{}, interp: map[string]Interpreter{},
		done: map[int]bool{}, busy: map[string]string{}, table: map[[2]int]string{}}
	for _, s := range in.Slots {
		c.slot[s.ID] = s
	}
	for _, p := range in.People {
		c.party[p.ID] = p
	}
	for _, it := range in.Interpreters {
		c.interp[it.ID] = it
	}
	return c
}

func (c *checker) fail(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

// meeting checks one meeting and records what it takes.
func (c *checker) meeting(m Meeting) {
	name := fmt.Sprintf("meeting %s–%s in slot %d", m.A, m.B, m.Slot)
	if m.Request < 0 || m.Request >= len(c.in.Requests) {
		c.fail("%s: no request %d", name, m.Request)
		return
	}
	r := c.in.Requests[m.Request]
	switch {
	case r.A != m.A || r.B != m.B:
		c.fail("%s: request %d is %s–%s", name, m.Request, r.A, r.B)
		return
	case r.Weight != m.Weight:
		c.fail("%s: weight %d, but request %d weighs %d", name, m.Weight, m.Request, r.Weight)
	case c.done[m.Request]:
		c.fail("%s: request %d is scheduled twice", name, m.Request)
	}
	c.done[m.Request] = true
	s, ok := c.slot[m.Slot]
	if !ok {
		c.fail("%s: no slot %d", name, m.Slot)
		return
	}
	a, b := c.party[m.A], c.party[m.B]
	for _, p := range []Person{a, b} {
		if !c.free(p, m.Slot) {
			c.fail("%s: %s is not free in slot %d", name, p.ID, m.Slot)
		}
		for _, x := range members(p) {
			key := fmt.Sprint(m.Slot, "/", x)
			if other, dup := c.busy[key]; dup {
				c.fail("%s: %s also has %s", name, x, other)
			}
			c.busy[key] = name
		}
	}
	c.tableOf(m, name, s, a, b)
	c.interpreterOf(m, name, a, b)
}

// free reports whether a party is free in a slot: a person when the slot
// is listed, a delegation when all members are and its own list, if any,
// has it.
func (c *checker) free(p Person, slot int) bool {
	if len(p.Members) == 0 || len(p.Free) > 0 {
		if !slices.Contains(p.Free, slot) {
			return false
		}
	}
	for _, x := range p.Members {
		if !slices.Contains(c.party[x].Free, slot) {
			return false
		}
	}
	return true
}

// tableOf checks a meeting's table.
func (c *checker) tableOf(m Meeting, name string, s Slot, a, b Person) {
	switch {
	case a.Table != 0 || b.Table != 0:
		if m.Table == 0 || (m.Table != a.Table && m.Table != b.Table) {
			c.fail("%s: table %d is not a reserved table of its parties", name, m.Table)
		}
	case m.Table < 1 || m.Table > s.Tables:
		c.fail("%s: table %d is not one of the slot's %d tables", name, m.Table, s.Tables)
	}
	key := [2]int{m.Slot, m.Table}
	if other, dup := c.table[key]; dup {
		c.fail("%s: table %d also holds %s", name, m.Table, other)
	}
	c.table[key] = name
}

// interpreterOf checks a meeting's interpreter.
func (c *checker) interpreterOf(m Meeting, name string, a, b Person) {
	la, lb := c.languages(a), c.languages(b)
	needed := len(la) > 0 && len(lb) > 0 && !slices.ContainsFunc(la, func(l string) bool { return slices.Contains(lb, l) })
	if !needed {
		if m.Interpreter != "" {
			c.fail("%s: interpreter %s where none is needed", name, m.Interpreter)
		}
		return
	}
	it, ok := c.interp[m.Interpreter]
	speaks := func(ls []string) bool {
		return slices.ContainsFunc(ls, func(l string) bool { return slices.Contains(it.Languages, l) })
	}
	switch {
	case m.Interpreter == "":
		c.fail("%s: the parties share no language and have no interpreter", name)
		return
	case !ok:
		c.fail("%s: no interpreter %s", name, m.Interpreter)
		return
	case !speaks(la) || !speaks(lb):
		c.fail("%s: interpreter %s does not speak both sides' languages", name, it.ID)
	case !slices.Contains(it.Free, m.Slot):
		c.fail("%s: interpreter %s is not free in slot %d", name, it.ID, m.Slot)
	}
	key := fmt.Sprint(m.Slot, "/interpreter/", it.ID)
	if other, dup := c.busy[key]; dup {
		c.fail("%s: interpreter %s also serves %s", name, it.ID, other)
	}
	c.busy[key] = name
}

// languages returns the languages a party meets in: its own, or for a
// delegation without its own, its members'.
func (c *checker) languages(p Person) []string {
	if len(p.Languages) > 0 || len(p.Members) == 0 {
		return p.Languages
	}
	var out []string
	for _, x := range p.Members {
		out = append(out, c.party[x].Languages...)
	}
	return out
}

// pinsKept checks that every pinned request is scheduled where pinned.
func (c *checker) pinsKept(schedule []Meeting) {
	at := map[int]Meeting{}
	for _, m := range schedule {
		at[m.Request] = m
	}
	for i, r := range c.in.Requests {
		if r.Pinned == nil {
			continue
		}
		m, ok := at[i]
		switch {
		case !ok:
			c.fail("pinned request %d (%s–%s) is not scheduled", i, r.A, r.B)
		case m.Slot != r.Pinned.Slot:
			c.fail("pinned request %d (%s–%s) moved from slot %d to %d", i, r.A, r.B, r.Pinned.Slot, m.Slot)
		case r.Pinned.Table != 0 && m.Table != r.Pinned.Table:
			c.fail("pinned request %d (%s–%s) moved from table %d to %d", i, r.A, r.B, r.Pinned.Table, m.Table)
		case r.Pinned.Interpreter != "" && m.Interpreter != r.Pinned.Interpreter:
			c.fail("pinned request %d (%s–%s) changed interpreter from %s to %s", i, r.A, r.B, r.Pinned.Interpreter, m.Interpreter)
		}
	}
}
