package server_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"symposium"
	"symposium/internal/accounts"
	"symposium/internal/i18n"
	"symposium/internal/server"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// fuzzServer is a server on a SQLite database, shared by the iterations of
// a fuzz target: an administrator's token and session, an event "fuzz"
// with a room, a person, a registration category and an open call, and a
// second, read-only handle on the database to tell whether a request
// changed anything.
type fuzzServer struct {
	handler http.Handler
	token   string
	cookie  *http.Cookie
	db      *sql.DB
	tables  []string
}

// fuzzSlug is the event the fuzz targets write to.
const fuzzSlug = "fuzz"

// newFuzzServer starts the server and fills it.
func newFuzzServer(tb testing.TB) *fuzzServer {
	tb.Helper()
	ctx := context.Background()
	path := storetest.SQLitePath(tb)
	s, err := store.Open(ctx, "sqlite:"+path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	cfg := accounts.DefaultConfig()
	cfg.Hash = accounts.HashParams{MemoryKiB: 64, Passes: 1, Threads: 1}
	acc, err := accounts.New(s, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	srv, err := server.New(server.Config{BaseURL: "http://symposium.test", Version: "fuzz"}, s, acc, i18n.Must(i18n.New()),
		slog.New(slog.NewJSONHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatal(err)
	}
	admin := &symposium.User{Email: "admin@example.org", Name: "Admin", IsAdmin: true, Verified: true, Language: "en"}
	if err := acc.AddUser(ctx, admin, "correct horse battery"); err != nil {
		tb.Fatal(err)
	}
	fs := &fuzzServer{handler: srv.Handler()}
	if fs.token, err = acc.CreateToken(ctx, admin.Email, "fuzz"); err != nil {
		tb.Fatal(err)
	}
	fs.fill(tb)
	fs.signIn(tb, admin.Email)
	if fs.db, err = sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)&_pragma=query_only(1)"); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = fs.db.Close() })
	fs.tables = fs.listTables(tb)
	return fs
}

// fill makes the event and what the fuzzed routes refer to.
func (fs *fuzzServer) fill(tb testing.TB) {
	tb.Helper()
	must := func(method, path, body string) map[string]any {
		tb.Helper()
		rec := fs.api(method, path, []byte(body))
		if rec.Code >= 300 {
			tb.Fatalf("%s %s = %d %s", method, path, rec.Code, rec.Body)
		}
		var out map[string]any
		_ = json.Unmarshal(rec.Body.Bytes(), &out)
		return out
	}
	must("POST", "/api/v1/events", `{"slug":"fuzz","title":{"en":"Fuzz symposium","ru":"Симпозиум"},"starts_at":"2031-05-22T10:00:00+05:00",
		"ends_at":"2031-05-22T17:00:00+05:00","timezone":"Asia/Almaty","languages":["en","ru"],"hold_minutes":5}`)
	must("POST", "/api/v1/events/fuzz/rooms", `{"name":{"en":"Main hall"},"capacity":100}`)
	must("POST", "/api/v1/people", `{"name":{"en":"Zhang Wei","zh":"张伟"},"email":"zhang@example.cn"}`)
	must("POST", "/api/v1/events/fuzz/registration-categories", `{"name":{"en":"Participant"},"capacity":1000,"waitlist":true}`)
	must("PUT", "/api/v1/events/fuzz/cfp", `{"opens_at":"2020-01-01T00:00:00Z","closes_at":"2031-01-01T00:00:00Z",
		"tracks":[{"name":{"en":"Energy"}}],"questions":[{"text":{"en":"Quality"},"kind":"rating","min":1,"max":5}]}`)
}

// ready makes the event again when an earlier input renamed it, so that
// every route keeps something to write to.
func (fs *fuzzServer) ready(tb testing.TB) {
	req := httptest.NewRequest("GET", "/api/v1/events/"+fuzzSlug, nil)
	req.Header.Set("Authorization", "Bearer "+fs.token)
	rec := httptest.NewRecorder()
	fs.handler.ServeHTTP(rec, req)
	if rec.Code == http.StatusNotFound {
		fs.fill(tb)
	}
}

// signIn starts the administrator's browser session, for the forms.
func (fs *fuzzServer) signIn(tb testing.TB, email string) {
	tb.Helper()
	form := url.Values{"email": {email}, "password": {"correct horse battery"}}
	req := httptest.NewRequest("POST", "/signin", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	fs.handler.ServeHTTP(rec, req)
	for _, c := range rec.Result().Cookies() {
		if c.Name == "symposium_session" {
			fs.cookie = c
		}
	}
	if fs.cookie == nil {
		tb.Fatalf("sign in = %d without a session", rec.Code)
	}
}

// api sends a JSON body with the administrator's token.
func (fs *fuzzServer) api(method, path string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+fs.token)
	rec := httptest.NewRecorder()
	fs.handler.ServeHTTP(rec, req)
	return rec
}

// form posts a form body, signed in unless anonymous, as the same site.
func (fs *fuzzServer) form(path string, body []byte, anonymous bool) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", path, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if !anonymous {
		req.AddCookie(fs.cookie)
	}
	rec := httptest.NewRecorder()
	fs.handler.ServeHTTP(rec, req)
	return rec
}

// listTables names the tables whose rows a refused request must leave as
// they were: all but sign-in throttling and sessions, which a failed
// sign-in may rightly touch, and event keys, which the check-in desk makes
// on first use, whatever the ticket.
func (fs *fuzzServer) listTables(tb testing.TB) []string {
	rows, err := fs.db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
		AND name NOT IN ('throttle', 'sessions', 'event_keys', 'goose_db_version') ORDER BY name`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			tb.Fatal(err)
		}
		out = append(out, name)
	}
	if len(out) < 20 {
		tb.Fatalf("only %d tables: %v", len(out), out)
	}
	return out
}

// fingerprint hashes the rows of each watched table.
func (fs *fuzzServer) fingerprint(tb testing.TB) map[string]string {
	out := make(map[string]string, len(fs.tables))
	for _, table := range fs.tables {
		rows, err := fs.db.Query(`SELECT * FROM "` + table + `"`)
		if err != nil {
			tb.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		h := sha256.New()
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				tb.Fatal(err)
			}
			fmt.Fprintf(h, "%v\n", vals)
		}
		rows.Close()
		out[table] = hex.EncodeToString(h.Sum(nil))
	}
	return out
}

// check fails when an answer is a server error, or when a refused request
// changed what is stored.
func (fs *fuzzServer) check(t *testing.T, what string, body []byte, before map[string]string, rec *httptest.ResponseRecorder) {
	t.Helper()
	if rec.Code >= 500 {
		t.Fatalf("%s with %q = %d %s", what, body, rec.Code, rec.Body)
	}
	if rec.Code < 400 {
		return
	}
	var changed []string
	for table, sum := range fs.fingerprint(t) {
		if before[table] != sum {
			changed = append(changed, table)
		}
	}
	if len(changed) > 0 {
		slices.Sort(changed)
		t.Fatalf("%s with %q was refused with %d but changed %v", what, body, rec.Code, changed)
	}
}

// apiRoutes are the API's main write routes, fuzzed with any JSON body.
var apiRoutes = []struct{ method, path string }{
	{"POST", "/api/v1/events"},
	{"PATCH", "/api/v1/events/" + fuzzSlug},
	{"POST", "/api/v1/organizations"},
	{"POST", "/api/v1/people"},
	{"POST", "/api/v1/events/" + fuzzSlug + "/rooms"},
	{"POST", "/api/v1/events/" + fuzzSlug + "/contributions"},
	{"POST", "/api/v1/events/" + fuzzSlug + "/registration-categories"},
	{"POST", "/api/v1/events/" + fuzzSlug + "/registrations"},
	{"PUT", "/api/v1/events/" + fuzzSlug + "/cfp"},
	{"POST", "/api/v1/events/" + fuzzSlug + "/abstracts"},
	{"POST", "/api/v1/events/" + fuzzSlug + "/roles"},
	{"POST", "/api/v1/events/" + fuzzSlug + "/checkins"},
	{"POST", "/api/v1/me/tokens"},
}

// FuzzAPIWrites sends any body to the API's main write routes through the
// real handler on SQLite: no answer is a server error, and a refused body
// changes nothing stored.
func FuzzAPIWrites(f *testing.F) {
	fs := newFuzzServer(f)
	f.Fuzz(func(t *testing.T, route uint8, body []byte) {
		r := apiRoutes[int(route)%len(apiRoutes)]
		fs.ready(t)
		before := fs.fingerprint(t)
		fs.check(t, r.method+" "+r.path, body, before, fs.api(r.method, r.path, body))
	})
}

// formRoutes are the main pages' forms, fuzzed with any form body; the
// sign-up and sign-in forms are posted without a session, since signing
// in ends the session the browser held.
var formRoutes = []struct {
	path      string
	anonymous bool
}{
	{"/signup", true},
	{"/signin", true},
	{"/password/forgot", true},
	{"/events/new", false},
	{"/events/" + fuzzSlug + "/edit", false},
	{"/events/" + fuzzSlug + "/editor/entries", false},
	{"/events/" + fuzzSlug + "/editor/rooms", false},
	{"/events/" + fuzzSlug + "/roles", false},
	{"/events/" + fuzzSlug + "/register", true},
	{"/events/" + fuzzSlug + "/cfp/edit", false},
	{"/events/" + fuzzSlug + "/abstracts/new", false},
	{"/people/new", false},
	{"/organizations/new", false},
	{"/account/tokens", false},
}

// FuzzFormPosts sends any form body to the main pages' forms through the
// real handler on SQLite: no answer is a server error, and a refused form
// changes nothing stored.
func FuzzFormPosts(f *testing.F) {
	fs := newFuzzServer(f)
	f.Fuzz(func(t *testing.T, route uint8, body []byte) {
		r := formRoutes[int(route)%len(formRoutes)]
		fs.ready(t)
		before := fs.fingerprint(t)
		fs.check(t, "POST "+r.path, body, before, fs.form(r.path, body, r.anonymous))
	})
}
