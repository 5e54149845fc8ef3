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
	// claimLocks are the locking clauses a seat claim tries in turn: on
	// PostgreSQL first a seat no other transaction holds, then any.
	claimLocks []string
	// shard is the counter shard a transaction adds to: on PostgreSQL its
	// connection's, so that concurrent transactions seldom share one.
	shard string
	// sharedEventLock is an expression of the event's id in column e.id
	// that takes the event's lock shared until the transaction ends (see
	// seats.go) and yields 1.
	sharedEventLock string
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
	sqliteDialect = dialect{name: "sqlite", goose: goose.DialectSQLite3, forUpdate: "",
		claimLocks: []string{""}, shard: "0", sharedEventLock: "1"}
	postgresDialect = dialect{name: "postgres", goose: goose.DialectPostgres, forUpdate: " FOR UPDATE",
		claimLocks: []string{" FOR UPDATE SKIP LOCKED", " FOR UPDATE"}, shard: "pg_backend_pid() % 64",
		sharedEventLock: "(SELECT 1 FROM pg_advisory_xact_lock_shared(hashtextextended(e.id, 26)))"}
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
