package server_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"symposium"
	"symposium/internal/server"
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

// TestMetricsToken checks that /metrics asks for its token when one is
// set, and stays open without one.
func TestMetricsToken(t *testing.T) {
	s := storetest.SQLite(t)
	open, _ := startLogged(t, s, server.Config{})
	if resp, body := open.do("GET", "/metrics", nil, nil); resp.StatusCode != 200 || !strings.Contains(body, "go_goroutines") {
		t.Errorf("/metrics without a token set = %d", resp.StatusCode)
	}
	e, _ := startLogged(t, s, server.Config{MetricsToken: "metrics-secret"})
	for header, want := range map[string]int{
		"":                           http.StatusUnauthorized,
		"Bearer wrong":               http.StatusUnauthorized,
		"Bearer metrics-secret-":     http.StatusUnauthorized,
		"Basic bWV0cmljcy1zZWNyZXQ=": http.StatusUnauthorized,
		"Bearer metrics-secret":      http.StatusOK,
	} {
		h := map[string]string{}
		if header != "" {
			h["Authorization"] = header
		}
		resp, body := e.do("GET", "/metrics", nil, h)
		if resp.StatusCode != want || (want == 200) != strings.Contains(body, "go_goroutines") {
			t.Errorf("/metrics with %q = %d; want %d", header, resp.StatusCode, want)
		}
		if want == http.StatusUnauthorized && resp.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("/metrics with %q refused without WWW-Authenticate", header)
		}
	}
}
