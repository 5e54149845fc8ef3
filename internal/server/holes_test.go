package server_test

import (
	"bytes"
	"html"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"symposium/internal/accounts"
	"symposium/internal/i18n"
	"symposium/internal/server"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// syncBuffer is a log destination the server's goroutines may share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startLogged starts a server like start does, with the given configuration
// and a log the test can read.
func startLogged(t *testing.T, s *store.Store, cfg server.Config) (*env, *syncBuffer) {
	t.Helper()
	acfg := accounts.DefaultConfig()
	acfg.Hash = accounts.HashParams{MemoryKiB: 64, Passes: 1, Threads: 1}
	acc, err := accounts.New(s, acfg)
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	if cfg.BaseURL == "" {
		cfg.BaseURL = "http://symposium.test"
	}
	cfg.Version = "test"
	srv, err := server.New(cfg, s, acc, i18n.Must(i18n.New()), slog.New(slog.NewJSONHandler(logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &env{t: t, store: s, accounts: acc, srv: ts, server: srv, client: client}, logs
}

// TestSignInStaysOnSite signs in with crafted next parameters: every one
// that a browser would resolve off the site lands on the front page.
func TestSignInStaysOnSite(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	e.user("someone@example.org", false)
	for next, want := range map[string]string{
		"/%09/evil.example":     "/",
		"/\t/evil.example":      "/",
		"//evil.example":        "/",
		"/\\evil.example":       "/",
		"\\\\evil.example":      "/",
		"https://evil.example":  "/",
		"/..//evil.example":     "/",
		"/%2e%2e//evil.example": "/",
		"/\r\n/evil.example":    "/",
		"/events/astana-2024":   "/events/astana-2024",
		"/search?q=a&lang=ru":   "/search?q=a&lang=ru",
	} {
		// The form carries the query parameter as the page received it.
		value := next
		if strings.Contains(next, "%") {
			value, _ = url.PathUnescape(next)
		}
		_, page := e.do("GET", "/signin?next="+url.QueryEscape(value), nil, nil)
		if !strings.Contains(page, `name="next" value="`+html.EscapeString(want)+`"`) {
			t.Errorf("the sign-in form for next=%q does not carry %q", next, want)
		}
		resp, _ := e.form("/signin", url.Values{"email": {"someone@example.org"}, "password": {"correct horse battery"}, "next": {value}}, nil)
		if got := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || got != want {
			t.Errorf("sign in with next=%q = %d to %q; want %q", next, resp.StatusCode, got, want)
		}
	}
}
