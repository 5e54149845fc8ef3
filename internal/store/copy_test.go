package store_test

import (
	"bytes"
	"errors"
	"testing"

	symposium "symposium"
	"symposium/internal/demo"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// filledInstallation is a SQLite database holding the demo event with an
// account, a queued mail, a photo and a merge (people refer to people).
func filledInstallation(t *testing.T) (s *store.Store, photoOf, mergedID string, photo []byte) {
	t.Helper()
	ctx := t.Context()
	s = storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	u := &symposium.User{Email: "curator@example.org", Name: "Кураторова Ә.", IsCurator: true, Verified: true, Language: "kk"}
	if err := s.CreateUser(ctx, u, "hash"); err != nil {
		t.Fatal(err)
	}
	if err := s.EnqueueMail(ctx, symposium.Mail{To: "x@example.org", Subject: "你好", Text: "body"}); err != nil {
		t.Fatal(err)
	}
	var ids []string
	if err := s.EachPerson(ctx, func(p *symposium.Person) { ids = append(ids, p.ID) }); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Гүлнар Шаймергенова", "Gulnar Shaimergenova"} {
		p := &symposium.Person{Name: symposium.LocalizedText{"kk": name}, Country: "KZ"}
		if err := s.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	n := len(ids)
	photo = append([]byte{0xff, 0xd8, 0x00, 0x01}, bytes.Repeat([]byte{0, 0xfe, 7}, 5000)...)
	if err := s.SetPhoto(ctx, ids[0], "image/jpeg", photo); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergePeople(ctx, ids[n-2], ids[n-1], u.ID); err != nil {
		t.Fatal(err)
	}
	return s, ids[0], ids[n-1], photo
}

// TestCopyBothWays moves an installation from SQLite to PostgreSQL and back
// to a new SQLite file, and checks that every table of the schema came
// across with the same rows, that the copies read back as the application
// reads them, and that a target holding data is refused unless replaced.
func TestCopyBothWays(t *testing.T) {
	ctx := t.Context()
	src, photoOf, mergedID, photo := filledInstallation(t)
	pg := storetest.Postgres(t)

	there, err := store.Copy(ctx, src, pg, store.CopyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	schema, err := src.Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(there) != len(schema) {
		t.Errorf("copied %d tables, the schema has %d", len(there), len(schema))
	}
	rows := map[string]int64{}
	for _, tc := range there {
		rows[tc.Table] = tc.Rows
	}
	for _, name := range []string{"users", "people", "photos", "events", "contributions", "person_merges", "outbox", "site_settings"} {
		if rows[name] == 0 {
			t.Errorf("table %s: no rows copied", name)
		}
	}

	if _, err := store.Copy(ctx, src, pg, store.CopyOptions{}); !errors.Is(err, store.ErrTargetNotEmpty) {
		t.Fatalf("copy into a full database: got %v, want ErrTargetNotEmpty", err)
	}
	if _, err := store.Copy(ctx, src, pg, store.CopyOptions{Replace: true}); err != nil {
		t.Fatalf("copy with replace: %v", err)
	}

	home := storetest.SQLite(t)
	back, err := store.Copy(ctx, pg, home, store.CopyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, tc := range back {
		if there[i] != tc {
			t.Errorf("round trip changed %s: %+v, then %+v", tc.Table, there[i], tc)
		}
	}

	for name, s := range map[string]*store.Store{"postgres": pg, "sqlite again": home} {
		got, ct, err := s.Photo(ctx, photoOf)
		if err != nil || ct != "image/jpeg" || !bytes.Equal(got, photo) {
			t.Errorf("%s: photo %d bytes %q (%v), want %d bytes", name, len(got), ct, err, len(photo))
		}
		p, err := s.Person(ctx, mergedID)
		if err != nil || p.MergedInto == "" {
			t.Errorf("%s: the merged person: %+v, %v", name, p, err)
		}
		if _, err := s.EventBySlug(ctx, demo.Slug); err != nil {
			t.Errorf("%s: the demo event: %v", name, err)
		}
	}
}
