package server_test

import (
	"net/http"
	"regexp"
	"testing"

	"symposium"
	"symposium/internal/store/storetest"
	"symposium/internal/web"
)

// TestSecurityHeaders checks that every kind of answer carries nosniff,
// and that pages carry the strict Content-Security-Policy, the referrer
// policy and the refusal to be framed.
func TestSecurityHeaders(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	_, token := e.user("admin@example.org", true)
	createSeedEvent(t, e, token, "astana-2024", "public")
	ps := &symposium.Person{Name: symposium.Text("en", "Zhang Wei")}
	if err := e.store.CreatePerson(ctx, ps); err != nil {
		t.Fatal(err)
	}
	if err := e.store.SetPhoto(ctx, ps.ID, "image/jpeg", []byte("\xff\xd8\xff")); err != nil {
		t.Fatal(err)
	}
	_, home := e.do("GET", "/", nil, nil)
	css := regexp.MustCompile(`/static/app\.[0-9a-f]{10}\.css`).FindString(home)
	pages := []string{"/", "/signin", "/events/astana-2024", "/events/astana-2024/timetable", "/people/" + ps.ID, "/no/such/page"}
	others := []string{css, "/healthz", "/metrics", "/people/" + ps.ID + "/photo", "/events/astana-2024/timetable.ics",
		"/api/v1/events", "/api/v1/openapi.json", "/api/v1/no-such-route"}
	for _, path := range append(pages, others...) {
		resp, _ := e.do("GET", path, nil, nil)
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s = %d with X-Content-Type-Options %q; want nosniff", path, resp.StatusCode, got)
		}
	}
	for _, path := range pages {
		resp, _ := e.do("GET", path, nil, nil)
		h := resp.Header
		if h.Get("Content-Security-Policy") != web.ContentSecurityPolicy || h.Get("Referrer-Policy") != "same-origin" ||
			h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("GET %s = %d with CSP %q, Referrer-Policy %q, X-Frame-Options %q", path, resp.StatusCode,
				h.Get("Content-Security-Policy"), h.Get("Referrer-Policy"), h.Get("X-Frame-Options"))
		}
	}
	resp, _ := e.api("POST", "/api/v1/events", "", map[string]any{})
	if resp.StatusCode != http.StatusUnauthorized || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("an API error = %d without nosniff", resp.StatusCode)
	}
}
