package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

// defaultMaxConns is how many connections an instance opens at most,
// unless its URL says otherwise with pool_max_conns.
const defaultMaxConns = 16

// openPostgres connects a pool to the PostgreSQL server at url and migrates
// the database, holding an advisory lock so that instances starting together
// migrate one at a time.
func openPostgres(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse url: %w", err)
	}
	cfg.MaxConnIdleTime = 5 * time.Minute
	if !strings.Contains(url, "pool_max_conns") {
		// pgx's default, four on this kind of machine, would queue the
		// registrations that seats let overlap (see seats.go).
		cfg.MaxConns = defaultMaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	db := stdlib.OpenDBFromPool(pool)
	if err := migrate(ctx, db, postgresDialect, schemaLock{}); err != nil {
		db.Close()
		pool.Close()
		return nil, err
	}
	s := &Store{d: postgresDialect, read: db, writer: &pgWriter{db: db}, pool: pool}
	s.votes = newVoteBatcher(s)
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// pgWriter runs each write transaction on its own; PostgreSQL handles the
// concurrency. A transaction that failed only for running concurrently with
// another (serialization failure, deadlock) is run again.
type pgWriter struct {
	db *sql.DB
}

func (w *pgWriter) write(ctx context.Context, fn func(*tx) error) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if err = w.try(ctx, fn); !isRetryable(err) {
			return err
		}
		time.Sleep(time.Duration(attempt+1) * 5 * time.Millisecond)
	}
	return err
}

// try runs fn once in a transaction. It uses the caller's context, since on
// PostgreSQL a transaction serves one caller only.
func (w *pgWriter) try(ctx context.Context, fn func(*tx) error) (err error) {
	sqlTx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = sqlTx.Rollback()
			err = fmt.Errorf("postgres: write panicked: %v", p)
		}
	}()
	if err := fn(&tx{sql: sqlTx, ctx: ctx, d: postgresDialect}); err != nil {
		_ = sqlTx.Rollback()
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("postgres: commit: %w", err)
	}
	return nil
}

func (w *pgWriter) close() error { return nil }
