package scheduler

import (
	"fmt"
	"strings"
)

// InvalidError is the error of an instance that cannot be scheduled as
// given: each of Problems names one thing wrong.
type InvalidError struct {
	Problems []string
}

// maxShown is how many problems an InvalidError's message lists.
const maxShown = 10

// Error lists the problems, the first ten of them when there are more.
func (e *InvalidError) Error() string {
	shown := e.Problems
	more := ""
	if len(shown) > maxShown {
		more = fmt.Sprintf("; and %d more", len(shown)-maxShown)
		shown = shown[:maxShown]
	}
	return "invalid instance: " + strings.Join(shown, "; ") + more
}

// problems gathers what is wrong with an instance.
type problems []string

func (p *problems) add(format string, args ...any) {
	*p = append(*p, fmt.Sprintf(format, args...))
}

// Validate reports whether the instance can be scheduled: every slot,
// person, delegation member and interpreter named is defined once, tables
// are not negative, reserved tables are distinct and above the shared ones,
// every request joins two different parties with no one on both sides,
// names an unordered pair at most once and weighs 1, 2 or 3, and the
// meetings pinned can all be kept together. The error is an *InvalidError.
func (in *Instance) Validate() error {
	_, err := compile(in, false)
	return err
}

// names indexes an instance's slots, parties and interpreters.
type names struct {
	slot      map[int]int
	party     map[string]int
	interp    map[string]int
	maxTables int
}

// checkNames indexes the instance's definitions and records the problems
// of the slots, people and interpreters.
func checkNames(in *Instance, p *problems) *names {
	n := &names{slot: map[int]int{}, party: map[string]int{}, interp: map[string]int{}}
	for i, s := range in.Slots {
		if _, dup := n.slot[s.ID]; dup {
			p.add("slot %d is defined twice", s.ID)
		}
		n.slot[s.ID] = i
		if s.Tables < 0 {
			p.add("slot %d has a negative number of tables (%d)", s.ID, s.Tables)
		}
		n.maxTables = max(n.maxTables, s.Tables)
	}
	for i, ps := range in.People {
		switch _, dup := n.party[ps.ID]; {
		case ps.ID == "":
			p.add("person %d has no id", i)
		case dup:
			p.add("person %q is defined twice", ps.ID)
		}
		n.party[ps.ID] = i
	}
	for i, it := range in.Interpreters {
		_, dup := n.interp[it.ID]
		_, person := n.party[it.ID]
		switch {
		case it.ID == "":
			p.add("interpreter %d has no id", i)
		case dup || person:
			p.add("interpreter %q: the id is already used", it.ID)
		}
		n.interp[it.ID] = i
		if len(it.Languages) < 2 {
			p.add("interpreter %q needs at least two languages", it.ID)
		}
		n.checkFree(p, "interpreter "+quote(it.ID), it.Free)
	}
	n.checkPeople(in, p)
	return n
}

// checkPeople records the problems of people and delegations: free slots,
// members and reserved tables.
func (n *names) checkPeople(in *Instance, p *problems) {
	tables := map[int]string{}
	for _, ps := range in.People {
		who := "person " + quote(ps.ID)
		n.checkFree(p, who, ps.Free)
		seen := map[string]bool{}
		for _, m := range ps.Members {
			j, ok := n.party[m]
			switch {
			case !ok:
				p.add("%s: unknown member %q", who, m)
			case m == ps.ID:
				p.add("%s is a member of itself", who)
			case len(in.People[j].Members) > 0:
				p.add("%s: member %q is itself a delegation", who, m)
			case seen[m]:
				p.add("%s lists member %q twice", who, m)
			}
			seen[m] = true
		}
		switch other, dup := tables[ps.Table]; {
		case ps.Table == 0:
		case ps.Table < 0:
			p.add("%s: reserved table %d is negative", who, ps.Table)
		case ps.Table <= n.maxTables:
			p.add("%s: reserved table %d is not above the %d shared tables", who, ps.Table, n.maxTables)
		case dup:
			p.add("%s: table %d is already reserved for %q", who, ps.Table, other)
		}
		if ps.Table != 0 {
			tables[ps.Table] = ps.ID
		}
	}
}

// checkFree records the unknown slots of a list of free slots.
func (n *names) checkFree(p *problems, who string, free []int) {
	for _, s := range free {
		if _, ok := n.slot[s]; !ok {
			p.add("%s: unknown slot %d", who, s)
		}
	}
}

// checkRequests records the problems of requests: unknown parties, a
// request to oneself, a party on both sides, a pair asked twice, a weight
// outside 1–3.
func (n *names) checkRequests(in *Instance, p *problems) {
	type pair struct{ a, b string }
	seen := map[pair]int{}
	for i, r := range in.Requests {
		who := requestName(i, r)
		_, okA := n.party[r.A]
		_, okB := n.party[r.B]
		if !okA {
			p.add("%s: unknown person %q", who, r.A)
		}
		if !okB {
			p.add("%s: unknown person %q", who, r.B)
		}
		if r.Weight < 1 || r.Weight > 3 {
			p.add("%s: weight %d is outside 1–3", who, r.Weight)
		}
		if r.A == r.B {
			p.add("%s: a request to oneself", who)
			continue
		}
		k := pair{min(r.A, r.B), max(r.A, r.B)}
		if j, dup := seen[k]; dup {
			p.add("%s: the pair was already requested by request %d", who, j)
		}
		seen[k] = i
		if okA && okB {
			if m := n.shared(in, r.A, r.B); m != "" {
				p.add("%s: %q would be on both sides", who, m)
			}
		}
	}
}

// shared returns a person on both sides of a meeting between parties a
// and b, or "" when the sides are apart.
func (n *names) shared(in *Instance, a, b string) string {
	side := map[string]bool{}
	for _, m := range members(in.People[n.party[a]]) {
		side[m] = true
	}
	for _, m := range members(in.People[n.party[b]]) {
		if side[m] {
			return m
		}
	}
	return ""
}

// members returns the people a party stands for: a delegation's members,
// or the person.
func members(ps Person) []string {
	if len(ps.Members) > 0 {
		return ps.Members
	}
	return []string{ps.ID}
}

// requestName names request i in messages.
func requestName(i int, r Request) string {
	return fmt.Sprintf("request %d (%s–%s)", i, quote(r.A), quote(r.B))
}

func quote(s string) string { return fmt.Sprintf("%q", s) }
