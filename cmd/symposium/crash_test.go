package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestMain lets the test binary serve as the symposium binary itself, for
// tests that must kill a real server process.
func TestMain(m *testing.M) {
	if os.Getenv("SYMPOSIUM_TEST_AS_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// TestCrashLosesNoConfirmedRegistration kills the server with SIGKILL in the
// middle of a registration rush and checks, after a restart, that every
// registration answered 201 is there with the status it was told, and
// that the counters agree with the rows.
func TestCrashLosesNoConfirmedRegistration(t *testing.T) {
	path := storetest.SQLitePath(t)
	slug, category := crashEvent(t, path)
	addr := freeAddr(t)
	srv := startServer(t, path, addr)
	base := "http://" + addr

	var mu sync.Mutex
	told := map[string]string{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 5 * time.Second}
	for c := 0; c < 50; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				email := fmt.Sprintf("c%02d-%05d@example.org", c, i)
				if status, ok := registerVia(client, base, slug, category, email); ok {
					mu.Lock()
					told[email] = status
					mu.Unlock()
				}
			}
		}(c)
	}
	// Kill mid-rush: once enough answers came back, however slow the
	// machine (the race detector, other tests) makes the server.
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		mu.Lock()
		n := len(told)
		mu.Unlock()
		if n >= 150 {
			break
		}
	}
	if err := srv.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = srv.Wait()
	close(stop)
	wg.Wait()
	if len(told) < 100 {
		t.Fatalf("only %d registrations were answered before the kill", len(told))
	}

	restarted := startServer(t, path, addr)
	defer func() { _ = restarted.Process.Signal(syscall.SIGTERM); _ = restarted.Wait() }()
	checkAfterCrash(t, path, slug, told)
}

// crashEvent makes an event with 300 seats and a waiting list.
func crashEvent(t *testing.T, path string) (string, string) {
	return rushEventAt(t, "sqlite:"+path)
}

// rushEventAt makes an event with 300 seats and a waiting list in the
// database at dsn.
func rushEventAt(t *testing.T, dsn string) (string, string) {
	ctx := context.Background()
	s, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e := &symposium.Event{Slug: "crash", Title: symposium.Text("en", "Crash"), Timezone: "UTC",
		StartsAt: time.Now().Add(24 * time.Hour), EndsAt: time.Now().Add(48 * time.Hour)}
	var p symposium.Problems
	e.Validate(&p)
	if err := s.CreateEvent(ctx, e, ""); err != nil {
		t.Fatal(err)
	}
	seats := 300
	c := &symposium.Category{EventID: e.ID, Name: symposium.Text("en", "Participant"), Capacity: &seats, Waitlist: true}
	if err := s.CreateCategory(ctx, c); err != nil {
		t.Fatal(err)
	}
	return e.Slug, c.ID
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServer runs "symposium serve" as a child process and waits until it
// answers.
func startServer(t *testing.T, path, addr string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "--addr", addr, "--db", "sqlite:"+path)
	cmd.Env = append(os.Environ(), "SYMPOSIUM_TEST_AS_MAIN=1", "SYMPOSIUM_LOG_LEVEL=error", "SYMPOSIUM_NO_CLIENT_LIMITS=1")
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			return cmd
		}
		time.Sleep(50 * time.Millisecond)
	}
	_ = cmd.Process.Kill()
	t.Fatal("the server did not start")
	return nil
}

func registerVia(client *http.Client, base, slug, category, email string) (string, bool) {
	body, _ := json.Marshal(map[string]any{"category_id": category, "email": email, "name": map[string]string{"en": email}})
	resp, err := client.Post(base+"/api/v1/events/"+slug+"/registrations", "application/json", bytes.NewReader(body))
	if err != nil {
		return "", false
	}
	defer resp.Body.Close()
	var r struct{ Status string }
	if resp.StatusCode != 201 || json.NewDecoder(resp.Body).Decode(&r) != nil {
		return "", false
	}
	return r.Status, true
}

// checkAfterCrash compares the database with what registrants were told.
func checkAfterCrash(t *testing.T, path, slug string, told map[string]string) {
	checkRegistrations(t, "sqlite:"+path, slug, told)
}

// checkRegistrations compares the database at dsn with what registrants
// were told: every answer has its row with the status it gave, the
// counters agree with the rows, and no more than the seats are confirmed.
func checkRegistrations(t *testing.T, dsn, slug string, told map[string]string) {
	ctx := context.Background()
	s, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, _ := s.EventBySlug(ctx, slug)
	stored := map[string]string{}
	counts := map[string]int{}
	for cursor := ""; ; {
		page, next, err := s.Registrations(ctx, store.RegistrationQuery{EventID: e.ID, Limit: 1000, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page {
			stored[r.Email] = r.Status
			counts[r.Status]++
		}
		if next == "" {
			break
		}
		cursor = next
	}
	for email, status := range told {
		if stored[email] != status {
			t.Fatalf("%s was told %q before the crash; after it the database says %q", email, status, stored[email])
		}
	}
	cats, _ := s.Categories(ctx, e.ID)
	if cats[0].Confirmed != counts["confirmed"] || cats[0].Waitlisted != counts["waitlisted"] || counts["confirmed"] > 300 {
		t.Errorf("counters %d/%d, rows %v", cats[0].Confirmed, cats[0].Waitlisted, counts)
	}
	t.Logf("%d answered before the kill, %d rows after (%v)", len(told), len(stored), counts)
}
