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

// Seats counts a pool's seats taken and free, and the confirmed
// registrations of the pool's category or event holding no seat or more
// than one of it, for tests that "never oversold" holds in the rows.
func (s *Store) Seats(ctx context.Context, pool string) (taken, free, unseated int, err error) {
	err = s.read.QueryRowContext(ctx, `SELECT
			(SELECT COUNT(*) FROM registration_seats WHERE pool = $1 AND registration_id IS NOT NULL),
			(SELECT COUNT(*) FROM registration_seats WHERE pool = $1 AND registration_id IS NULL),
			(SELECT COUNT(*) FROM registrations r WHERE r.status = 'confirmed' AND (r.category_id = $1 OR r.event_id = $1)
				AND (SELECT COUNT(*) FROM registration_seats x WHERE x.pool = $1 AND x.registration_id = r.id) <> 1)`, pool).
		Scan(&taken, &free, &unseated)
	return taken, free, unseated, err
}
