package server_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// postLogo uploads a file as an event's logo, as the event's edit page
// does, and returns the answer and its body.
func (e *env) postLogo(t *testing.T, slug, name string, data []byte) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	part, err := w.CreateFormFile("logo", name)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = part.Write(data)
	_ = w.Close()
	return e.do("POST", "/events/"+slug+"/logo?lang=en", &body, map[string]string{"Content-Type": w.FormDataContentType(),
		"Origin": e.srv.URL, "Sec-Fetch-Site": "same-origin"})
}

// pngOf encodes a grey picture of the size as PNG.
func pngOf(t *testing.T, width, height int) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, width, height))
	img.Set(0, 0, color.Gray{Y: 90})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestEventLogo uploads an event's logo from its edit page: a file that is
// not a picture, or a picture too large, is refused naming the field and
// keeps the event without a logo; a PNG is stored as a clean JPEG, shown
// at the top of the event's pages with the event's title as its
// alternative text, and served to whoever sees the event, but a
// restricted event's logo to nobody else.
func TestEventLogo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, token := e.user("admin@example.org", true)
		createSeedEvent(t, e, token, "pub", "public")
		createSeedEvent(t, e, token, "res", "restricted")
		e.signIn("admin@example.org")
		for name, data := range map[string][]byte{"notes.txt": []byte("not a picture at all"), "huge.png": pngOf(t, 7000, 7000)} {
			resp, page := e.postLogo(t, "pub", name, data)
			if resp.StatusCode != 422 || !strings.Contains(page, `id="logo-error"`) || !strings.Contains(page, `href="#logo"`) {
				t.Errorf("logo %s = %d, want 422 with the logo field's error", name, resp.StatusCode)
			}
		}
		if ev, _ := s.EventBySlug(ctx, "pub"); ev.HasLogo {
			t.Fatalf("a refused upload gave the event a logo")
		}
		if resp, _ := e.do("GET", "/events/pub/logo", nil, nil); resp.StatusCode != 404 {
			t.Errorf("logo before any upload = %d", resp.StatusCode)
		}

		for _, slug := range []string{"pub", "res"} {
			if resp, _ := e.postLogo(t, slug, "logo.png", pngOf(t, 1600, 400)); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("upload %s logo = %d", slug, resp.StatusCode)
			}
		}
		_, page := e.do("GET", "/events/pub", nil, nil)
		src := between(page, `<img class="event-logo" src="`, `"`)
		if src == "" {
			t.Fatalf("the event page shows no logo")
		}
		ev, _ := s.EventBySlug(ctx, "pub")
		if !strings.Contains(page, `<img class="event-logo" src="`+src+`" alt="`+ev.Title["en"]+`">`) {
			t.Errorf("the logo's alternative text is not the event's title %q", ev.Title["en"])
		}
		resp, data := e.do("GET", strings.ReplaceAll(src, "&amp;", "&"), nil, nil)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/jpeg" || !strings.HasPrefix(data, "\xff\xd8") {
			t.Errorf("logo = %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if img, _, err := image.DecodeConfig(strings.NewReader(data)); err != nil || img.Width != 800 || img.Height != 200 {
			t.Errorf("stored logo is %+v, %v; want 800×200", img, err)
		}
		anon := e.browser()
		if resp, _ := anon.do("GET", "/events/pub/logo", nil, nil); resp.StatusCode != 200 {
			t.Errorf("public logo to a visitor = %d", resp.StatusCode)
		}
		if resp, _ := anon.do("GET", "/events/res/logo", nil, nil); resp.StatusCode != 404 {
			t.Errorf("restricted logo to a visitor = %d, want 404", resp.StatusCode)
		}
	})
}

// TestBadgesCarryTheLook prints the badges of an event with a logo and an
// accent colour: the logo is on them (the sheet's only picture).
func TestBadgesCarryTheLook(t *testing.T) {
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, token := e.organizer("m@example.org")
	cat := registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Participant"}})
	e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "email": "b@example.org", "name": map[string]string{"en": "Ada"}})
	e.signIn("m@example.org")
	_, before := e.do("GET", "/events/astana/badges.pdf", nil, nil)
	e.mustAPI("PATCH", "/api/v1/events/astana", token, map[string]any{"accent": "#7a1f5c"}, 200)
	if resp, _ := e.postLogo(t, "astana", "logo.png", pngOf(t, 300, 100)); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload logo = %d", resp.StatusCode)
	}
	resp, after := e.do("GET", "/events/astana/badges.pdf", nil, nil)
	if resp.StatusCode != 200 || strings.Contains(before, "/Subtype /Image") || !strings.Contains(after, "/Subtype /Image") {
		t.Errorf("badges = %d; the logo is not on them (before: %v, after: %v)", resp.StatusCode,
			strings.Contains(before, "/Subtype /Image"), strings.Contains(after, "/Subtype /Image"))
	}
}
