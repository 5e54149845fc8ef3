package server_test

import (
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// session sends a JSON request as the client's signed-in browser would,
// with its session cookie and no token.
func (e *env) session(method, path string, body string) (*http.Response, string) {
	e.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	return e.do(method, path, r, map[string]string{"Content-Type": "application/json", "Origin": e.srv.URL, "Sec-Fetch-Site": "same-origin"})
}

// TestSignUpGivesNoAuthorRightsUntilVerified signs up with an author's
// address: the account reads and edits none of the author's abstracts, on
// the pages or through the API, until the mailed link is opened and its
// button pressed; fetching the link alone, as a mail scanner does, is not
// enough.
func TestSignUpGivesNoAuthorRightsUntilVerified(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("chair@example.org", true)
		createSeedEvent(t, e, admin, "astana", "public")
		track := openCall(t, e, admin, "astana")
		author := newPerson(t, e, admin, map[string]any{"name": map[string]string{"kk": "Әйгерім Нұрланова"}, "email": "aigerim@center.example"})
		id := submit(t, e, admin, "astana", track, "Digital trade routes", author)

		b := e.browser()
		resp, _ := b.form("/signup", url.Values{"name": {"Not Aigerim"}, "email": {"aigerim@center.example"}, "password": {"correct horse battery"}}, nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign-up = %d", resp.StatusCode)
		}
		token, err := e.accounts.CreateToken(ctx, "aigerim@center.example", "test")
		if err != nil {
			t.Fatal(err)
		}
		edit := map[string]any{"title": map[string]string{"en": "Taken over"}, "content": map[string]string{"en": "Changed."},
			"language": "en", "track_id": track, "author_ids": []string{author}, "presenter_id": author}
		refused := func(when string) {
			t.Helper()
			if resp, body := e.api("GET", "/api/v1/abstracts/"+id, token, nil); resp.StatusCode != 404 {
				t.Errorf("%s: API read = %d %v, want 404", when, resp.StatusCode, body)
			}
			if resp, _ := e.api("PUT", "/api/v1/abstracts/"+id, token, edit); resp.StatusCode != 404 {
				t.Errorf("%s: API edit = %d, want 404", when, resp.StatusCode)
			}
			for _, path := range []string{"/abstracts/" + id, "/abstracts/" + id + "/edit"} {
				if resp, _ := b.do("GET", path, nil, nil); resp.StatusCode != 404 {
					t.Errorf("%s: GET %s = %d, want 404", when, path, resp.StatusCode)
				}
			}
			if _, page := b.do("GET", "/events/astana/cfp?lang=en", nil, nil); strings.Contains(page, "Digital trade routes") {
				t.Errorf("%s: the call's page lists the author's abstract as the account's own", when)
			}
		}
		refused("unverified")

		verify := tokenOf(t, e, "aigerim@center.example", "/verify")
		resp, page := b.do("GET", "/verify?lang=en&token="+url.QueryEscape(verify), nil, nil)
		if resp.StatusCode != 200 || !strings.Contains(page, `action="/verify"`) {
			t.Fatalf("the verification link = %d; want a page with a button", resp.StatusCode)
		}
		refused("link fetched, button not pressed")

		if resp, _ := b.form("/verify", url.Values{"token": {verify}}, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("verify = %d", resp.StatusCode)
		}
		if resp, body := e.api("GET", "/api/v1/abstracts/"+id, token, nil); resp.StatusCode != 200 {
			t.Errorf("verified: API read = %d %v, want 200", resp.StatusCode, body)
		}
		if resp, _ := b.do("GET", "/abstracts/"+id, nil, nil); resp.StatusCode != 200 {
			t.Errorf("verified: the abstract's page = %d, want 200", resp.StatusCode)
		}
		if resp, body := e.api("PUT", "/api/v1/abstracts/"+id, token, edit); resp.StatusCode != 200 {
			t.Errorf("verified: API edit = %d %v, want 200", resp.StatusCode, body)
		}
		if resp, _ := b.form("/verify", url.Values{"token": {verify}}, nil); resp.StatusCode != 422 {
			t.Errorf("the verification link used twice = %d, want 422", resp.StatusCode)
		}
	})
}

// TestUnverifiedAccountIsNoPerson checks the other things an address gives
// only once verified: seeing a restricted event through a registration
// made under it, and being the person behind a registration.
func TestUnverifiedAccountIsNoPerson(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("chair@example.org", true)
		createSeedEvent(t, e, admin, "closed", "restricted")
		createSeedEvent(t, e, admin, "open", "public")
		category := func(slug string) string {
			resp, c := e.api("POST", "/api/v1/events/"+slug+"/registration-categories", admin, map[string]any{"name": map[string]string{"en": "Guests"}})
			if resp.StatusCode != 201 {
				t.Fatalf("category = %d %v", resp.StatusCode, c)
			}
			return c["id"].(string)
		}
		closed, open := category("closed"), category("open")
		if resp, r := e.api("POST", "/api/v1/events/closed/registrations", admin, map[string]any{"category_id": closed,
			"email": "guest@example.kz", "name": map[string]string{"en": "Guest"}}); resp.StatusCode != 201 {
			t.Fatalf("register the guest = %d %v", resp.StatusCode, r)
		}
		person := newPerson(t, e, admin, map[string]any{"name": map[string]string{"en": "The Guest"}, "email": "guest@example.kz"})

		b := e.browser()
		b.form("/signup", url.Values{"name": {"Guest"}, "email": {"guest@example.kz"}, "password": {"correct horse battery"}}, nil)
		if resp, _ := b.do("GET", "/events/closed", nil, nil); resp.StatusCode != 404 {
			t.Errorf("unverified: the restricted event = %d, want 404", resp.StatusCode)
		}
		resp, body := b.session("POST", "/api/v1/events/open/registrations", `{"category_id":"`+open+`","email":"guest@example.kz","name":{"en":"Guest"}}`)
		if resp.StatusCode != 201 || strings.Contains(body, "person_id") || strings.Contains(body, "manage_token") {
			t.Errorf("unverified: own registration = %d %s; want no person and no link given", resp.StatusCode, body)
		}

		b.form("/verify", url.Values{"token": {tokenOf(t, e, "guest@example.kz", "/verify")}}, nil)
		if resp, _ := b.do("GET", "/events/closed", nil, nil); resp.StatusCode != 200 {
			t.Errorf("verified: the restricted event = %d, want 200", resp.StatusCode)
		}
		createSeedEvent(t, e, admin, "third", "public")
		resp, body = b.session("POST", "/api/v1/events/third/registrations", `{"category_id":"`+category("third")+`","email":"guest@example.kz","name":{"en":"Guest"}}`)
		if resp.StatusCode != 201 || !strings.Contains(body, `"person_id":"`+person+`"`) {
			t.Errorf("verified: own registration = %d %s; want the person %s", resp.StatusCode, body, person)
		}
		// The registration made before verifying becomes the person's
		// once its mailed link is opened.
		list, _, err := s.Registrations(ctx, store.RegistrationQuery{EventID: eventID(t, s, "open"), Limit: 10})
		if err != nil || len(list) != 1 || list[0].PersonID != "" {
			t.Fatalf("the unverified registration = %+v %v; want no person yet", list, err)
		}
		for _, m := range mailsTo(t, e, "guest@example.kz") {
			if link := regexp.MustCompile(`/registrations/manage\?\S+`).FindString(m.Mail.Text); link != "" {
				b.do("GET", link, nil, nil)
			}
		}
		if r, err := s.Registration(ctx, list[0].ID); err != nil || r.PersonID != person {
			t.Errorf("after its link was opened, the registration's person = %q %v, want %s", r.PersonID, err, person)
		}
	})
}
