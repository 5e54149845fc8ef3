package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pressly/goose/v3/lock"
)

// schemaLock keeps two instances from migrating one PostgreSQL schema at
// once. It waits on an advisory lock named after the schema rather than
// polling one lock for the whole server: instances of one installation
// queue for each other, while installations in other schemas of the same
// database (tests run hundreds) never wait at all.
type schemaLock struct{}

var _ lock.SessionLocker = schemaLock{}

// schemaLockKey is the advisory lock's key: the current schema's name,
// hashed.
const schemaLockKey = "hashtextextended('symposium migrations ' || current_schema(), 0)"

// SessionLock waits until this connection holds the schema's lock.
func (schemaLock) SessionLock(ctx context.Context, conn *sql.Conn) error {
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock("+schemaLockKey+")"); err != nil {
		return fmt.Errorf("lock the schema for migrations: %w", err)
	}
	return nil
}

// SessionUnlock releases the schema's lock.
func (schemaLock) SessionUnlock(ctx context.Context, conn *sql.Conn) error {
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_unlock("+schemaLockKey+")"); err != nil {
		return fmt.Errorf("unlock the schema after migrations: %w", err)
	}
	return nil
}
