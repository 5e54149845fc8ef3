package store_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestMigrationsInStep checks that every schema version exists for both
// databases, so neither falls behind the other.
func TestMigrationsInStep(t *testing.T) {
	versions := func(dir string) []string {
		entries, err := os.ReadDir(filepath.Join("migrations", dir))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		re := regexp.MustCompile(`^(\d+)_.*\.sql$`)
		for _, e := range entries {
			if m := re.FindStringSubmatch(e.Name()); m != nil {
				out = append(out, m[1])
			}
		}
		return out
	}
	sq, pg := versions("sqlite"), versions("postgres")
	if len(sq) == 0 || !slices.Equal(sq, pg) {
		t.Errorf("migration versions differ: sqlite %v, postgres %v", sq, pg)
	}
}

// TestMigrationsSameSchema checks that the two dialects' migrations make
// the same tables with the same columns (of the same kind: SQLite keeps
// times as TEXT), primary keys, foreign keys with their actions, indexes
// (unique or not, partial with the same predicate) and CHECK constraints.
func TestMigrationsSameSchema(t *testing.T) {
	ctx := t.Context()
	sq, err := storetest.SQLite(t).Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := storetest.Postgres(t).Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sq.Names(), pg.Names()) {
		t.Fatalf("tables differ:\nsqlite   %v\npostgres %v", sq.Names(), pg.Names())
	}
	for _, name := range sq.Names() {
		a, b := sq[name], pg[name]
		if len(a.Columns) != len(b.Columns) {
			t.Errorf("%s: columns differ:\nsqlite   %v\npostgres %v", name, a.Columns, b.Columns)
			continue
		}
		for i, ca := range a.Columns {
			cb := b.Columns[i]
			sameKind := ca.Kind == cb.Kind || (ca.Kind == store.KindText && cb.Kind == store.KindTime)
			if ca.Name != cb.Name || !sameKind || ca.NotNull != cb.NotNull {
				t.Errorf("%s: column %d differs: sqlite %+v, postgres %+v", name, i, ca, cb)
			}
		}
		if !slices.Equal(a.PrimaryKey, b.PrimaryKey) {
			t.Errorf("%s: primary keys differ: sqlite %v, postgres %v", name, a.PrimaryKey, b.PrimaryKey)
		}
		if !slices.Equal(a.ForeignKeys, b.ForeignKeys) {
			t.Errorf("%s: foreign keys differ:\nsqlite   %+v\npostgres %+v", name, a.ForeignKeys, b.ForeignKeys)
		}
		if !slices.EqualFunc(a.Indexes, b.Indexes, func(x, y store.Index) bool {
			return slices.Equal(x.Columns, y.Columns) && x.Unique == y.Unique && x.Where == y.Where
		}) {
			t.Errorf("%s: indexes differ:\nsqlite   %+v\npostgres %+v", name, a.Indexes, b.Indexes)
		}
		if a.Checks != b.Checks {
			t.Errorf("%s: CHECK constraints differ: sqlite %d, postgres %d", name, a.Checks, b.Checks)
		}
	}
}
