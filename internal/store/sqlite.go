package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"runtime"

	_ "modernc.org/sqlite" // The pure-Go SQLite driver, registered as "sqlite".
)

// sqlitePragmas apply to every connection: write-ahead logging so readers
// never wait for the writer, enforced foreign keys, and a busy timeout.
// The writer adds synchronous=FULL: a commit that returned is on disk.
var sqlitePragmas = []string{
	"journal_mode(WAL)",
	"foreign_keys(1)",
	"busy_timeout(10000)",
	"cache_size(-16000)",
	// Temporary files in memory: the writer's savepoints, one per caller
	// of a batch, otherwise write their sub-journals to temporary files.
	"temp_store(MEMORY)",
}

// openSQLite opens the database file at path with one writer connection and
// a pool of read-only connections, and migrates it.
func openSQLite(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite: empty path")
	}
	wdb, err := sql.Open("sqlite", sqliteDSN(path, "synchronous(FULL)", "_txlock=immediate"))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open writer: %w", err)
	}
	wdb.SetMaxOpenConns(1)
	wdb.SetMaxIdleConns(1)
	wdb.SetConnMaxLifetime(0)
	wdb.SetConnMaxIdleTime(0)
	if err := migrate(ctx, wdb, sqliteDialect, nil); err != nil {
		wdb.Close()
		return nil, err
	}
	rdb, err := sql.Open("sqlite", sqliteDSN(path, "query_only(1)", ""))
	if err != nil {
		wdb.Close()
		return nil, fmt.Errorf("sqlite: open readers: %w", err)
	}
	n := max(4, runtime.GOMAXPROCS(0)*2)
	rdb.SetMaxOpenConns(n)
	rdb.SetMaxIdleConns(n)
	s := &Store{d: sqliteDialect, read: rdb, writer: newBatchWriter(wdb, sqliteDialect), path: path}
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// sqliteDSN builds the driver's connection string for path with the common
// pragmas, one extra pragma and an optional extra query parameter.
func sqliteDSN(path, pragma, param string) string {
	q := url.Values{}
	for _, p := range append(append([]string{}, sqlitePragmas...), pragma) {
		q.Add("_pragma", p)
	}
	dsn := "file:" + path + "?" + q.Encode()
	if param != "" {
		dsn += "&" + param
	}
	return dsn
}
