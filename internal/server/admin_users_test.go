package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestSitePermissionsAreForAdministrators has an administrator find an
// account, make it an organizer and a curator, and open event creation to
// every verified account, through the API and the pages; anyone else is
// refused: 401 without signing in, 403 signed in.
func TestSitePermissionsAreForAdministrators(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("admin@example.org", true)
		u, other := e.user("aigerim@center.example", false)
		for _, c := range []struct {
			method, path string
			body         any
		}{
			{"GET", "/api/v1/users", nil},
			{"PATCH", "/api/v1/users/" + u.ID, map[string]any{"can_create_events": true}},
			{"GET", "/api/v1/site", nil},
			{"PUT", "/api/v1/site", map[string]any{"open_event_creation": true}},
		} {
			if resp, _ := e.api(c.method, c.path, "", c.body); resp.StatusCode != 401 {
				t.Errorf("%s %s anonymous = %d, want 401", c.method, c.path, resp.StatusCode)
			}
			if resp, _ := e.api(c.method, c.path, other, c.body); resp.StatusCode != 403 {
				t.Errorf("%s %s by an account = %d, want 403", c.method, c.path, resp.StatusCode)
			}
		}
		if resp, _ := e.api("GET", "/api/v1/me", other, nil); resp.StatusCode != 200 {
			t.Fatalf("me = %d", resp.StatusCode)
		}
		resp, list := e.api("GET", "/api/v1/users?q=aigerim", admin, nil)
		items, _ := list["items"].([]any)
		if resp.StatusCode != 200 || len(items) != 1 || items[0].(map[string]any)["email"] != "aigerim@center.example" {
			t.Fatalf("finding an account = %d %v", resp.StatusCode, list)
		}
		resp, body := e.api("PATCH", "/api/v1/users/"+u.ID, admin, map[string]any{"can_create_events": true, "is_curator": true})
		if resp.StatusCode != 200 || body["can_create_events"] != true || body["is_curator"] != true {
			t.Errorf("granting = %d %v", resp.StatusCode, body)
		}
		if _, me := e.api("GET", "/api/v1/me", other, nil); me["can_create_events"] != true || me["is_curator"] != true {
			t.Errorf("the account after the grant = %v", me)
		}
		if resp, _ := e.api("PATCH", "/api/v1/users/01JUNKJUNKJUNKJUNKJUNKJUNK", admin, map[string]any{"is_curator": true}); resp.StatusCode != 404 {
			t.Errorf("granting to no account = %d, want 404", resp.StatusCode)
		}
		if resp, site := e.api("GET", "/api/v1/site", admin, nil); resp.StatusCode != 200 || site["open_event_creation"] != false {
			t.Errorf("the site = %d %v; want event creation closed by default", resp.StatusCode, site)
		}
		if resp, site := e.api("PUT", "/api/v1/site", admin, map[string]any{"open_event_creation": true}); resp.StatusCode != 200 || site["open_event_creation"] != true {
			t.Errorf("opening event creation = %d %v", resp.StatusCode, site)
		}
		if _, site := e.api("GET", "/api/v1/site", admin, nil); site["open_event_creation"] != true {
			t.Errorf("the site after opening = %v", site)
		}

		// The pages.
		anonymous := e.browser()
		for _, path := range []string{"/admin/users", "/admin/site"} {
			if resp, _ := anonymous.do("GET", path, nil, nil); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/signin") {
				t.Errorf("GET %s anonymous = %d, want a redirect to sign in", path, resp.StatusCode)
			}
		}
		if resp, _ := anonymous.form("/admin/site", url.Values{}, nil); resp.StatusCode != 401 {
			t.Errorf("POST /admin/site anonymous = %d, want 401", resp.StatusCode)
		}
		e.signIn("aigerim@center.example")
		for _, path := range []string{"/admin/users", "/admin/site"} {
			if resp, _ := e.do("GET", path, nil, nil); resp.StatusCode != 403 {
				t.Errorf("GET %s by an account = %d, want 403", path, resp.StatusCode)
			}
		}
		if resp, _ := e.form("/admin/users/"+u.ID, url.Values{"can_create_events": {"yes"}}, nil); resp.StatusCode != 403 {
			t.Errorf("POST /admin/users/{id} by an account = %d, want 403", resp.StatusCode)
		}
		e.signIn("admin@example.org")
		resp, page := e.do("GET", "/admin/users?lang=en&q=aigerim", nil, nil)
		if resp.StatusCode != 200 || !strings.Contains(page, "aigerim@center.example") || strings.Contains(page, ">admin@example.org<") {
			t.Errorf("the accounts page = %d; want the account found and no other", resp.StatusCode)
		}
		if resp, _ := e.form("/admin/users/"+u.ID, url.Values{"is_curator": {"yes"}}, nil); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("changing the grants on the page = %d", resp.StatusCode)
		}
		if got, _ := s.UserByID(ctx, u.ID); got.IsCurator != true || got.CanCreateEvents {
			t.Errorf("after the page's change: curator %v, organizer %v; want a curator only", got.IsCurator, got.CanCreateEvents)
		}
		if resp, _ := e.form("/admin/site", url.Values{}, nil); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("closing event creation on the page = %d", resp.StatusCode)
		}
		if _, site := e.api("GET", "/api/v1/site", admin, nil); site["open_event_creation"] != false {
			t.Errorf("the page did not close event creation: %v", site)
		}
	})
}

// TestChangeEmail changes a verified account's email on the account page:
// the old address stays until the new one is verified through its link.
func TestChangeEmail(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		u, token := e.user("old@example.org", false)
		e.signIn("old@example.org")
		if _, page := e.do("GET", "/account?lang=en", nil, nil); !strings.Contains(page, "old@example.org") || !strings.Contains(page, `action="/account/email"`) {
			t.Fatal("the account page shows neither the email nor a way to change it")
		}
		resp, _ := e.form("/account/email", url.Values{"email": {"new@example.org"}, "password": {"wrong password"}}, nil)
		if resp.StatusCode != 422 {
			t.Errorf("changing the email with a wrong password = %d, want 422", resp.StatusCode)
		}
		resp, _ = e.form("/account/email", url.Values{"email": {"new@example.org"}, "password": {"correct horse battery"}}, nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("changing the email = %d", resp.StatusCode)
		}
		if _, me := e.api("GET", "/api/v1/me", token, nil); me["email"] != "old@example.org" || me["verified"] != true {
			t.Errorf("before the new address is verified, the account = %v; want the old address, verified", me)
		}
		e.form("/verify", url.Values{"token": {tokenOf(t, e, "new@example.org", "/verify")}}, nil)
		if _, me := e.api("GET", "/api/v1/me", token, nil); me["email"] != "new@example.org" || me["verified"] != true {
			t.Errorf("after verifying, the account = %v; want the new address, verified", me)
		}
		if got, _ := s.UserByID(ctx, u.ID); got.Email != "new@example.org" {
			t.Errorf("stored email = %q", got.Email)
		}
	})
}
