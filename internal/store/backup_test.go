package store_test

import (
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestBackupWhileWriting takes a backup while writers keep committing, then
// opens the copy and finds every row committed before the backup began.
func TestBackupWhileWriting(t *testing.T) {
	s := storetest.SQLite(t)
	for i := 0; i < 200; i++ {
		if err := s.EnqueueMail(ctx, symposium.Mail{To: fmt.Sprintf("before%d@example.org", i), Subject: "s", Text: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	var stop atomic.Bool
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; !stop.Load(); i++ {
				if err := s.EnqueueMail(ctx, symposium.Mail{To: fmt.Sprintf("during%d-%d@example.org", w, i), Subject: "s", Text: "t"}); err != nil {
					t.Error(err)
					return
				}
			}
		}(w)
	}
	path := filepath.Join(t.TempDir(), "backup.db")
	err := s.Backup(ctx, path)
	stop.Store(true)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, path); err == nil {
		t.Error("backup over an existing file succeeded")
	}
	restored, err := store.Open(ctx, "sqlite:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	got := map[string]bool{}
	for before := ""; ; {
		page, err := restored.ListMail(ctx, before, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, m := range page {
			got[m.Mail.To] = true
		}
		before = page[len(page)-1].ID
	}
	for i := 0; i < 200; i++ {
		if !got[fmt.Sprintf("before%d@example.org", i)] {
			t.Fatalf("row before%d missing from the backup (%d rows restored)", i, len(got))
		}
	}
	t.Logf("backup holds %d rows", len(got))
}

func TestBackupRefusedOnPostgres(t *testing.T) {
	s := storetest.Postgres(t)
	if err := s.Backup(ctx, filepath.Join(t.TempDir(), "b.db")); err == nil {
		t.Error("backup of PostgreSQL succeeded; want a pointer to pg_dump")
	}
}
