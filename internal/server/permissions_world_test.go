package server_test

import (
	"net/http"
	"regexp"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
)

// The callers of the permission table, one column each.
const (
	anon       = iota // nobody signed in
	unverified        // an account whose email was never verified
	stranger          // a verified account with no part anywhere
	registrant        // registered at the events, and author of the abstract
	reviewer          // reviewer at the event, assigned to the abstract
	conflicted        // reviewer at the event, of the author's organization
	checkin           // check-in staff at the event
	other             // manager of another event
	manager           // manager of the events
	curator           // curator of the people directory
	admin             // administrator of the site
	callers
)

// callerNames name the columns in failures.
var callerNames = [callers]string{"anonymous", "unverified", "stranger", "registrant", "reviewer", "conflicted reviewer",
	"check-in staff", "manager of another event", "manager", "curator", "administrator"}

// world is the permission table's fixture: an account per caller, with a
// session for the pages and a token for the API, and the objects the
// routes act on. Rows refuse or change nothing for permitted callers (they
// send input that is invalid, or act on an object in a state that refuses
// the action), so one world serves the whole table.
type world struct {
	e        *env
	users    [callers]*symposium.User
	tokens   [callers]string
	sessions [callers]string
	// Objects, by name: "org", "speaker", "person", "contribution",
	// "room", "category", "registration", "cancelled", "abstract", "track",
	// "merge", "invitation", "other_event".
	ids map[string]string
}

// newWorld builds the fixture: events "pub" (public) and "res"
// (restricted) managed by the manager, and "oth" managed by the other.
func newWorld(t *testing.T, s *store.Store) *world {
	t.Helper()
	e := startUnlimited(t, s) // every caller comes from this machine
	w := &world{e: e, ids: map[string]string{}}
	emails := [callers]string{"", "unverified@example.org", "stranger@example.org", "registrant@example.org", "reviewer@example.org",
		"conflicted@example.org", "desk@example.org", "other@example.org", "manager@example.org", "curator@example.org", "admin@example.org"}
	for c := unverified; c < callers; c++ {
		switch c {
		case admin:
			w.users[c], w.tokens[c] = e.user(emails[c], true)
		case curator:
			w.users[c], w.tokens[c] = e.curator(emails[c])
		case manager, other:
			w.users[c], w.tokens[c] = e.organizer(emails[c])
		case unverified:
			w.users[c], w.tokens[c] = w.unverifiedUser(t, emails[c])
		default:
			w.users[c], w.tokens[c] = e.user(emails[c], false)
		}
		_, token, err := e.accounts.SignIn(ctx, emails[c], "correct horse battery", "198.51.100.1", "")
		if err != nil {
			t.Fatalf("sign in %s: %v", emails[c], err)
		}
		w.sessions[c] = token
	}
	w.build(t)
	return w
}

// email returns a caller's email, or one of nobody for anonymous callers.
func (w *world) email(c int) string {
	if c == anon {
		return "anonymous@example.org"
	}
	return w.users[c].Email
}

// unverifiedUser signs an account up without opening its link.
func (w *world) unverifiedUser(t *testing.T, email string) (*symposium.User, string) {
	t.Helper()
	u := &symposium.User{Email: email, Name: "Unverified", Language: "en"}
	mail := func(u *symposium.User, to, token string) symposium.Mail {
		return symposium.Mail{To: to, Subject: "Verify", Text: "/verify?token=" + token}
	}
	if err := w.e.accounts.SignUp(ctx, u, "correct horse battery", mail); err != nil {
		t.Fatal(err)
	}
	token, err := w.e.accounts.CreateToken(ctx, email, "test")
	if err != nil {
		t.Fatal(err)
	}
	return u, token
}

// must sends an API request as a caller and returns the answer's "id".
func (w *world) must(t *testing.T, c int, method, path string, body any, want int) map[string]any {
	t.Helper()
	resp, out := w.e.api(method, path, w.tokens[c], body)
	if resp.StatusCode != want {
		t.Fatalf("fixture: %s %s as %s = %d %v; want %d", method, path, callerNames[c], resp.StatusCode, out, want)
	}
	return out
}

// build makes the events and the objects the routes act on.
func (w *world) build(t *testing.T) {
	t.Helper()
	ids := createSeedEvent(t, w.e, w.tokens[manager], "pub", "public")
	w.ids["contribution"], w.ids["room"], w.ids["speaker"] = ids["c3"], ids["main"], ids["zhangwei"]
	createSeedEvent(t, w.e, w.tokens[manager], "res", "restricted")
	w.ids["other_event"] = createSeedEvent(t, w.e, w.tokens[other], "oth", "public")["event"]
	w.ids["org"] = w.must(t, manager, "POST", "/api/v1/organizations", map[string]any{"name": map[string]string{"en": "Institute"}}, 201)["id"].(string)
	for _, role := range []struct {
		c    int
		role string
	}{{reviewer, "reviewer"}, {conflicted, "reviewer"}, {checkin, "checkin"}} {
		w.must(t, manager, "POST", "/api/v1/events/pub/roles", map[string]any{"email": w.users[role.c].Email, "role": role.role}, 201)
	}
	w.registrations(t)
	w.review(t)
	w.merge(t)
	w.ids["invitation"] = w.invite(t)
	w.matchmaking(t)
	w.outcomesFixture(t)
	w.webhooksFixture(t)
}

// registrations opens registration at both events and registers the
// registrant, and a second person who then cancels.
func (w *world) registrations(t *testing.T) {
	t.Helper()
	for _, slug := range []string{"pub", "res"} {
		cat := w.must(t, manager, "POST", "/api/v1/events/"+slug+"/registration-categories",
			map[string]any{"name": map[string]string{"en": "Guests"}, "capacity": 100}, 201)["id"].(string)
		by := registrant
		if slug == "res" {
			by = manager // a restricted event is registered for by its team
		}
		r := w.must(t, by, "POST", "/api/v1/events/"+slug+"/registrations", map[string]any{"category_id": cat,
			"email": w.users[registrant].Email, "name": map[string]string{"en": "Registrant"}}, 201)
		if slug == "pub" {
			w.ids["category"], w.ids["registration"] = cat, r["id"].(string)
			w.ids["ticket"], _ = r["ticket"].(string)
		}
	}
	gone := w.must(t, manager, "POST", "/api/v1/events/pub/registrations", map[string]any{"category_id": w.ids["category"],
		"email": "gone@example.org", "name": map[string]string{"en": "Gone"}}, 201)["id"].(string)
	w.must(t, manager, "POST", "/api/v1/registrations/"+gone+"/cancel", nil, 200)
	w.ids["cancelled"] = gone
}

// review opens a call at "pub" where the registrant submits an abstract
// of the organization the conflicted reviewer belongs to, and assigns the
// reviewer.
func (w *world) review(t *testing.T) {
	t.Helper()
	w.ids["track"] = openCall(t, w.e, w.tokens[manager], "pub")
	author := newPerson(t, w.e, w.tokens[manager], map[string]any{"name": map[string]string{"en": "Registrant"},
		"email": w.users[registrant].Email, "organization_id": w.ids["org"]})
	w.ids["author"] = author
	newPerson(t, w.e, w.tokens[manager], map[string]any{"name": map[string]string{"en": "Conflicted Colleague"},
		"email": w.users[conflicted].Email, "organization_id": w.ids["org"]})
	w.ids["abstract"] = submit(t, w.e, w.tokens[registrant], "pub", w.ids["track"], "Catalysis in the steppe", author)
	w.must(t, manager, "POST", "/api/v1/abstracts/"+w.ids["abstract"]+"/reviewers", map[string]any{"email": w.users[reviewer].Email}, 201)
	w.ids["withdrawn"] = submit(t, w.e, w.tokens[registrant], "pub", w.ids["track"], "A withdrawn idea", author)
	w.must(t, registrant, "POST", "/api/v1/abstracts/"+w.ids["withdrawn"]+"/withdraw", nil, 200)
}

// merge makes two records of one person, merges them and undoes the
// merge, so that undoing it again is refused; the records stay as a
// likely pair for the queue.
func (w *world) merge(t *testing.T) {
	t.Helper()
	a := newPerson(t, w.e, w.tokens[manager], map[string]any{"name": map[string]string{"kk": "Гүлнар Шаймергенова"}})
	b := newPerson(t, w.e, w.tokens[manager], map[string]any{"name": map[string]string{"en": "Gulnar Shaimergenova"}})
	m := w.must(t, curator, "POST", "/api/v1/people/merges", map[string]any{"survivor_id": a, "merged_id": b}, 201)["id"].(string)
	w.must(t, curator, "POST", "/api/v1/people/merges/"+m+"/undo", nil, 200)
	w.ids["merge"], w.ids["person"], w.ids["twin"] = m, a, b
}

// invite sends an invitation and returns its token from the mail.
func (w *world) invite(t *testing.T) string {
	t.Helper()
	w.must(t, manager, "POST", "/api/v1/events/pub/invitations", map[string]any{"email": "guest@example.org",
		"name": map[string]string{"en": "Guest"}, "category_id": w.ids["category"]}, 201)
	revoked := w.must(t, manager, "POST", "/api/v1/events/pub/invitations", map[string]any{"email": "late@example.org",
		"name": map[string]string{"en": "Late"}, "category_id": w.ids["category"]}, 201)["id"].(string)
	w.must(t, manager, "POST", "/api/v1/events/pub/invitations/"+revoked+"/revoke", nil, 204)
	w.ids["revoked"] = revoked
	for _, m := range mailsTo(t, w.e, "guest@example.org") {
		if found := invitationLink.FindStringSubmatch(m.Mail.Text); found != nil {
			return found[1]
		}
	}
	t.Fatal("fixture: no invitation mailed")
	return ""
}

// invitationLink finds the token of an invitation's link in a mail.
var invitationLink = regexp.MustCompile(`/invitations/([^?\s]+)`)

// request sends one row's request as a caller, with a session for the
// pages, and returns the status.
func (w *world) request(t *testing.T, c int, session, method, path, body string) int {
	t.Helper()
	req, err := http.NewRequest(method, w.e.srv.URL+path, stringsReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if isAPIPath(path) {
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		if c != anon {
			req.Header.Set("Authorization", "Bearer "+w.tokens[c])
		}
	} else {
		if body != "" {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		if c != anon {
			req.AddCookie(&http.Cookie{Name: "symposium_session", Value: session})
		}
	}
	client := &http.Client{Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
