package store

import (
	"context"
	"database/sql"
)

// tx is a write transaction. Its statements run under the transaction's own
// context, not the caller's: on SQLite one commit serves several callers, and
// one caller going away must not interrupt the others' statements.
type tx struct {
	sql   *sql.Tx
	ctx   context.Context
	d     dialect
	stmts *stmtCache // SQLite's writer only

	changes *[]Change // the changes the caller's function made; see changed
	origin  string    // the store instance, in notifications
}

// stmt returns the prepared statement for query, or nil.
func (t *tx) stmt(query string) *sql.Stmt {
	if t.stmts == nil {
		return nil
	}
	return t.stmts.lookup(t.sql, t.ctx, query)
}

// exec runs a statement that returns no rows.
func (t *tx) exec(query string, args ...any) (sql.Result, error) {
	if st := t.stmt(query); st != nil {
		return st.ExecContext(t.ctx, args...)
	}
	return t.sql.ExecContext(t.ctx, query, args...)
}

// queryRow runs a query that returns at most one row.
func (t *tx) queryRow(query string, args ...any) *sql.Row {
	if st := t.stmt(query); st != nil {
		return st.QueryRowContext(t.ctx, args...)
	}
	return t.sql.QueryRowContext(t.ctx, query, args...)
}

// query runs a query that returns rows.
func (t *tx) query(query string, args ...any) (*sql.Rows, error) {
	if st := t.stmt(query); st != nil {
		return st.QueryContext(t.ctx, args...)
	}
	return t.sql.QueryContext(t.ctx, query, args...)
}

// affected returns how many rows a statement changed.
func affected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
