package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
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

// TestTokensPage makes, lists and revokes tokens on /account/tokens.
func TestTokensPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		e.user("k@example.org", false)
		e.user("s@example.org", false)
		if resp, _ := e.do("GET", "/account/tokens", nil, nil); resp.StatusCode != http.StatusSeeOther ||
			resp.Header.Get("Location") != "/signin?next=/account/tokens" {
			t.Errorf("anonymous tokens page = %d to %q; want to sign in first", resp.StatusCode, resp.Header.Get("Location"))
		}
		e.signIn("k@example.org")
		resp, page := e.do("GET", "/?lang=ru", nil, nil)
		if resp.StatusCode != 200 || !strings.Contains(page, `<a href="/account/tokens">API-токены</a>`) {
			t.Errorf("the header lacks the link to the tokens page")
		}
		resp, page = e.form("/account/tokens?lang=en", url.Values{"name": {"laptop"}, "lifetime": {"7"}}, nil)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Choose one of the options offered.") {
			t.Errorf("an unknown lifetime = %d; want 422 naming the field", resp.StatusCode)
		}
		resp, page = e.form("/account/tokens?lang=en", url.Values{"name": {"laptop"}, "lifetime": {"90"}}, nil)
		token := regexp.MustCompile(`sym_[A-Za-z0-9_-]{43}`).FindString(page)
		if resp.StatusCode != 200 || token == "" || resp.Header.Get("Cache-Control") != "no-store" || !strings.Contains(page, "laptop") {
			t.Fatalf("make a token = %d, Cache-Control %q; want the token shown once, never stored", resp.StatusCode, resp.Header.Get("Cache-Control"))
		}
		if resp, _ := e.api("GET", "/api/v1/me", token, nil); resp.StatusCode != 200 {
			t.Errorf("the page's token = %d on the API", resp.StatusCode)
		}
		_, page = e.do("GET", "/account/tokens?lang=en", nil, nil)
		if strings.Contains(page, token) || !strings.Contains(page, token[:12]+"…") {
			t.Errorf("the list shows the whole token, or not its start")
		}
		list, _ := e.accounts.Tokens(ctx, userOf(t, e, "k@example.org"))
		var id string
		for _, k := range list {
			if k.Name == "laptop" {
				id = k.ID
			}
		}
		e.signIn("s@example.org")
		if resp, _ := e.form("/account/tokens/"+id+"/revoke", nil, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a stranger revoking the token = %d, want 404", resp.StatusCode)
		}
		e.signIn("k@example.org")
		resp, _ = e.form("/account/tokens/"+id+"/revoke", nil, nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("revoke = %d", resp.StatusCode)
		}
		if _, page := e.do("GET", resp.Header.Get("Location")+"&lang=en", nil, nil); !strings.Contains(page, "The token was revoked") ||
			!strings.Contains(page, "Revoked") {
			t.Errorf("after revoking, the page does not say so")
		}
		if resp, _ := e.api("GET", "/api/v1/me", token, nil); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("the revoked token = %d, want 401", resp.StatusCode)
		}
	})
}

// userOf returns the account with that email.
func userOf(t *testing.T, e *env, email string) *symposium.User {
	t.Helper()
	u, _, err := e.store.UserByEmail(ctx, email)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
