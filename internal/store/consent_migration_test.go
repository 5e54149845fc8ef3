package store_test

import (
	"database/sql"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestPhotoConsentMovesIntoTheLog fills a database at the version before
// photo consent had one home, with answers kept on registrations and an
// older site-wide answer in the log, then migrates it: each registration
// reads the answer it held, now from the log of consents, and a
// registration that had not answered still reads the site-wide one.
func TestPhotoConsentMovesIntoTheLog(t *testing.T) {
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
			if err := store.MigrateTo(ctx, db, dialect, 22); err != nil {
				t.Fatal(err)
			}
			at := "2024-05-01T00:00:00.000000Z"
			for _, q := range []string{
				`INSERT INTO events (id, slug, kind, title, starts_at, ends_at, timezone, visibility, status, default_language, created_at, updated_at)
					VALUES ('e1', 'old', 'symposium', '{"en":"Old"}', '` + at + `', '` + at + `', 'UTC', 'public', 'published', 'en', '` + at + `', '` + at + `')`,
				`INSERT INTO registration_categories (id, event_id, name, position, created_at) VALUES ('c1', 'e1', '{"en":"Guests"}', 0, '` + at + `')`,
				`INSERT INTO registrations (id, event_id, category_id, email, name, language, status, manage_token_hash, created_at, updated_at, photo_consent)
					VALUES ('r1', 'e1', 'c1', 'yes@example.org', '{"en":"Y"}', 'en', 'confirmed', 'l1', '` + at + `', '` + at + `', 'yes'),
					('r2', 'e1', 'c1', 'no@example.org', '{"en":"N"}', 'kk', 'confirmed', 'l2', '` + at + `', '` + at + `', 'no'),
					('r3', 'e1', 'c1', 'site@example.org', '{"en":"S"}', 'en', 'confirmed', 'l3', '` + at + `', '` + at + `', '')`,
				// An older site-wide "yes" the registration's own "no" overrode.
				`INSERT INTO consents (id, email, kind, scope, granted, text, language, at)
					VALUES ('k1', 'no@example.org', 'photos', '', TRUE, '', 'en', '` + at + `'),
					('k2', 'site@example.org', 'photos', '', TRUE, '', 'en', '` + at + `')`,
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
			regs, _, err := s.Registrations(ctx, store.RegistrationQuery{EventID: "e1", Limit: 10})
			if err != nil || len(regs) != 3 {
				t.Fatalf("registrations after the migration: %v, %v", regs, err)
			}
			want := map[string]string{"yes@example.org": "yes", "no@example.org": "no", "site@example.org": "yes"}
			for _, r := range regs {
				if r.PhotoConsent != want[r.Email] {
					t.Errorf("%s after the migration reads %q; want %q", r.Email, r.PhotoConsent, want[r.Email])
				}
			}
			log, err := s.Consents(ctx, "no@example.org")
			if err != nil || len(log) != 2 || log[1].Granted || log[1].Scope != "e1" || log[1].Language != "kk" {
				t.Errorf("the log of no@example.org = %+v, %v; want the site's yes, then the event's no", log, err)
			}
		})
	}
}
