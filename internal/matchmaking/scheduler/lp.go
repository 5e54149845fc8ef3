package scheduler

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
)

// WriteLP writes the instance as an integer program in the LP file format
// that MIP solvers such as CBC read: a binary variable for each request
// and slot free for it (and interpreter, where one is needed), maximising
// the total weight subject to one slot per request, one meeting per person
// and slot, the shared tables of each slot, one table per interpreter and
// slot, and the pinned meetings kept. It is how the tests and benchmarks
// compare the scheduler with an off-the-shelf solver.
func WriteLP(w io.Writer, in *Instance) error {
	pr, err := compile(in, false)
	if err != nil {
		return err
	}
	l := &lpWriter{w: bufio.NewWriter(w)}
	vars := pr.lpVariables()
	if len(vars) == 0 {
		vars = []lpVar{{r: -1}} // a program needs a variable: one that earns nothing
	}
	l.line("Maximize")
	l.row(" obj:", vars, func(v lpVar) int {
		if v.r < 0 {
			return 0
		}
		return int(pr.reqs[v.r].w)
	}, "")
	l.line("Subject To")
	for _, c := range pr.lpConstraints(vars) {
		l.row(" "+c.label+":", c.vars, func(lpVar) int { return 1 }, c.rhs)
	}
	l.line("Binaries")
	for _, v := range vars {
		l.line(" " + v.name())
	}
	l.line("End")
	if l.err == nil {
		l.err = l.w.Flush()
	}
	return l.err
}

// lpConstraint is a row of the program: the sum of its variables and
// its right-hand side.
type lpConstraint struct {
	label, rhs string
	vars       []lpVar
}

// lpConstraints lists the rows in a fixed order: one slot per request
// (exactly one when pinned), one meeting per person and slot, the shared
// tables of each slot, one table per interpreter and slot. Rows that
// cannot bind are left out.
func (pr *problem) lpConstraints(vars []lpVar) []lpConstraint {
	byReq := map[int][]lpVar{}
	byPerson := map[[2]int32][]lpVar{}
	byTable := map[int32][]lpVar{}
	byInterp := map[[2]int32][]lpVar{}
	for _, v := range vars {
		if v.r < 0 {
			continue
		}
		q := pr.reqs[v.r]
		byReq[v.r] = append(byReq[v.r], v)
		for _, x := range q.who {
			byPerson[[2]int32{x, v.s}] = append(byPerson[[2]int32{x, v.s}], v)
		}
		if q.shared {
			byTable[v.s] = append(byTable[v.s], v)
		}
		if v.i >= 0 {
			byInterp[[2]int32{v.i, v.s}] = append(byInterp[[2]int32{v.i, v.s}], v)
		}
	}
	var out []lpConstraint
	for r, q := range pr.reqs {
		if vs := byReq[r]; len(vs) > 0 && q.pin >= 0 {
			out = append(out, lpConstraint{fmt.Sprintf("r%d", r), "= 1", vs})
		} else if len(vs) > 1 {
			out = append(out, lpConstraint{fmt.Sprintf("r%d", r), "<= 1", vs})
		}
	}
	for _, k := range slices.SortedFunc(maps.Keys(byPerson), compareKeys) {
		if vs := byPerson[k]; len(vs) > 1 {
			out = append(out, lpConstraint{fmt.Sprintf("p%d_%d", k[0], k[1]), "<= 1", vs})
		}
	}
	for _, s := range slices.Sorted(maps.Keys(byTable)) {
		if vs := byTable[s]; len(vs) > int(pr.tables[s]) {
			out = append(out, lpConstraint{fmt.Sprintf("t%d", s), fmt.Sprintf("<= %d", pr.tables[s]), vs})
		}
	}
	for _, k := range slices.SortedFunc(maps.Keys(byInterp), compareKeys) {
		if vs := byInterp[k]; len(vs) > 1 {
			out = append(out, lpConstraint{fmt.Sprintf("i%d_%d", k[0], k[1]), "<= 1", vs})
		}
	}
	return out
}

func compareKeys(a, b [2]int32) int {
	if c := cmp.Compare(a[0], b[0]); c != 0 {
		return c
	}
	return cmp.Compare(a[1], b[1])
}

// lpVar is a variable of the integer program: request r in slot s, with
// interpreter i or -1.
type lpVar struct {
	r    int
	s, i int32
}

func (v lpVar) name() string {
	if v.r < 0 {
		return "none"
	}
	if v.i >= 0 {
		return fmt.Sprintf("y%d_%d_%d", v.r, v.s, v.i)
	}
	return fmt.Sprintf("x%d_%d", v.r, v.s)
}

// lpVariables lists the variables of the integer program.
func (pr *problem) lpVariables() []lpVar {
	var vars []lpVar
	for r, q := range pr.reqs {
		for _, s := range q.slots {
			if !q.needI {
				vars = append(vars, lpVar{r, s, -1})
				continue
			}
			for _, i := range q.interp {
				if pr.ifree[int(i)*pr.nSlots+int(s)] && (q.pinI < 0 || q.pinI == i) {
					vars = append(vars, lpVar{r, s, i})
				}
			}
		}
	}
	return vars
}

// lpWriter writes an LP file, keeping the first error.
type lpWriter struct {
	w   *bufio.Writer
	err error
}

func (l *lpWriter) line(s string) {
	if l.err == nil {
		_, l.err = l.w.WriteString(s + "\n")
	}
}

// row writes a linear expression over vars, eight terms a line, then rhs.
func (l *lpWriter) row(label string, vars []lpVar, coef func(lpVar) int, rhs string) {
	s := label
	for k, v := range vars {
		if k > 0 && k%8 == 0 {
			l.line(s)
			s = "   "
		}
		s += fmt.Sprintf(" + %d %s", coef(v), v.name())
	}
	l.line(s + " " + rhs)
}
