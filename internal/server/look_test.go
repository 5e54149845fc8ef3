package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestEventAccent sets an event's accent colour through the API and the
// edit form: a colour that is not #rrggbb, or that white text on it does
// not contrast 4.5:1 with, is refused naming the field and changes
// nothing; a good one is served in the event's stylesheet, linked from its
// pages with the event's version, kept by caches while that version holds.
func TestEventAccent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, token := e.user("admin@example.org", true)
		createSeedEvent(t, e, token, "pub", "public")
		api := "/api/v1/events/pub"
		for _, bad := range []string{"blue", "#0b5cad0", "#fff", "#777777", "#ffcc00"} {
			resp, body := e.api("PATCH", api, token, map[string]any{"accent": bad, "title": map[string]string{"en": "Changed"}})
			if resp.StatusCode != 422 || !strings.Contains(jsonOf(body["errors"]), `"accent"`) {
				t.Errorf("accent %q = %d %v, want 422 naming accent", bad, resp.StatusCode, body)
			}
		}
		_, body := e.api("PATCH", api, token, map[string]any{"accent": "#777777"})
		if !strings.Contains(jsonOf(body), "4.5:1") {
			t.Errorf("low contrast error = %v, want the ratio told", body)
		}
		ev, err := s.EventBySlug(ctx, "pub")
		if err != nil || ev.Accent != "" || ev.Title["en"] == "Changed" {
			t.Fatalf("after refused changes the event is %+v, %v", ev, err)
		}
		if resp, _ := e.do("GET", "/events/pub", nil, nil); resp.StatusCode != 200 {
			t.Fatalf("event page = %d", resp.StatusCode)
		}
		_, page := e.do("GET", "/events/pub", nil, nil)
		if strings.Contains(page, "theme.css") {
			t.Errorf("an event without a colour links a stylesheet of its own")
		}

		got := e.mustAPI("PATCH", api, token, map[string]any{"accent": "#0B5CAD"}, 200)
		if got["accent"] != "#0b5cad" {
			t.Errorf("accent = %v, want #0b5cad", got["accent"])
		}
		_, page = e.do("GET", "/events/pub", nil, nil)
		link := between(page, `<link rel="stylesheet" href="/events/pub/theme.css?v=`, `"`)
		if link == "" {
			t.Fatalf("the event page links no stylesheet of its own")
		}
		if strings.Contains(page, "style=") {
			t.Errorf("the event page has an inline style")
		}
		resp, css := e.do("GET", "/events/pub/theme.css?v="+link, nil, nil)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/css; charset=utf-8" || !strings.Contains(css, "--accent: #0b5cad;") ||
			resp.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" {
			t.Errorf("theme = %d %q %q:\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Cache-Control"), css)
		}
		if resp, _ := e.do("GET", "/events/pub/theme.css?v=old", nil, nil); resp.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("an old version is cached: %q", resp.Header.Get("Cache-Control"))
		}
		if resp, _ := e.do("GET", "/events/nowhere/theme.css", nil, nil); resp.StatusCode != 404 {
			t.Errorf("theme of no event = %d", resp.StatusCode)
		}

		// The edit form refuses a pale colour naming the field, and keeps the stored one.
		e.signIn("admin@example.org")
		loc := ev.Location()
		form := url.Values{"slug": {"pub"}, "title.en": {"Pub"}, "timezone": {ev.Timezone}, "starts_at": {ev.StartsAt.In(loc).Format("2006-01-02T15:04")},
			"ends_at": {ev.EndsAt.In(loc).Format("2006-01-02T15:04")}, "kind": {"symposium"}, "status": {"published"}, "visibility": {"public"},
			"lang.en": {"on"}, "default_language": {"en"}, "accent": {"#ffcc00"}}
		resp, page = e.form("/events/pub/edit?lang=en", form, nil)
		if resp.StatusCode != 422 || !strings.Contains(page, `id="accent-error"`) || !strings.Contains(page, "choose a darker colour with at least 4.5:1") {
			t.Errorf("pale colour through the form = %d, want 422 with the field's error", resp.StatusCode)
		}
		if ev, _ := s.EventBySlug(ctx, "pub"); ev.Accent != "#0b5cad" {
			t.Errorf("a refused form changed the accent to %q", ev.Accent)
		}
		form.Set("accent", "#7a1f5c")
		if resp, _ := e.form("/events/pub/edit", form, nil); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("good colour through the form = %d", resp.StatusCode)
		}
		if ev, _ := s.EventBySlug(ctx, "pub"); ev.Accent != "#7a1f5c" {
			t.Errorf("accent after the form = %q", ev.Accent)
		}
	})
}

// between returns the text of s between the first start and the next end
// after it, or "".
func between(s, start, end string) string {
	_, after, ok := strings.Cut(s, start)
	if !ok {
		return ""
	}
	in, _, _ := strings.Cut(after, end)
	return in
}
