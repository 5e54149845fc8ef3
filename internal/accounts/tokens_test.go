package accounts_test

import (
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

func TestTokenLifetimes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		svc := newService(t, s)
		u := &symposium.User{Email: "k@example.org", Name: "K", Language: "en"}
		other := &symposium.User{Email: "o@example.org", Name: "O", Language: "en"}
		for _, a := range []*symposium.User{u, other} {
			if err := svc.AddUser(ctx, a, "correct horse battery"); err != nil {
				t.Fatal(err)
			}
		}
		if _, _, err := svc.IssueToken(ctx, u, "late", time.Now().Add(-time.Minute)); fieldOf(err) != "expires_at" {
			t.Errorf("a token expiring in the past: %v; want invalid expires_at", err)
		}
		if _, _, err := svc.IssueToken(ctx, u, strings.Repeat("n", 101), time.Time{}); fieldOf(err) != "name" {
			t.Errorf("a token with a long name: %v; want invalid name", err)
		}
		if _, _, err := svc.IssueToken(ctx, nil, "anonymous", time.Time{}); symposium.ErrorCode(err) != symposium.EUNAUTHORIZED {
			t.Errorf("a token for nobody: %v; want unauthorized", err)
		}
		until := time.Now().Add(24 * time.Hour)
		token, k, err := svc.IssueToken(ctx, u, " laptop ", until)
		if err != nil || !strings.HasPrefix(token, k.Prefix) || len(k.Prefix) != 12 || k.Name != "laptop" ||
			!k.ExpiresAt.Equal(until.UTC().Truncate(time.Microsecond)) {
			t.Fatalf("IssueToken = %q, %+v, %v", token, k, err)
		}
		if got, err := svc.TokenUser(ctx, token); err != nil || got.ID != u.ID {
			t.Fatalf("TokenUser = %v, %v", got, err)
		}
		list, err := svc.Tokens(ctx, u)
		if err != nil || len(list) != 1 || list[0].ID != k.ID || list[0].LastUsedAt.IsZero() {
			t.Errorf("Tokens = %+v, %v; want the laptop token, used", list, err)
		}
		if list, _ := svc.Tokens(ctx, other); len(list) != 0 {
			t.Errorf("another account lists %d tokens", len(list))
		}
		if err := svc.RevokeToken(ctx, other, k.ID); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("revoking another's token: %v; want not found", err)
		}
		if err := svc.RevokeToken(ctx, u, k.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.TokenUser(ctx, token); symposium.ErrorCode(err) != symposium.EUNAUTHORIZED {
			t.Errorf("a revoked token: %v; want unauthorized", err)
		}
	})
}

func TestRevokeTokensByPrefix(t *testing.T) {
	s := storetest.SQLite(t)
	svc := newService(t, s)
	u := &symposium.User{Email: "k@example.org", Name: "K", Language: "en"}
	if err := svc.AddUser(ctx, u, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	var tokens []string
	for range 3 {
		token, err := svc.CreateToken(ctx, u.Email, "cli")
		if err != nil {
			t.Fatal(err)
		}
		tokens = append(tokens, token)
	}
	if _, err := svc.RevokeTokens(ctx, u.Email, "sym_"); fieldOf(err) != "prefix" {
		t.Errorf("a prefix every token shares: %v; want it refused as ambiguous", err)
	}
	if _, err := svc.RevokeTokens(ctx, u.Email, "nope"); symposium.ErrorCode(err) != symposium.ENOTFOUND {
		t.Errorf("a prefix no token has: %v; want not found", err)
	}
	if n, err := svc.RevokeTokens(ctx, u.Email, tokens[0][:12]); err != nil || n != 1 {
		t.Errorf("revoke by the shown prefix = %d, %v", n, err)
	}
	if n, err := svc.RevokeTokens(ctx, u.Email, tokens[1]); err != nil || n != 1 {
		t.Errorf("revoke by the whole token = %d, %v", n, err)
	}
	for i, token := range tokens {
		_, err := svc.TokenUser(ctx, token)
		if revoked := i < 2; revoked != (symposium.ErrorCode(err) == symposium.EUNAUTHORIZED) {
			t.Errorf("token %d: TokenUser = %v", i, err)
		}
	}
	if n, err := svc.RevokeTokens(ctx, u.Email, ""); err != nil || n != 1 {
		t.Errorf("revoke all = %d, %v; want the one left", n, err)
	}
	if _, err := svc.TokenUser(ctx, tokens[2]); symposium.ErrorCode(err) != symposium.EUNAUTHORIZED {
		t.Errorf("after revoking all, the last token: %v", err)
	}
}

// fieldOf returns the first field an invalid-input error names.

// TestSweep checks that the sweeper's pass deletes an expired session and
// keeps a live one.
func TestSweep(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		svc := newService(t, s)
		u := &symposium.User{Email: "w@example.org", Name: "W", Language: "en"}
		if err := svc.AddUser(ctx, u, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateSession(ctx, u.ID, "ended", "", time.Now().Add(-time.Second)); err != nil {
			t.Fatal(err)
		}
		_, live, err := svc.SignIn(ctx, u.Email, "correct horse battery", "10.0.0.1", "")
		if err != nil {
			t.Fatal(err)
		}
		if n, err := svc.DeleteExpired(ctx); err != nil || n != 1 {
			t.Errorf("DeleteExpired = %d, %v; want the ended session", n, err)
		}
		if _, err := svc.SessionUser(ctx, live); err != nil {
			t.Errorf("the live session went: %v", err)
		}
	})
}
