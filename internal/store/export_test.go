package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
)

// MigrateTo applies the migrations of a dialect ("sqlite" or "postgres")
// up to a version, for tests of what a migration does to existing data.
func MigrateTo(ctx context.Context, db *sql.DB, dialectName string, version int64) error {
	d := sqliteDialect
	if dialectName == "postgres" {
		d = postgresDialect
	}
	sub, err := fs.Sub(migrations, "migrations/"+d.name)
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(d.goose, db, sub)
	if err != nil {
		return fmt.Errorf("migrate to %d: %w", version, err)
	}
	_, err = p.UpTo(ctx, version)
	return err
}

// Exec runs one statement in a write transaction, for tests that need
// rows no public method writes alone.
func (s *Store) Exec(ctx context.Context, q string, args ...any) error {
	return s.write(ctx, func(t *tx) error {
		_, err := t.exec(q, args...)
		return err
	})
}
