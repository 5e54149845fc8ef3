package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"symposium/internal/demo"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// anonymous fetches a page as a reader without a session, with the given
// request headers.
func anonymous(t *testing.T, e *env, path string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", e.srv.URL+path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// TestPageCache checks the public pages' cache: the same bytes and ETag
// again, 304 for a reader holding them, a change made through the API shown
// at once, and signed-in views rendered for the viewer and never served to
// anyone else.
func TestPageCache(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		if _, err := demo.Load(ctx, s); err != nil {
			t.Fatal(err)
		}
		e := start(t, s, false)
		_, token := e.user("admin@example.org", true)
		pages := []string{"/", "/events/astana-2024", "/events/astana-2024/timetable", "/events/astana-2024/speakers"}
		for _, page := range pages {
			r1, b1 := anonymous(t, e, page+"?lang=kk", nil)
			r2, b2 := anonymous(t, e, page+"?lang=kk", nil)
			etag := r1.Header.Get("ETag")
			if r1.StatusCode != 200 || b1 != b2 || etag == "" || r2.Header.Get("ETag") != etag {
				t.Errorf("%s: %d, again %d, ETag %q then %q", page, r1.StatusCode, r2.StatusCode, etag, r2.Header.Get("ETag"))
			}
			if cc := r1.Header.Get("Cache-Control"); cc != "public, no-cache" || !strings.Contains(r1.Header.Get("Vary"), "Cookie") {
				t.Errorf("%s: Cache-Control %q, Vary %q", page, cc, r1.Header.Get("Vary"))
			}
			if r1.Header.Get("Content-Security-Policy") == "" || r2.Header.Get("Content-Language") != "kk" {
				t.Errorf("%s: the cached answer lost its headers: %v", page, r2.Header)
			}
			if r3, b3 := anonymous(t, e, page+"?lang=kk", map[string]string{"If-None-Match": etag}); r3.StatusCode != 304 || b3 != "" {
				t.Errorf("%s with If-None-Match: %d, %d bytes", page, r3.StatusCode, len(b3))
			}
			if _, zh := anonymous(t, e, page+"?lang=zh", nil); !strings.Contains(zh, `<html lang="zh">`) {
				t.Errorf("%s in Chinese came from the Kazakh entry", page)
			}
		}

		before, _ := anonymous(t, e, "/events/astana-2024?lang=en", nil)
		if resp, body := e.api("PATCH", "/api/v1/events/astana-2024", token, map[string]any{"title": map[string]string{"en": "Renamed Symposium"}}); resp.StatusCode != 200 {
			t.Fatalf("rename = %d %v", resp.StatusCode, body)
		}
		after, body := anonymous(t, e, "/events/astana-2024?lang=en", map[string]string{"If-None-Match": before.Header.Get("ETag")})
		if after.StatusCode != 200 || !strings.Contains(body, "Renamed Symposium") {
			t.Errorf("after the rename: %d, renamed %v", after.StatusCode, strings.Contains(body, "Renamed Symposium"))
		}

		// A signed-in administrator sees the managers' tabs, uncached; the
		// anonymous page never shows them, before or after.
		if resp, _ := e.form("/signin", url.Values{"email": {"admin@example.org"}, "password": {"correct horse battery"}}, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign in = %d", resp.StatusCode)
		}
		edit := `href="/events/astana-2024/edit"`
		for i := 0; i < 2; i++ {
			resp, body := e.do("GET", "/events/astana-2024?lang=en", nil, nil)
			if !strings.Contains(body, edit) || resp.Header.Get("Cache-Control") != "private, no-cache" || resp.Header.Get("ETag") != "" {
				t.Errorf("signed-in view: edit link %v, Cache-Control %q, ETag %q", strings.Contains(body, edit), resp.Header.Get("Cache-Control"), resp.Header.Get("ETag"))
			}
			if _, body := anonymous(t, e, "/events/astana-2024?lang=en", nil); strings.Contains(body, edit) || strings.Contains(body, "admin@example.org") {
				t.Error("an anonymous reader got the administrator's view")
			}
		}
	})
}

// TestPageCacheAcrossInstances runs two instances on one PostgreSQL
// database: a change made through one reaches the other's cached pages
// through LISTEN/NOTIFY.
func TestPageCacheAcrossInstances(t *testing.T) {
	dsn := storetest.PostgresURL(t)
	open := func() *store.Store {
		s, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	s1, s2 := open(), open()
	if _, err := demo.Load(ctx, s1); err != nil {
		t.Fatal(err)
	}
	e1, e2 := start(t, s1, false), start(t, s2, false)
	listen, stop := context.WithCancel(ctx)
	defer stop()
	go s2.Listen(listen, slog.New(slog.NewJSONHandler(io.Discard, nil)))
	_, token := e1.user("admin@example.org", true)
	page := "/events/astana-2024/timetable?lang=en"
	anonymous(t, e2, page, nil)
	if _, body := anonymous(t, e2, page, nil); strings.Contains(body, "Renamed Symposium") {
		t.Fatal("renamed before the rename")
	}
	time.Sleep(200 * time.Millisecond) // the listener is attached
	if resp, body := e1.api("PATCH", "/api/v1/events/astana-2024", token, map[string]any{"title": map[string]string{"en": "Renamed Symposium"}}); resp.StatusCode != 200 {
		t.Fatalf("rename = %d %v", resp.StatusCode, body)
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, body := anonymous(t, e2, page, nil); strings.Contains(body, "Renamed Symposium") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the other instance still serves the old page 5 s after the change")
		}
	}
}
