package store_test

import (
	"database/sql"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // The PostgreSQL driver, registered as "pgx".

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestIdentityMigrationKeepsAccounts fills a database at the version
// before identity came, then migrates it: the accounts count as verified,
// those managing an event may create events, the site keeps event creation
// closed, and registrations' manage links still open them.
func TestIdentityMigrationKeepsAccounts(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			driver, dsn, raw := "sqlite", "", ""
			if dialect == "postgres" {
				raw = storetest.PostgresURL(t)
				driver, dsn = "pgx", raw
			} else {
				path := storetest.SQLitePath(t)
				raw, dsn = "file:"+path+"?_pragma=foreign_keys(1)", "sqlite:"+path
			}
			db, err := sql.Open(driver, raw)
			if err != nil {
				t.Fatal(err)
			}
			if err := store.MigrateTo(ctx, db, dialect, 11); err != nil {
				t.Fatal(err)
			}
			at := "2024-05-01T00:00:00.000000Z"
			for _, q := range []string{
				`INSERT INTO users (id, email, name, password_hash, created_at, updated_at) VALUES
					('u1', 'manager@example.org', 'M', 'h', '` + at + `', '` + at + `'),
					('u2', 'plain@example.org', 'P', 'h', '` + at + `', '` + at + `')`,
				`INSERT INTO events (id, slug, kind, title, starts_at, ends_at, timezone, visibility, status, default_language, created_at, updated_at)
					VALUES ('e1', 'old', 'symposium', '{"en":"Old"}', '` + at + `', '` + at + `', 'UTC', 'public', 'published', 'en', '` + at + `', '` + at + `')`,
				`INSERT INTO event_roles (event_id, user_id, role, created_at) VALUES ('e1', 'u1', 'manager', '` + at + `'),
					('e1', 'u2', 'reviewer', '` + at + `')`,
				`INSERT INTO registration_categories (id, event_id, name, position, created_at) VALUES ('c1', 'e1', '{"en":"Guests"}', 0, '` + at + `')`,
				`INSERT INTO registrations (id, event_id, category_id, email, name, language, status, manage_token_hash, created_at, updated_at)
					VALUES ('r1', 'e1', 'c1', 'guest@example.org', '{"en":"G"}', 'en', 'confirmed', 'old-link', '` + at + `', '` + at + `')`,
			} {
				if _, err := db.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			db.Close()
			s, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for _, c := range []struct {
				email     string
				organizer bool
			}{{"manager@example.org", true}, {"plain@example.org", false}} {
				u, _, err := s.UserByEmail(ctx, c.email)
				if err != nil || !u.Verified || u.CanCreateEvents != c.organizer || u.IsCurator {
					t.Errorf("%s after the migration = %+v %v; want verified, organizer %v", c.email, u, err, c.organizer)
				}
			}
			if site, err := s.Site(ctx); err != nil || site.OpenEventCreation {
				t.Errorf("site = %+v %v; want event creation closed", site, err)
			}
			if r, err := s.RegistrationByManageToken(ctx, "old-link"); err != nil || r.ID != "r1" {
				t.Errorf("the manage link mailed before = %v %v", r, err)
			}
		})
	}
}
