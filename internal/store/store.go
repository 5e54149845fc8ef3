// Package store keeps Symposium's data in SQLite or PostgreSQL. One Store
// speaks both: the SQL is portable, the differences live in dialect.go, and
// the migrations exist once per database with the same version numbers.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Store is the database behind Symposium. Reads go to a pool of
// connections; writes go through Write, which on SQLite funnels every
// transaction through one connection and commits concurrent ones together.
type Store struct {
	d      dialect
	read   *sql.DB
	writer writer
	// votes batches live votes on PostgreSQL (see live_votes_pg.go); nil
	// on SQLite, whose writer batches every write.
	votes *voteBatcher
	pool  *pgxpool.Pool // PostgreSQL only: for LISTEN/NOTIFY.
	path  string        // SQLite only: the database file.

	changes    changeFeed
	live       liveFeed // live questions' streams; see live_log.go
	timetables timetableCache
	keys       sync.Map // event ID → ed25519.PrivateKey: ticket keys never change
	files      string   // where materials' files go; "" for the database (see files.go)
}

// writer runs write transactions.
type writer interface {
	write(ctx context.Context, fn func(*tx) error) error
	close() error
}

// Open connects to the database named by dsn, either "sqlite:PATH" or a
// "postgres://" URL, and brings its schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	var (
		s   *Store
		err error
	)
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		s, err = openPostgres(ctx, dsn)
	case strings.HasPrefix(dsn, "sqlite:"):
		s, err = openSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	default:
		return nil, fmt.Errorf("store: open: unknown database %q: use sqlite:PATH or a postgres:// URL", dsn)
	}
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	s.changes.origin = newOrigin()
	return s, nil
}

// Dialect names the database: "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.d.name }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var one int
	if err := s.read.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// Close waits for pending writes and closes every connection.
func (s *Store) Close() error {
	if s.votes != nil {
		s.votes.close()
	}
	werr := s.writer.close()
	rerr := s.read.Close()
	if s.pool != nil {
		s.pool.Close()
	}
	if werr != nil {
		return fmt.Errorf("store: close: %w", werr)
	}
	if rerr != nil {
		return fmt.Errorf("store: close: %w", rerr)
	}
	return nil
}

// write runs fn in a write transaction and commits it durably before it
// returns nil. Statements inside fn must use the tx methods, which carry
// the transaction's own context.
//
// Changes the function records with tx.changed reach the subscribers (see
// Subscribe) once committed. An audit entry that ctx carries (see
// WithAudit) is written in the same transaction, so the change and its
// record commit together or not at all.
func (s *Store) write(ctx context.Context, fn func(*tx) error) error {
	var changes []Change
	entry := auditFrom(ctx)
	err := s.writer.write(ctx, func(t *tx) error {
		changes = changes[:0] // a transaction run again starts afresh
		t.changes, t.origin = &changes, s.changes.origin
		if err := fn(t); err != nil {
			return err
		}
		return writeAudit(t, entry)
	})
	if err == nil {
		s.changes.publish(changes)
		if entry != nil {
			entry.written = true
		}
	}
	return err
}
