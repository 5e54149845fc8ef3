package server_test

import (
	"encoding/base64"
	"net/url"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

func TestMinutesConflictsAreCaughtOnBothSurfaces(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, token := e.organizer("organizer@example.org")
		ids := createSeedEvent(t, e, token, "pub", "public")
		path := "/api/v1/events/pub/contributions/" + ids["c1"] + "/minutes"
		resp, _ := e.api("PUT", path, token, map[string]any{"body": map[string]string{"en": "First text"}, "status": "published"})
		if resp.StatusCode != 200 || resp.Header.Get("ETag") != `"1"` {
			t.Fatalf("first save = %d, ETag %q", resp.StatusCode, resp.Header.Get("ETag"))
		}
		put := func(ifMatch string, body map[string]any) int {
			t.Helper()
			req := map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + token}
			if ifMatch != "" {
				req["If-Match"] = ifMatch
			}
			b := `{"body":{"en":"` + body["en"].(string) + `"}}`
			resp, _ := e.do("PUT", path, strings.NewReader(b), req)
			return resp.StatusCode
		}
		if got := put(`"1"`, map[string]any{"en": "Second text"}); got != 200 {
			t.Fatalf("save from revision 1 = %d", got)
		}
		if got := put(`"1"`, map[string]any{"en": "Lost text?"}); got != 412 {
			t.Errorf("stale If-Match = %d, want 412", got)
		}
		// The page: a writer who started from revision 1 sees the stored
		// text and keeps their own in the form.
		e.signIn("organizer@example.org")
		page := "/events/pub/contributions/" + ids["c1"] + "/minutes"
		resp, body := e.form(page, url.Values{"base": {"1"}, "body.en": {"My careful notes"}, "status": {"published"}}, nil)
		if resp.StatusCode != 409 || !strings.Contains(body, "Second text") || !strings.Contains(body, "My careful notes") {
			t.Errorf("conflict page = %d; want 409 with both texts", resp.StatusCode)
		}
		_, out := e.api("GET", path, "", nil)
		if m := out["minutes"].(map[string]any); m["revision"].(float64) != 2 || m["body"].(map[string]any)["en"] != "Second text" {
			t.Errorf("stored minutes = %v; want revision 2 unchanged", m)
		}
	})
}

func TestRefusedUploadsStoreNothingThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, token := e.organizer("organizer@example.org")
		createSeedEvent(t, e, token, "pub", "public")
		b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
		for _, c := range []struct {
			name, file, content string
			want                int
		}{
			{"wrong type", "slides.pdf", b64("MZ not a pdf"), 422},
			{"path", "../../etc/slides.pdf", b64("%PDF-1.4"), 422},
			{"control character", "sli\u0001des.pdf", b64("%PDF-1.4"), 422},
			{"oversized", "big.pdf", b64("%PDF-1.4" + strings.Repeat("x", 20<<20)), 413},
		} {
			resp, out := e.api("POST", "/api/v1/events/pub/materials", token, map[string]any{"file_name": c.file, "content": c.content})
			if resp.StatusCode != c.want {
				t.Errorf("%s = %d %v, want %d", c.name, resp.StatusCode, out, c.want)
			}
		}
		_, out := e.api("GET", "/api/v1/events/pub/materials", token, nil)
		if items := out["items"].([]any); len(items) != 0 {
			t.Errorf("after refused uploads the event holds %d materials", len(items))
		}
		resp, out := e.api("POST", "/api/v1/events/pub/materials", token, map[string]any{"file_name": "notes.txt", "content": b64("Программа · 议程")})
		if resp.StatusCode != 201 {
			t.Fatalf("a text file = %d %v", resp.StatusCode, out)
		}
		resp, body := e.do("GET", "/events/pub/materials/"+out["id"].(string)+"/file", nil, nil)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/plain; charset=utf-8" ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), `filename=notes.txt`) || resp.Header.Get("ETag") == "" || body != "Программа · 议程" {
			t.Errorf("download = %d %v %q", resp.StatusCode, resp.Header, body)
		}
		resp, _ = e.do("GET", "/events/pub/materials/"+out["id"].(string)+"/file", nil, map[string]string{"If-None-Match": resp.Header.Get("ETag")})
		if resp.StatusCode != 304 {
			t.Errorf("download again with its ETag = %d, want 304", resp.StatusCode)
		}
	})
}
