package store

import (
	"fmt"
	"slices"
	"strings"
)

// copyTable is one table to copy: its columns with the kind both databases
// agree on, and the columns referring to the table itself, which are
// filled in after every row is there.
type copyTable struct {
	name    string
	columns []string
	kinds   []Kind
	pk      []int // positions of the primary key columns
	selfRef []int // positions of nullable columns referring to this table
}

// planCopy matches the two schemas and orders the tables so that every
// table comes after the tables it refers to. The schemas must have the same
// tables and columns: both stores were migrated by this binary.
func planCopy(from, to Schema) ([]*copyTable, error) {
	if !slices.Equal(from.Names(), to.Names()) {
		return nil, fmt.Errorf("the databases have different tables:\nfrom %v\nto   %v", from.Names(), to.Names())
	}
	byName := map[string]*copyTable{}
	for _, name := range from.Names() {
		ct, err := matchTable(from[name], to[name])
		if err != nil {
			return nil, err
		}
		byName[name] = ct
	}
	order, err := dependencyOrder(to)
	if err != nil {
		return nil, err
	}
	plan := make([]*copyTable, len(order))
	for i, name := range order {
		plan[i] = byName[name]
	}
	return plan, nil
}

// matchTable pairs the columns of one table on both sides.
func matchTable(a, b *Table) (*copyTable, error) {
	if len(a.Columns) != len(b.Columns) {
		return nil, fmt.Errorf("table %s has %d columns on one side and %d on the other", a.Name, len(a.Columns), len(b.Columns))
	}
	ct := &copyTable{name: a.Name}
	pos := map[string]int{}
	for i, ca := range a.Columns {
		cb := b.Columns[i]
		if ca.Name != cb.Name {
			return nil, fmt.Errorf("table %s: column %d is %s on one side and %s on the other", a.Name, i+1, ca.Name, cb.Name)
		}
		k, err := commonKind(ca.Kind, cb.Kind)
		if err != nil {
			return nil, fmt.Errorf("table %s, column %s: %w", a.Name, ca.Name, err)
		}
		ct.columns = append(ct.columns, ca.Name)
		ct.kinds = append(ct.kinds, k)
		pos[ca.Name] = i
	}
	for _, c := range b.PrimaryKey {
		ct.pk = append(ct.pk, pos[c])
	}
	for _, fk := range b.ForeignKeys {
		if fk.RefTable == b.Name && !b.Columns[pos[fk.Column]].NotNull {
			ct.selfRef = append(ct.selfRef, pos[fk.Column])
		}
	}
	if len(ct.selfRef) > 0 && len(ct.pk) == 0 {
		return nil, fmt.Errorf("table %s refers to itself but has no primary key", a.Name)
	}
	return ct, nil
}

// commonKind is the kind of a column declared with kinds a and b: SQLite
// declares times as TEXT.
func commonKind(a, b Kind) (Kind, error) {
	switch {
	case a == b:
		return a, nil
	case a == KindText && (b == KindTime || b == KindJSON):
		return b, nil
	case b == KindText && (a == KindTime || a == KindJSON):
		return a, nil
	}
	return "", fmt.Errorf("holds %s on one side and %s on the other", a, b)
}

// dependencyOrder sorts the tables so that each follows those it refers to
// (a reference to the table itself does not count).
func dependencyOrder(sc Schema) ([]string, error) {
	var (
		order []string
		state = map[string]int{} // 1 visiting, 2 done
		visit func(name string, path []string) error
	)
	visit = func(name string, path []string) error {
		switch state[name] {
		case 1:
			return fmt.Errorf("tables refer to each other in a cycle: %s", strings.Join(append(path, name), " → "))
		case 2:
			return nil
		}
		state[name] = 1
		for _, fk := range sc[name].ForeignKeys {
			if fk.RefTable != name {
				if err := visit(fk.RefTable, append(path, name)); err != nil {
					return err
				}
			}
		}
		state[name] = 2
		order = append(order, name)
		return nil
	}
	for _, name := range sc.Names() {
		if err := visit(name, nil); err != nil {
			return nil, err
		}
	}
	return order, nil
}

// selectAll is the query reading every column of the table.
func (ct *copyTable) selectAll() string {
	return "SELECT " + quoteList(ct.columns) + " FROM " + quoteIdent(ct.name)
}

// insert is the statement adding one row.
func (ct *copyTable) insert() string {
	ph := make([]string, len(ct.columns))
	for i := range ph {
		ph[i] = fmt.Sprintf("$%d", i+1)
	}
	return "INSERT INTO " + quoteIdent(ct.name) + " (" + quoteList(ct.columns) + ") VALUES (" + strings.Join(ph, ", ") + ")"
}

// updateSelfRef is the statement setting a self-referring column of the row
// with the given primary key: $1 is the value, the key follows.
func (ct *copyTable) updateSelfRef(col int) string {
	var where []string
	for i, p := range ct.pk {
		where = append(where, fmt.Sprintf("%s = $%d", quoteIdent(ct.columns[p]), i+2))
	}
	return "UPDATE " + quoteIdent(ct.name) + " SET " + quoteIdent(ct.columns[col]) + " = $1 WHERE " + strings.Join(where, " AND ")
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quoteIdent(n)
	}
	return strings.Join(q, ", ")
}
