package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// TableCopy is what Copy did for one table: how many rows it copied and the
// checksum both databases agree on.
type TableCopy struct {
	Table    string
	Rows     int64
	Checksum string
}

// CopyOptions tunes Copy.
type CopyOptions struct {
	// Replace lets Copy empty a target that already holds data.
	Replace bool
	// Copied, when set, is told about each table once it is verified.
	Copied func(TableCopy)
}

// ErrTargetNotEmpty is returned by Copy when the target holds data and
// replacing it was not asked for.
var ErrTargetNotEmpty = errors.New("store: copy: the target database is not empty")

// Copy moves a whole installation from one database to another, either
// way between SQLite and PostgreSQL: every table the migrations made, read
// from one consistent snapshot of the source, written in one transaction
// of the target (which holds all of it or none), then read back and
// compared table by table, row count and checksum. The tables come from
// the schema, so tables added by later migrations are copied too.
//
// A target with data of its own is refused unless opts.Replace is set; the
// rows the migrations themselves insert do not count as data.
func Copy(ctx context.Context, from, to *Store, opts CopyOptions) ([]TableCopy, error) {
	plan, err := copyPlan(ctx, from, to)
	if err != nil {
		return nil, fmt.Errorf("store: copy: %w", err)
	}
	if err := to.checkEmpty(ctx, plan, opts.Replace); err != nil {
		return nil, err
	}
	sums, err := copyAll(ctx, from, to, plan)
	if err != nil {
		return nil, fmt.Errorf("store: copy: %w", err)
	}
	report := make([]TableCopy, 0, len(plan))
	for _, ct := range plan {
		got, err := to.tableChecksum(ctx, ct)
		if err != nil {
			return report, fmt.Errorf("store: copy: verify %s: %w", ct.name, err)
		}
		want := sums[ct.name]
		if got.rows != want.rows || got.String() != want.String() {
			return report, fmt.Errorf("store: copy: verify %s: the target holds %d rows (checksum %s), the source %d (checksum %s)",
				ct.name, got.rows, got.String(), want.rows, want.String())
		}
		tc := TableCopy{Table: ct.name, Rows: want.rows, Checksum: want.String()}
		report = append(report, tc)
		if opts.Copied != nil {
			opts.Copied(tc)
		}
	}
	return report, nil
}

// copyPlan reads both schemas and matches them.
func copyPlan(ctx context.Context, from, to *Store) ([]*copyTable, error) {
	if from.d.name == "sqlite" && to.d.name == "sqlite" && samePath(from.path, to.path) {
		return nil, errors.New("the source and the target are the same database")
	}
	fs, err := from.Schema(ctx)
	if err != nil {
		return nil, err
	}
	ts, err := to.Schema(ctx)
	if err != nil {
		return nil, err
	}
	return planCopy(fs, ts)
}

func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// copyAll reads every table from a snapshot of the source and writes it
// into the target in one transaction, returning the source's checksums.
func copyAll(ctx context.Context, from, to *Store, plan []*copyTable) (map[string]*checksum, error) {
	src, err := from.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	defer src.Rollback()
	sums := map[string]*checksum{}
	err = to.bulkLoad(ctx, func(sink copySink) error {
		sums = map[string]*checksum{} // a transaction run again starts afresh
		if err := sink.clear(plan); err != nil {
			return fmt.Errorf("empty the target: %w", err)
		}
		for _, ct := range plan {
			sum, err := copyOne(ctx, src, sink, ct)
			if err != nil {
				return fmt.Errorf("table %s: %w", ct.name, err)
			}
			sums[ct.name] = sum
		}
		return sink.finish(plan)
	})
	return sums, err
}

// snapshot begins a read-only transaction that sees one moment of the
// database throughout.
func (s *Store) snapshot(ctx context.Context) (*sql.Tx, error) {
	var opts *sql.TxOptions
	if s.d.name == "postgres" {
		opts = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	tx, err := s.read.BeginTx(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("begin the source's snapshot: %w", err)
	}
	return tx, nil
}

// selfRefUpdate is a self-referring value to set once every row is in.
type selfRefUpdate struct {
	col  int
	args []any
}

// copyOne copies one table's rows, the self-referring columns left empty
// until every row is there.
func copyOne(ctx context.Context, src *sql.Tx, sink copySink, ct *copyTable) (*checksum, error) {
	rows, err := src.QueryContext(ctx, ct.selectAll())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sum := &checksum{}
	var later []selfRefUpdate
	next := func() ([]any, error) {
		if !rows.Next() {
			return nil, rows.Err()
		}
		row, err := scanNormalized(rows, ct.kinds)
		if err != nil {
			return nil, err
		}
		sum.add(ct.kinds, row)
		for _, col := range ct.selfRef {
			if row[col] != nil {
				args := []any{row[col]}
				for _, p := range ct.pk {
					args = append(args, row[p])
				}
				later = append(later, selfRefUpdate{col: col, args: args})
				row[col] = nil
			}
		}
		return row, nil
	}
	if err := sink.load(ct, next); err != nil {
		return nil, err
	}
	for _, u := range later {
		if err := sink.exec(ct.updateSelfRef(u.col), u.args...); err != nil {
			return nil, err
		}
	}
	return sum, nil
}

// scanNormalized scans the current row into normalized values.
func scanNormalized(rows *sql.Rows, kinds []Kind) ([]any, error) {
	raw := make([]any, len(kinds))
	dest := make([]any, len(kinds))
	for i := range raw {
		dest[i] = &raw[i]
	}
	if err := rows.Scan(dest...); err != nil {
		return nil, err
	}
	for i, v := range raw {
		n, err := normalize(kinds[i], v)
		if err != nil {
			return nil, err
		}
		raw[i] = n
	}
	return raw, nil
}

// tableChecksum reads a whole table and sums it as Copy does.
func (s *Store) tableChecksum(ctx context.Context, ct *copyTable) (*checksum, error) {
	rows, err := s.read.QueryContext(ctx, ct.selectAll())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sum := &checksum{}
	for rows.Next() {
		row, err := scanNormalized(rows, ct.kinds)
		if err != nil {
			return nil, err
		}
		sum.add(ct.kinds, row)
	}
	return sum, rows.Err()
}

// checkEmpty refuses a target holding data unless replace is set. Rows the
// migrations insert (the site's settings) are not data: each table is
// compared with the same table in a database just migrated.
func (s *Store) checkEmpty(ctx context.Context, plan []*copyTable, replace bool) error {
	seeded, err := seededRows(ctx)
	if err != nil {
		return fmt.Errorf("store: copy: %w", err)
	}
	var full []string
	for _, ct := range plan {
		var n int64
		if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM "+quoteIdent(ct.name)).Scan(&n); err != nil {
			return fmt.Errorf("store: copy: count %s: %w", ct.name, err)
		}
		if n > seeded[ct.name] {
			full = append(full, fmt.Sprintf("%s (%d rows)", ct.name, n))
		}
	}
	if len(full) > 0 && !replace {
		return fmt.Errorf("%w: %s; give --replace to replace its data", ErrTargetNotEmpty, strings.Join(full, ", "))
	}
	return nil
}

// seededRows counts the rows of each table in a database just migrated.
func seededRows(ctx context.Context) (map[string]int64, error) {
	dir, err := os.MkdirTemp("", "symposium-copy-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	fresh, err := Open(ctx, "sqlite:"+filepath.Join(dir, "fresh.db"))
	if err != nil {
		return nil, err
	}
	defer fresh.Close()
	sc, err := fresh.Schema(ctx)
	if err != nil {
		return nil, err
	}
	counts := map[string]int64{}
	for _, name := range sc.Names() {
		var n int64
		if err := fresh.read.QueryRowContext(ctx, "SELECT count(*) FROM "+quoteIdent(name)).Scan(&n); err != nil {
			return nil, err
		}
		counts[name] = n
	}
	return counts, nil
}
