package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"symposium/internal/store/storetest"
)

// TestCopyCommand moves the demo installation from SQLite to PostgreSQL and
// back with "symposium copy", which reports every table verified, refuses a
// target holding data without --replace, and leaves databases a server
// starts on and serves the event from.
func TestCopyCommand(t *testing.T) {
	ctx := context.Background()
	from := "sqlite:" + storetest.SQLitePath(t)
	if _, _, err := runCmd(t, ctx, map[string]string{"SYMPOSIUM_DB": from}, "", "demo"); err != nil {
		t.Fatal(err)
	}
	pg := storetest.PostgresURL(t)
	out, errOut, err := runCmd(t, ctx, nil, "", "copy", "--from", from, "--to", pg)
	if err != nil {
		t.Fatalf("copy to PostgreSQL: %v\n%s", err, errOut)
	}
	for _, table := range []string{"events", "people", "contributions", "site_settings"} {
		if !strings.Contains(out, "\n"+table+" ") {
			t.Errorf("the report names no table %s:\n%s", table, out)
		}
	}
	if strings.Count(out, " verified\n") < 30 || !strings.Contains(errOut, "counts and checksums match") {
		t.Errorf("report:\n%s%s", out, errOut)
	}
	if _, _, err := runCmd(t, ctx, nil, "", "copy", "--from", from, "--to", pg); err == nil || !strings.Contains(err.Error(), "--replace") {
		t.Errorf("copy into a full database: %v; want a refusal naming --replace", err)
	}
	if _, errOut, err := runCmd(t, ctx, nil, "", "copy", "--from", from, "--to", pg, "--replace"); err != nil {
		t.Fatalf("copy --replace: %v\n%s", err, errOut)
	}
	home := "sqlite:" + filepath.Join(t.TempDir(), "home.db")
	back, errOut, err := runCmd(t, ctx, nil, "", "copy", "--from", pg, "--to", home)
	if err != nil {
		t.Fatalf("copy back to SQLite: %v\n%s", err, errOut)
	}
	if back != out {
		t.Errorf("the way back reports other rows or checksums:\nthere\n%s\nback\n%s", out, back)
	}
	for _, dsn := range []string{pg, home} {
		base, stop := serve(t, map[string]string{"SYMPOSIUM_DB": dsn})
		body := get(t, base+"/events/astana-2024/timetable?lang=en")
		_ = stop()
		if !strings.Contains(body, "Astana") {
			t.Errorf("%s: the copied timetable does not show the event", dsn)
		}
	}
	if _, _, err := runCmd(t, ctx, nil, "", "copy", "--from", from); exitStatus(err) != 2 {
		t.Errorf("copy without --to: %v, want exit status 2", err)
	}
}

// TestRestoreFromBackup backs up a live SQLite database with "symposium
// backup" in the middle of a registration rush, restores the file, starts a
// server on it and compares: every registration answered before the backup
// began is there with the status it was told, the counters agree with the
// rows, and the restored server shows the same timetable as the live one.
func TestRestoreFromBackup(t *testing.T) {
	ctx := context.Background()
	path := storetest.SQLitePath(t)
	vars := map[string]string{"SYMPOSIUM_DB": "sqlite:" + path, "SYMPOSIUM_NO_CLIENT_LIMITS": "true", "SYMPOSIUM_LOG_LEVEL": "error"}
	if _, _, err := runCmd(t, ctx, vars, "", "demo"); err != nil {
		t.Fatal(err)
	}
	slug, category := crashEvent(t, path)
	base, stop := serve(t, vars)
	defer stop()

	var (
		mu       sync.Mutex
		told     = map[string]string{}
		quit     = make(chan struct{})
		wg       sync.WaitGroup
		answered = func() int { mu.Lock(); defer mu.Unlock(); return len(told) }
	)
	client := &http.Client{Timeout: 10 * time.Second}
	for c := 0; c < 8; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-quit:
					return
				default:
				}
				email := fmt.Sprintf("r%d-%05d@example.org", c, i)
				if status, ok := registerVia(client, base, slug, category, email); ok {
					mu.Lock()
					told[email] = status
					mu.Unlock()
				}
			}
		}(c)
	}
	for deadline := time.Now().Add(30 * time.Second); answered() < 60 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
	}
	mu.Lock()
	before := make(map[string]string, len(told))
	for k, v := range told {
		before[k] = v
	}
	mu.Unlock()
	backup := filepath.Join(t.TempDir(), "backup.db")
	if _, errOut, err := runCmd(t, ctx, vars, "", "backup", backup); err != nil {
		t.Fatalf("backup: %v\n%s", err, errOut)
	}
	for deadline := time.Now().Add(10 * time.Second); answered() < len(before)+30 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
	}
	close(quit)
	wg.Wait()

	restored := filepath.Join(t.TempDir(), "restored.db")
	copyFile(t, backup, restored)
	checkAfterCrash(t, restored, slug, before)
	rbase, rstop := serve(t, map[string]string{"SYMPOSIUM_DB": "sqlite:" + restored})
	defer rstop()
	for _, page := range []string{"/events/astana-2024/timetable?lang=zh", "/events/astana-2024/speakers?lang=kk"} {
		if live, again := get(t, base+page), get(t, rbase+page); live != again {
			t.Errorf("%s differs between the live server and the restored one", page)
		}
	}
	t.Logf("%d registrations answered before the backup, %d in all", len(before), answered())
}

// get fetches a page and fails the test unless it answers 200.
func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s = %d", url, resp.StatusCode)
	}
	return string(body)
}

// copyFile copies a file, as restoring a backup does.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
