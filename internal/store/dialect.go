package store

import (
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// dialect is the one place where SQLite and PostgreSQL differ. Everything
// else in the store is portable SQL: both accept $1 placeholders, RETURNING
// and ON CONFLICT.
type dialect struct {
	name  string
	goose goose.Dialect
	// forUpdate locks the selected rows until the transaction ends. SQLite
	// needs no clause: its one writer already excludes every other.
	forUpdate string
}

// jsonEach returns a table expression with one row per element of the JSON
// array in the parameter, in a column named value: a list passed as one
// parameter, so that queries need no IN clause built from strings.
func (d dialect) jsonEach(param string) string {
	if d.name == "postgres" {
		return "jsonb_array_elements_text(" + param + "::jsonb) AS value"
	}
	return "json_each(" + param + ")"
}

var (
	sqliteDialect   = dialect{name: "sqlite", goose: goose.DialectSQLite3, forUpdate: ""}
	postgresDialect = dialect{name: "postgres", goose: goose.DialectPostgres, forUpdate: " FOR UPDATE"}
)

// isUniqueViolation reports whether err says a unique constraint refused a
// row, on either database, by error code rather than by message text.
func isUniqueViolation(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// isForeignKeyViolation reports whether err says a referenced row is absent.
func isForeignKeyViolation(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23503"
}

// isRetryable reports whether a PostgreSQL transaction failed only because
// it ran concurrently with another and may simply be run again.
func isRetryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}
