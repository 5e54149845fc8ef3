// Package storetest opens real databases for tests: a fresh SQLite file, and
// a fresh schema on the PostgreSQL server named by SYMPOSIUM_TEST_POSTGRES.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"

	"symposium/internal/store"
)

// PostgresEnv names the environment variable holding the URL of the
// PostgreSQL server tests may create schemas on.
const PostgresEnv = "SYMPOSIUM_TEST_POSTGRES"

// Each runs f once on SQLite and once on PostgreSQL, as subtests named
// "sqlite" and "postgres" that run side by side (go test's -parallel
// bounds how many run at once): f must keep whatever it shares between
// the two safe for concurrent use. Each must be the test's last call, as
// the subtests run after the test's own function returns.
func Each(t *testing.T, f func(t *testing.T, s *store.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		f(t, SQLite(t))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		f(t, Postgres(t))
	})
}

// SQLite opens a store on a new database file in the test's temporary
// folder and closes it when the test ends.
func SQLite(t testing.TB) *store.Store {
	t.Helper()
	return open(t, "sqlite:"+SQLitePath(t))
}

// SQLitePath returns the path of a new database file for the test.
func SQLitePath(t testing.TB) string {
	return filepath.Join(t.TempDir(), "symposium.db")
}

// Postgres opens a store on a new, empty schema of the test server and drops
// the schema when the test ends. Without SYMPOSIUM_TEST_POSTGRES the test is
// skipped, except under CI=true, where it fails.
func Postgres(t testing.TB) *store.Store {
	t.Helper()
	return open(t, PostgresURL(t))
}

// PostgresURL creates a new schema on the test server and returns a URL
// whose connections use it; the schema is dropped when the test ends.
func PostgresURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: CI must run the PostgreSQL half of the store tests", PostgresEnv)
		}
		t.Skipf("%s is not set: skipping the PostgreSQL half", PostgresEnv)
	}
	schema := "test_" + randomHex(8)
	exec(t, base, "CREATE SCHEMA "+schema)
	t.Cleanup(func() { exec(t, base, "DROP SCHEMA "+schema+" CASCADE") })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", PostgresEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	// A test's schema is dropped at its end: its commits need not wait for
	// the disk. They are still transactions of the real server, seen by
	// every connection once committed.
	q.Set("synchronous_commit", "off")
	u.RawQuery = q.Encode()
	return u.String()
}

// open opens the store at dsn and closes it at the end of the test.
func open(t testing.TB, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// exec runs one statement on a connection of its own.
func exec(t testing.TB, dsn, stmt string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect to %s: %v", PostgresEnv, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, stmt); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
