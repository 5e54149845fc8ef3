package server_test

import (
	"encoding/json"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestIdempotencyKey repeats an API write with the same Idempotency-Key:
// the first answer comes back, marked replayed, and nothing is made twice;
// the key with another body is refused with 422 naming the header.
func TestIdempotencyKey(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, token := e.organizer("org@example.org")
		post := func(key, name string) (int, string, string) {
			h := map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + token, "Idempotency-Key": key}
			body := `{"name":{"en":"` + name + `"},"country":"KZ","kind":"university"}`
			resp, text := e.do("POST", "/api/v1/organizations?lang=ru", strings.NewReader(body), h)
			var out struct{ ID string }
			_ = json.Unmarshal([]byte(text), &out)
			return resp.StatusCode, out.ID + resp.Header.Get("Idempotency-Replayed"), text
		}
		code1, id1, _ := post("k-123", "Al-Farabi University")
		code2, id2, _ := post("k-123", "Al-Farabi University")
		if code1 != 201 || code2 != 201 || id2 != id1+"true" {
			t.Errorf("first %d %q, repeated %d %q: want the same organization, replayed", code1, id1, code2, id2)
		}
		if code, _, text := post("k-123", "Another University"); code != 422 || !strings.Contains(text, "Idempotency-Key") || !strings.Contains(text, "другого запроса") {
			t.Errorf("the key with another body = %d %s", code, text)
		}
		if _, other, _ := post("k-456", "Al-Farabi University"); other == id1 || other == "" {
			t.Errorf("another key made %q, want a new organization", other)
		}
		if code, _, _ := post("bad key with spaces", "X"); code != 400 {
			t.Errorf("a malformed key = %d, want 400", code)
		}
	})
}
