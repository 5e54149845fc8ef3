package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"symposium/internal/store/storetest"
)

// TestTokenCreateAndRevoke makes tokens from the command line, one with an
// expiry, revokes one by its prefix and then all, and checks each against
// a running server.
func TestTokenCreateAndRevoke(t *testing.T) {
	vars := map[string]string{"SYMPOSIUM_DB": "sqlite:" + storetest.SQLitePath(t)}
	ctx := context.Background()
	if _, errOut, err := runCmd(t, ctx, vars, "correct horse battery\n", "user", "add", "--email", "a@example.org", "--name", "A"); err != nil {
		t.Fatalf("user add: %v\n%s", err, errOut)
	}
	line := regexp.MustCompile(`^sym_[A-Za-z0-9_-]{43}\n$`)
	var tokens []string
	for _, extra := range [][]string{nil, {"--name", "ci", "--expires", "90d"}, {"--expires", "12h"}} {
		out, errOut, err := runCmd(t, ctx, vars, "", append([]string{"token", "create", "--email", "a@example.org"}, extra...)...)
		if err != nil || !line.MatchString(out) {
			t.Fatalf("token create %v = %q, %v %s; want one line with the token", extra, out, err, errOut)
		}
		tokens = append(tokens, strings.TrimSpace(out))
	}
	for _, bad := range []string{"0d", "soon", "-1h", "1.5d"} {
		if _, _, err := runCmd(t, ctx, vars, "", "token", "create", "--email", "a@example.org", "--expires", bad); err == nil {
			t.Errorf("token create --expires %s succeeded", bad)
		}
	}
	if _, _, err := runCmd(t, ctx, vars, "", "token", "revoke", "--email", "a@example.org", "sym_"); err == nil ||
		!strings.Contains(err.Error(), "3 tokens start so") {
		t.Errorf("revoke with a prefix all tokens share: %v", err)
	}
	if _, _, err := runCmd(t, ctx, vars, "", "token", "revoke", "--email", "a@example.org", "sym_nope"); err == nil ||
		!strings.Contains(err.Error(), "No active token") {
		t.Errorf("revoke with an unknown prefix: %v", err)
	}
	if _, _, err := runCmd(t, ctx, vars, "", "token", "revoke", "--email", "nobody@example.org"); err == nil ||
		!strings.Contains(err.Error(), "No account uses this email") {
		t.Errorf("revoke for an unknown account: %v", err)
	}
	// The prefix goes before or after the flags.
	if _, errOut, err := runCmd(t, ctx, vars, "", "token", "revoke", tokens[0][:12], "--email", "a@example.org"); err != nil ||
		!strings.Contains(errOut, "revoked 1 token") {
		t.Fatalf("revoke by prefix: %v %s", err, errOut)
	}
	base, stop := serve(t, vars)
	defer stop()
	status := func(token string) int {
		req, _ := http.NewRequest("GET", base+"/api/v1/me", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	if a, b := status(tokens[0]), status(tokens[1]); a != 401 || b != 200 {
		t.Errorf("after revoking the first token: %d, %d; want 401, 200", a, b)
	}
	if _, errOut, err := runCmd(t, ctx, vars, "", "token", "revoke", "--email", "a@example.org"); err != nil || !strings.Contains(errOut, "revoked 2 token") {
		t.Fatalf("revoke all: %v %s", err, errOut)
	}
	if b, c := status(tokens[1]), status(tokens[2]); b != 401 || c != 401 {
		t.Errorf("after revoking all: %d, %d; want 401, 401", b, c)
	}
}

func TestParseLifetime(t *testing.T) {
	for in, want := range map[string]time.Duration{"90d": 90 * 24 * time.Hour, "12h": 12 * time.Hour, "1h30m": 90 * time.Minute} {
		if got, err := parseLifetime(in); err != nil || got != want {
			t.Errorf("parseLifetime(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "d", "0d", "-3d", "3.5d", "0s", "-1h", "forever"} {
		if _, err := parseLifetime(in); err == nil {
			t.Errorf("parseLifetime(%q) succeeded", in)
		}
	}
}
