package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// copySink is the target of Copy inside its one transaction.
type copySink interface {
	// clear deletes every row of the tables, which come in dependency order.
	clear(plan []*copyTable) error
	// load inserts the rows next returns until it returns a nil row.
	load(ct *copyTable, next func() ([]any, error)) error
	// exec runs one statement.
	exec(query string, args ...any) error
	// finish does what the database needs once every row is in.
	finish(plan []*copyTable) error
}

// bulkLoad runs fn in one transaction of the target that commits only if fn
// succeeds. On SQLite it has the writer to itself for as long as it takes.
func (s *Store) bulkLoad(ctx context.Context, fn func(copySink) error) error {
	if s.d.name == "postgres" {
		return pgx.BeginFunc(ctx, s.pool, func(t pgx.Tx) error {
			return fn(&pgSink{ctx: ctx, tx: t})
		})
	}
	w, ok := s.writer.(*batchWriter)
	if !ok {
		return fmt.Errorf("sqlite: no writer")
	}
	return w.alone(ctx, func(t *sql.Tx) error {
		return fn(&sqliteSink{ctx: ctx, tx: t})
	})
}

// sqliteSink loads rows into SQLite with a prepared INSERT per table.
type sqliteSink struct {
	ctx context.Context
	tx  *sql.Tx
}

func (k *sqliteSink) clear(plan []*copyTable) error {
	for i := len(plan) - 1; i >= 0; i-- {
		if _, err := k.tx.ExecContext(k.ctx, "DELETE FROM "+quoteIdent(plan[i].name)); err != nil {
			return fmt.Errorf("%s: %w", plan[i].name, err)
		}
	}
	return nil
}

func (k *sqliteSink) load(ct *copyTable, next func() ([]any, error)) error {
	st, err := k.tx.PrepareContext(k.ctx, ct.insert())
	if err != nil {
		return err
	}
	defer st.Close()
	for {
		row, err := next()
		if err != nil || row == nil {
			return err
		}
		for i, v := range row {
			row[i] = encodeFor(sqliteDialect, v)
		}
		if _, err := st.ExecContext(k.ctx, row...); err != nil {
			return err
		}
	}
}

func (k *sqliteSink) exec(query string, args ...any) error {
	for i, v := range args {
		args[i] = encodeFor(sqliteDialect, v)
	}
	_, err := k.tx.ExecContext(k.ctx, query, args...)
	return err
}

func (k *sqliteSink) finish([]*copyTable) error { return nil }

// pgSink loads rows into PostgreSQL with COPY.
type pgSink struct {
	ctx context.Context
	tx  pgx.Tx
}

func (k *pgSink) clear(plan []*copyTable) error {
	names := make([]string, len(plan))
	for i, ct := range plan {
		names[i] = ct.name
	}
	_, err := k.tx.Exec(k.ctx, "TRUNCATE "+quoteList(names))
	return err
}

func (k *pgSink) load(ct *copyTable, next func() ([]any, error)) error {
	_, err := k.tx.CopyFrom(k.ctx, pgx.Identifier{ct.name}, ct.columns, pgx.CopyFromFunc(next))
	return err
}

func (k *pgSink) exec(query string, args ...any) error {
	_, err := k.tx.Exec(k.ctx, query, args...)
	return err
}

// finish moves every sequence past the largest value copied into its
// column, so that rows inserted later do not collide with copied ones.
func (k *pgSink) finish([]*copyTable) error {
	rows, err := k.tx.Query(k.ctx, `SELECT table_name::text, column_name::text FROM information_schema.columns
		WHERE table_schema = current_schema() AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`)
	if err != nil {
		return err
	}
	cols, err := pgx.CollectRows(rows, pgx.RowToStructByPos[struct{ Table, Column string }])
	if err != nil {
		return err
	}
	for _, c := range cols {
		q := fmt.Sprintf(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(max(%[1]s), 0) + 1, false) FROM %[2]s`,
			quoteIdent(c.Column), quoteIdent(c.Table))
		if _, err := k.tx.Exec(k.ctx, q, quoteIdent(c.Table), c.Column); err != nil {
			return fmt.Errorf("sequence of %s.%s: %w", c.Table, c.Column, err)
		}
	}
	return nil
}
