package server_test

import (
	"net/url"
	"strings"
	"testing"

	"symposium/internal/store/storetest"
)

// TestAuthorDeclaresAConflict has an author declare, on the abstract's
// page, a conflict with a colleague, who can then not be assigned.
func TestAuthorDeclaresAConflict(t *testing.T) {
	f := newReviewFixture(t, storetest.SQLite(t))
	f.e.signIn("petrov@mail.example")
	_, page := f.e.do("GET", "/abstracts/"+f.abstracts[2]+"?lang=en", nil, nil)
	if !strings.Contains(page, `action="/abstracts/`+f.abstracts[2]+`/declare"`) {
		t.Fatal("the author's page offers no way to declare a conflict")
	}
	resp, _ := f.e.form("/abstracts/"+f.abstracts[2]+"/declare?lang=en", url.Values{"email": {"r4@example.org"}}, nil)
	if resp.StatusCode != 303 {
		t.Fatalf("declaring = %d, want a redirect", resp.StatusCode)
	}
	_, page = f.e.do("GET", "/abstracts/"+f.abstracts[2]+"?lang=en&notice=author_declared", nil, nil)
	if !strings.Contains(page, "will not review this abstract") {
		t.Error("the author is not told the conflict is recorded")
	}
	resp, body := f.e.api("POST", "/api/v1/abstracts/"+f.abstracts[2]+"/reviewers", f.manager, map[string]any{"email": "r4@example.org"})
	conflicts, _ := body["conflicts"].([]any)
	if resp.StatusCode != 409 || len(conflicts) == 0 || conflicts[0].(map[string]any)["reason"] != "declared" {
		t.Errorf("assigning the declared colleague = %d %v, want 409 for a declared conflict", resp.StatusCode, body)
	}
	resp, _ = f.e.form("/abstracts/"+f.abstracts[2]+"/declare", url.Values{"email": {"nobody@example.org"}}, nil)
	if resp.StatusCode != 422 {
		t.Errorf("declaring an unknown account = %d, want 422", resp.StatusCode)
	}
}
