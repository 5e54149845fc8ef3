package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
)

// Backup writes a consistent copy of a live SQLite database to path, which
// must not exist yet. The copy is taken inside one read transaction, so
// writers carry on meanwhile and the copy holds exactly the commits made
// before it began. PostgreSQL databases are backed up with pg_dump.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.d.name != "sqlite" {
		return errors.New("store: backup: PostgreSQL is backed up with pg_dump, not with symposium backup")
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("store: backup: %s already exists", path)
	}
	// The read pool is query-only, which VACUUM INTO refuses: it writes the
	// copy. A connection of its own reads the live database like any reader.
	db, err := sql.Open("sqlite", sqliteDSN(s.path, "query_only(0)", ""))
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO $1`, path); err != nil {
		return fmt.Errorf("store: backup to %s: %w", path, err)
	}
	return nil
}
