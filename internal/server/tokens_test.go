package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/secret"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestAPITokensThroughTheAPI makes, lists and revokes tokens through the
// API, and checks that revoked and expired tokens answer 401.
func TestAPITokensThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		u, first := e.user("k@example.org", false)
		_, stranger := e.user("s@example.org", false)
		if resp, _ := e.api("GET", "/api/v1/me/tokens", "", nil); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("anonymous token list = %d, want 401", resp.StatusCode)
		}
		resp, p := e.api("POST", "/api/v1/me/tokens", first, map[string]any{"name": "ci", "expires_at": time.Now().Add(-time.Hour).Format(time.RFC3339)})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(mapString(p), "expires_at") {
			t.Errorf("a token expiring in the past = %d %v; want 422 naming expires_at", resp.StatusCode, p)
		}
		until := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
		resp, made := e.api("POST", "/api/v1/me/tokens", first, map[string]any{"name": "ci", "expires_at": until.Format(time.RFC3339)})
		second, _ := made["token"].(string)
		if resp.StatusCode != http.StatusCreated || !strings.HasPrefix(second, "sym_") || made["name"] != "ci" ||
			made["expires_at"] != until.Format(time.RFC3339) || !strings.HasPrefix(second, made["prefix"].(string)) {
			t.Fatalf("create token = %d %v", resp.StatusCode, made)
		}
		resp, body := e.do("GET", "/api/v1/me/tokens", nil, map[string]string{"Authorization": "Bearer " + second})
		if resp.StatusCode != 200 || strings.Count(body, `"prefix"`) != 2 || strings.Contains(body, second) || strings.Contains(body, first) {
			t.Errorf("token list = %d %s; want both tokens, without their secrets", resp.StatusCode, body)
		}
		id := made["id"].(string)
		if resp, _ := e.api("DELETE", "/api/v1/me/tokens/"+id, stranger, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a stranger revoking the token = %d, want 404", resp.StatusCode)
		}
		if resp, _ := e.api("DELETE", "/api/v1/me/tokens/"+id, first, nil); resp.StatusCode != http.StatusNoContent {
			t.Errorf("revoke = %d, want 204", resp.StatusCode)
		}
		if resp, _ := e.api("GET", "/api/v1/me", second, nil); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("a revoked token = %d, want 401", resp.StatusCode)
		}
		expired := secret.New("sym_")
		if err := s.CreateAPIToken(ctx, u.ID, secret.Hash(expired), &symposium.APIToken{ExpiresAt: time.Now().Add(-time.Second)}); err != nil {
			t.Fatal(err)
		}
		if resp, _ := e.api("GET", "/api/v1/me", expired, nil); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("an expired token = %d, want 401", resp.StatusCode)
		}
		if resp, _ := e.api("GET", "/api/v1/me", first, nil); resp.StatusCode != 200 {
			t.Errorf("the first token after revoking the second = %d, want 200", resp.StatusCode)
		}
	})
}

// mapString writes a decoded JSON answer back as text, for searching.
func mapString(m map[string]any) string {
	b, _ := json.Marshal(m)
	return string(b)
}
