package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

func TestHealthAndMetrics(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	resp, body := e.do("GET", "/healthz", nil, nil)
	if resp.StatusCode != 200 || strings.TrimSpace(body) != `{"status":"ok"}` {
		t.Errorf("healthz = %d %q", resp.StatusCode, body)
	}
	e.do("GET", "/api/v1/events", nil, nil)
	_, metrics := e.do("GET", "/metrics", nil, nil)
	for _, want := range []string{`symposium_http_requests_total{code="200",method="GET",route="GET /api/v1/events"}`, "symposium_http_request_duration_seconds_bucket"} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// TestTokenAuthenticatesAPI is the acceptance path: an account made by
// "user add" gets a token that authenticates GET /api/v1/events.
func TestTokenAuthenticatesAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, token := e.user("a@example.org", true)
		resp, body := e.api("GET", "/api/v1/events", token, nil)
		if resp.StatusCode != 200 || body["items"] == nil {
			t.Errorf("GET /api/v1/events = %d %v", resp.StatusCode, body)
		}
		resp, body = e.api("GET", "/api/v1/me", token, nil)
		if resp.StatusCode != 200 || body["email"] != "a@example.org" || body["is_admin"] != true {
			t.Errorf("GET /api/v1/me = %d %v", resp.StatusCode, body)
		}
		resp, body = e.api("GET", "/api/v1/me", "sym_forged", nil)
		if resp.StatusCode != 401 || resp.Header.Get("Content-Type") != "application/problem+json" || body["status"] != float64(401) {
			t.Errorf("forged token = %d %s %v", resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
		if resp, _ := e.api("GET", "/api/v1/me", "", nil); resp.StatusCode != 401 {
			t.Errorf("anonymous /me = %d, want 401", resp.StatusCode)
		}
	})
}

func TestProblemDetails(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	_, token := e.organizer("p@example.org")
	big := `{"slug":"` + strings.Repeat("x", 2<<20) + `"}`
	resp, body := e.do("POST", "/api/v1/events", strings.NewReader(big), map[string]string{"Authorization": "Bearer " + token, "Content-Type": "application/json"})
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, `"status":413`) {
		t.Errorf("2 MB body = %d %s", resp.StatusCode, body[:min(len(body), 200)])
	}
	resp, body = e.do("POST", "/api/v1/events", strings.NewReader(`{"slug":`), map[string]string{"Authorization": "Bearer " + token, "Content-Type": "application/json"})
	if resp.StatusCode != 400 && resp.StatusCode != 422 {
		t.Errorf("broken JSON = %d %s", resp.StatusCode, body)
	}
	r, p := e.api("POST", "/api/v1/events", token, map[string]any{"slug": "Bad Slug", "title": map[string]string{"fr": "Titre"},
		"starts_at": "2030-05-22T10:00:00+05:00", "ends_at": "2030-05-22T09:00:00+05:00", "timezone": "Mars/Olympus"})
	if r.StatusCode != 422 {
		t.Fatalf("invalid event = %d %v", r.StatusCode, p)
	}
	fields := map[string]bool{}
	for _, f := range p["errors"].([]any) {
		fields[f.(map[string]any)["field"].(string)] = true
	}
	for _, want := range []string{"slug", "title.fr", "ends_at", "timezone"} {
		if !fields[want] {
			t.Errorf("errors lack %s: %v", want, p["errors"])
		}
	}
	if resp, _ := e.api("GET", "/api/v1/no-such-route", "", nil); resp.StatusCode != 404 || resp.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("unknown API route = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	// Localized: the same error in Russian.
	_, body = e.do("POST", "/api/v1/events", strings.NewReader(`{}`), map[string]string{"Authorization": "Bearer " + token,
		"Content-Type": "application/json", "Accept-Language": "ru-RU,ru;q=0.9"})
	if !strings.Contains(body, "Это поле обязательно.") {
		t.Errorf("Russian problem = %s", body)
	}
}

func TestSignInThrottledAndCrossSiteRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		e.user("w@example.org", false)
		codes := map[int]int{}
		for i := 0; i < 20; i++ {
			resp, _ := e.form("/signin", url.Values{"email": {"w@example.org"}, "password": {"wrong password"}}, nil)
			codes[resp.StatusCode]++
		}
		if codes[http.StatusTooManyRequests] == 0 || codes[http.StatusUnauthorized] == 0 {
			t.Errorf("20 wrong passwords gave %v; want 401s then 429s", codes)
		}
		resp, body := e.form("/signin", url.Values{"email": {"w@example.org"}, "password": {"correct horse battery"}},
			map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"})
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "<html") {
			t.Errorf("cross-site form POST = %d", resp.StatusCode)
		}
		resp, _ = e.do("POST", "/api/v1/events", strings.NewReader("{}"), map[string]string{"Origin": "https://evil.example",
			"Sec-Fetch-Site": "cross-site", "Content-Type": "application/json"})
		if resp.StatusCode != http.StatusForbidden || resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("cross-site API POST = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	})
}
