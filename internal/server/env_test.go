package server_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"symposium"
	"symposium/internal/accounts"
	"symposium/internal/i18n"
	"symposium/internal/server"
	"symposium/internal/store"
)

var ctx = context.Background()

// env is a running server on a real database, with a browser-like client.
type env struct {
	t        *testing.T
	store    *store.Store
	accounts *accounts.Service
	srv      *httptest.Server
	server   *server.Server
	client   *http.Client
}

// start runs a server on s with the production configuration, but for
// cheap password hashing.
func start(t *testing.T, s *store.Store, mail bool) *env {
	t.Helper()
	return startWith(t, s, mail, func(*accounts.Config) {})
}

// startUnlimited runs a server without the limits per client address, for
// tests whose many clients all come from this machine.
func startUnlimited(t *testing.T, s *store.Store) *env {
	t.Helper()
	return startWith(t, s, false, func(c *accounts.Config) { c.Limits = c.Limits.Unlimited() })
}

// startWith runs a server on s with the accounts' configuration changed by
// configure.
func startWith(t *testing.T, s *store.Store, mail bool, configure func(*accounts.Config)) *env {
	t.Helper()
	cfg := accounts.DefaultConfig()
	cfg.Hash = accounts.HashParams{MemoryKiB: 64, Passes: 1, Threads: 1}
	configure(&cfg)
	acc, err := accounts.New(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewJSONHandler(io.Discard, nil))
	srv, err := server.New(server.Config{BaseURL: "http://symposium.test", MailConfigured: mail, Version: "test"}, s, acc, i18n.Must(i18n.New()), log)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &env{t: t, store: s, accounts: acc, srv: ts, server: srv, client: client}
}

// user creates an account as "symposium user add" does, its email
// verified, and returns an API token for it.
func (e *env) user(email string, admin bool) (*symposium.User, string) {
	e.t.Helper()
	u := &symposium.User{Email: email, Name: "User " + email, IsAdmin: admin, Verified: true, Language: "en"}
	if err := e.accounts.AddUser(ctx, u, "correct horse battery"); err != nil {
		e.t.Fatal(err)
	}
	token, err := e.accounts.CreateToken(ctx, email, "test")
	if err != nil {
		e.t.Fatal(err)
	}
	return u, token
}

// do sends a request and returns the response with its body read.
func (e *env) do(method, path string, body io.Reader, header map[string]string) (*http.Response, string) {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := e.client.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// api sends a JSON request with a bearer token (none when token is "").
func (e *env) api(method, path, token string, body any) (*http.Response, map[string]any) {
	e.t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = strings.NewReader(string(b))
	}
	h := map[string]string{"Content-Type": "application/json"}
	if token != "" {
		h["Authorization"] = "Bearer " + token
	}
	resp, text := e.do(method, path, r, h)
	var out map[string]any
	_ = json.Unmarshal([]byte(text), &out)
	return resp, out
}

// form posts a form as a browser on the same site would.
func (e *env) form(path string, values url.Values, header map[string]string) (*http.Response, string) {
	e.t.Helper()
	h := map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Origin": e.srv.URL, "Sec-Fetch-Site": "same-origin"}
	for k, v := range header {
		h[k] = v
	}
	return e.do(http.MethodPost, path, strings.NewReader(values.Encode()), h)
}
