package server_test

import (
	"net/url"
	"strings"
	"testing"

	"symposium/internal/server"
	"symposium/internal/store/storetest"
)

// TestRequestLogRedactsTokens requests a page whose path carries a secret
// and reads the request log: the secret is not there.
func TestRequestLogRedactsTokens(t *testing.T) {
	e, logs := startLogged(t, storetest.SQLite(t), server.Config{})
	const secret = "inv_SecretTokenThatMustNotBeLogged"
	e.do("GET", "/invitations/"+secret+"?lang=ru", nil, nil)
	e.form("/invitations/"+secret, url.Values{"answer": {"decline"}}, nil)
	e.do("GET", "/registrations/manage?token="+secret, nil, nil)
	out := logs.String()
	if strings.Contains(out, secret) {
		t.Errorf("the request log carries the token:\n%s", out)
	}
	if !strings.Contains(out, `"path":"/invitations/[redacted]"`) {
		t.Errorf("the request log does not name the redacted path:\n%s", out)
	}
}
