package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestParallelWrongPasswords sends 40 wrong passwords at once: at most the
// account's limit are answered 401, the rest 429, and the owner still gets
// in through a sign-in link mailed to them.
func TestParallelWrongPasswords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		e.user("owner@example.org", false)
		var mu sync.Mutex
		codes := map[int]int{}
		var wg sync.WaitGroup
		for i := 0; i < 40; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				resp, _ := e.browser().form("/signin", url.Values{"email": {"owner@example.org"}, "password": {"wrong password"}}, nil)
				mu.Lock()
				codes[resp.StatusCode]++
				mu.Unlock()
			}()
		}
		wg.Wait()
		if codes[http.StatusUnauthorized] > 10 || codes[http.StatusUnauthorized]+codes[http.StatusTooManyRequests] != 40 {
			t.Errorf("40 parallel wrong passwords gave %v; want at most 10 answered 401, the rest 429", codes)
		}
		owner := e.browser()
		resp, page := owner.form("/signin?lang=en", url.Values{"email": {"owner@example.org"}, "password": {"correct horse battery"}}, nil)
		if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(page, `href="/signin/email`) {
			t.Fatalf("the owner's password while throttled = %d; want 429 offering a link by mail", resp.StatusCode)
		}
		resp, _ = owner.form("/signin/email", url.Values{"email": {"owner@example.org"}}, nil)
		if resp.StatusCode != 200 {
			t.Fatalf("asking for a sign-in link = %d", resp.StatusCode)
		}
		token := tokenOf(t, e, "owner@example.org", "/signin/link")
		resp, page = owner.do("GET", "/signin/link?lang=en&token="+url.QueryEscape(token), nil, nil)
		if resp.StatusCode != 200 || !strings.Contains(page, `action="/signin/link"`) || sessionCookie(resp) != nil {
			t.Fatalf("opening the sign-in link = %d; want a page with a button, not yet signed in", resp.StatusCode)
		}
		resp, _ = owner.form("/signin/link", url.Values{"token": {token}}, nil)
		if resp.StatusCode != http.StatusSeeOther || sessionCookie(resp) == nil {
			t.Fatalf("signing in with the link = %d", resp.StatusCode)
		}
		if _, page := owner.do("GET", "/", nil, nil); !strings.Contains(page, "User owner@example.org") {
			t.Error("the owner is not signed in after using the link")
		}
		if resp, _ := e.browser().form("/signin/link", url.Values{"token": {token}}, nil); resp.StatusCode == http.StatusSeeOther {
			t.Error("the sign-in link worked twice")
		}
	})
}

// flood posts the same form 30 times and checks that it is refused with
// 429 past some limit, and that refused requests queue no mail to address.
func flood(t *testing.T, e *env, what, path string, values url.Values, address string) {
	t.Helper()
	refused := 0
	for i := 0; i < 30; i++ {
		before := len(mailsTo(t, e, address))
		resp, page := e.form(path+"?lang=ru", values, nil)
		switch resp.StatusCode {
		case http.StatusTooManyRequests:
			refused++
			if !strings.Contains(page, "Слишком много") {
				t.Errorf("%s: the refusal is not in the reader's language", what)
			}
			if after := len(mailsTo(t, e, address)); after != before {
				t.Errorf("%s: a refused request queued %d mails", what, after-before)
			}
		case http.StatusOK:
		default:
			t.Fatalf("%s = %d", what, resp.StatusCode)
		}
	}
	if refused == 0 {
		t.Errorf("%s: 30 requests from one address were all accepted; want 429 past the limit", what)
	}
	if n := len(mailsTo(t, e, address)); n > 10 {
		t.Errorf("%s: %d mails queued to one address", what, n)
	}
}

// fresh returns a new, empty database of the same kind as s.
func fresh(t *testing.T, s *store.Store) *store.Store {
	if s.Dialect() == "postgres" {
		return storetest.Postgres(t)
	}
	return storetest.SQLite(t)
}

// TestMailLimits floods the forms that make Symposium mail a stranger:
// password reset, the verification link, a sign-in link and a
// registration's link.
func TestMailLimits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		e.user("reset@example.org", true)
		flood(t, e, "password reset", "/password/forgot", url.Values{"email": {"reset@example.org"}}, "reset@example.org")

		e = start(t, fresh(t, s), false)
		flood(t, e, "password reset for no account", "/password/forgot", url.Values{"email": {"nobody@example.org"}}, "nobody@example.org")

		e = start(t, fresh(t, s), false)
		e.browser().form("/signup", url.Values{"name": {"New"}, "email": {"new@example.org"}, "password": {"correct horse battery"}}, nil)
		flood(t, e, "verification link", "/verify/resend", url.Values{"email": {"new@example.org"}}, "new@example.org")

		e = start(t, fresh(t, s), false)
		e.user("owner@example.org", false)
		flood(t, e, "sign-in link", "/signin/email", url.Values{"email": {"owner@example.org"}}, "owner@example.org")

		e = start(t, fresh(t, s), false)
		_, admin := e.user("m@example.org", true)
		cat := registrationEvent(t, e, admin, map[string]any{"name": map[string]string{"en": "Participant"}})
		e.api("POST", "/api/v1/events/astana/registrations", admin, map[string]any{"category_id": cat, "email": "g@example.kz", "name": map[string]string{"en": "G"}})
		flood(t, e, "registration link", "/events/astana/register/resend", url.Values{"email": {"g@example.kz"}}, "g@example.kz")
	})
}

// TestAnonymousRegistrationFlood registers many addresses anonymously from
// one client address: past a limit they are refused with 429, before the
// category fills, and a verified account still gets a seat.
func TestAnonymousRegistrationFlood(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("m@example.org", true)
		cat := registrationEvent(t, e, admin, map[string]any{"name": map[string]string{"en": "Participant"}, "capacity": 40})
		codes := map[int]int{}
		for i := 0; i < 45; i++ {
			resp, _ := e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat,
				"email": "bot" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + "@flood.example", "name": map[string]string{"en": "Bot"}})
			codes[resp.StatusCode]++
		}
		if codes[http.StatusTooManyRequests] == 0 || codes[http.StatusConflict] > 0 {
			t.Errorf("45 anonymous registrations from one address gave %v; want 429 before the category fills", codes)
		}
		e.user("late@example.org", false)
		e.signIn("late@example.org")
		resp, body := e.session("POST", "/api/v1/events/astana/registrations", `{"category_id":"`+cat+`","email":"late@example.org","name":{"en":"Late"}}`)
		if resp.StatusCode != 201 || !strings.Contains(body, `"confirmed"`) {
			t.Errorf("a verified account after the flood = %d %s; want a confirmed seat", resp.StatusCode, body)
		}
	})
}

// TestResentManageLinkKeepsTheFirst resends a registrant's link, and
// promotes a waitlisted registrant, which mails a new link: every link
// mailed keeps working.
func TestResentManageLinkKeepsTheFirst(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("m@example.org", true)
		cat := registrationEvent(t, e, admin, map[string]any{"name": map[string]string{"en": "Participant"}, "capacity": 1, "waitlist": true})
		for _, email := range []string{"first@example.kz", "second@example.kz"} {
			e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "email": email, "name": map[string]string{"en": email}})
		}
		first := manageLinkOf(t, e, "first@example.kz")
		e.form("/events/astana/register/resend", url.Values{"email": {"first@example.kz"}}, nil)
		if again := manageLinkOf(t, e, "first@example.kz"); again == first {
			t.Fatal("no new link was mailed")
		} else if resp, _ := e.do("GET", again, nil, nil); resp.StatusCode != 200 {
			t.Errorf("the resent link = %d", resp.StatusCode)
		}
		if resp, _ := e.do("GET", first, nil, nil); resp.StatusCode != 200 {
			t.Errorf("the first link after a resend = %d, want 200", resp.StatusCode)
		}
		waiting := manageLinkOf(t, e, "second@example.kz")
		u, _ := url.Parse(first)
		e.form("/registrations/manage", url.Values{"token": {u.Query().Get("token")}, "action": {"cancel"}}, nil)
		if promoted := manageLinkOf(t, e, "second@example.kz"); promoted == waiting {
			t.Fatal("the promoted registrant got no new link")
		}
		if resp, _ := e.do("GET", waiting, nil, nil); resp.StatusCode != 200 {
			t.Errorf("the waiting list's link after promotion = %d, want 200", resp.StatusCode)
		}
	})
}
