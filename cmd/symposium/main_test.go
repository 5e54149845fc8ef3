package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"symposium/internal/mail/smtptest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// syncBuffer is a buffer that the server may write to while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// runCmd runs a subcommand in-process with the given stdin and environment.
func runCmd(t *testing.T, ctx context.Context, vars map[string]string, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut syncBuffer
	env := environment{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, getenv: func(k string) string { return vars[k] }}
	err := run(ctx, args, env)
	return out.String(), errOut.String(), err
}

// TestAccountTokenAndServe is the acceptance path of the foundation: an
// administrator made with "user add", a token from "token create", and that
// token authenticating GET /api/v1/events on a running server.
func TestAccountTokenAndServe(t *testing.T) {
	for _, db := range []string{"sqlite", "postgres"} {
		t.Run(db, func(t *testing.T) {
			dsn := "sqlite:" + storetest.SQLitePath(t)
			if db == "postgres" {
				dsn = storetest.PostgresURL(t)
			}
			vars := map[string]string{"SYMPOSIUM_DB": dsn}
			ctx := context.Background()
			if _, errOut, err := runCmd(t, ctx, vars, "correct horse battery\n", "user", "add", "--email", "a@example.org", "--name", "A", "--admin"); err != nil {
				t.Fatalf("user add: %v\n%s", err, errOut)
			}
			if _, _, err := runCmd(t, ctx, vars, "short\n", "user", "add", "--email", "b@example.org", "--name", "B"); err == nil || !strings.Contains(err.Error(), "password") {
				t.Errorf("user add with a short password: %v", err)
			}
			if _, errOut, err := runCmd(t, ctx, vars, "correct horse battery\n", "user", "add", "--email", "o@example.org", "--name", "O", "--organizer", "--curator"); err != nil {
				t.Fatalf("user add --organizer --curator: %v\n%s", err, errOut)
			}
			checkAccounts(t, dsn)
			out, _, err := runCmd(t, ctx, vars, "", "token", "create", "--email", "a@example.org")
			if err != nil || !regexp.MustCompile(`^sym_[A-Za-z0-9_-]{43}\n$`).MatchString(out) {
				t.Fatalf("token create = %q, %v; want one line with the token", out, err)
			}
			base, stop := serve(t, vars)
			defer stop()
			req, _ := http.NewRequest("GET", base+"/api/v1/events", nil)
			req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(out))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || !strings.HasPrefix(string(body), `{"items":`) {
				t.Errorf("GET /api/v1/events with the token = %d %s", resp.StatusCode, body)
			}
		})
	}
}

// checkAccounts checks the accounts "user add" made: verified, with the
// grants asked for and no others.
func checkAccounts(t *testing.T, dsn string) {
	t.Helper()
	s, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, c := range []struct {
		email                     string
		admin, organizer, curator bool
	}{{"a@example.org", true, false, false}, {"o@example.org", false, true, true}} {
		u, _, err := s.UserByEmail(context.Background(), c.email)
		if err != nil || !u.Verified || u.IsAdmin != c.admin || u.CanCreateEvents != c.organizer || u.IsCurator != c.curator {
			t.Errorf("%s = %+v, %v; want verified, admin %v, organizer %v, curator %v", c.email, u, err, c.admin, c.organizer, c.curator)
		}
	}
}

// serve runs "serve" on a free port until stop is called, and returns its
// base URL.
func serve(t *testing.T, vars map[string]string, extra ...string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var errOut syncBuffer
	env := environment{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errOut, getenv: func(k string) string { return vars[k] }}
	done := make(chan error, 1)
	go func() { done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, extra...), env) }()
	re := regexp.MustCompile(`Symposium is running at (http://[0-9.:]+)`)
	for i := 0; i < 200; i++ {
		if m := re.FindStringSubmatch(errOut.String()); m != nil {
			return m[1], func() error { cancel(); return <-done }
		}
		select {
		case err := <-done:
			t.Fatalf("serve stopped: %v\n%s", err, errOut.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("serve did not start:\n%s", errOut.String())
	return "", nil
}

// TestShutdownSendsQueuedMail checks that stopping the server sends the mail
// queued by the last requests before the process ends.
func TestShutdownSendsQueuedMail(t *testing.T) {
	smtp := smtptest.Start(t)
	dsn := "sqlite:" + storetest.SQLitePath(t)
	vars := map[string]string{"SYMPOSIUM_DB": dsn, "SYMPOSIUM_SMTP_URL": smtp.URL()}
	ctx := context.Background()
	if _, _, err := runCmd(t, ctx, vars, "correct horse battery\n", "user", "add", "--email", "m@example.org", "--name", "M", "--lang", "kk"); err != nil {
		t.Fatal(err)
	}
	base, stop := serve(t, vars)
	resp, err := http.PostForm(base+"/password/forgot", url.Values{"email": {"m@example.org"}})
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("forgot: %v %v", resp, err)
	}
	resp.Body.Close()
	if err := stop(); err != nil {
		t.Fatalf("serve returned %v after a graceful stop", err)
	}
	msgs := smtp.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "m@example.org" || !strings.Contains(msgs[0].Subject, "құпиясөз") {
		t.Fatalf("delivered %+v; want the Kazakh reset mail", msgs)
	}
}

func TestDemoBackupVersion(t *testing.T) {
	path := storetest.SQLitePath(t)
	vars := map[string]string{"SYMPOSIUM_DB": "sqlite:" + path}
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		if _, _, err := runCmd(t, ctx, vars, "", "demo"); err != nil {
			t.Fatalf("demo run %d: %v", i+1, err)
		}
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	if _, _, err := runCmd(t, ctx, vars, "", "backup", backup); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, "sqlite:"+backup)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.EventBySlug(ctx, "astana-2024"); err != nil {
		t.Errorf("the backup lacks the demo event: %v", err)
	}
	if out, _, err := runCmd(t, ctx, vars, "", "version"); err != nil || strings.TrimSpace(out) == "" {
		t.Errorf("version = %q, %v", out, err)
	}
	if _, _, err := runCmd(t, ctx, vars, "", "frobnicate"); err == nil {
		t.Error("an unknown command succeeded")
	}
}
