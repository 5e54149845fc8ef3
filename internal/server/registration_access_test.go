package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"symposium"
	"symposium/internal/secret"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
	"symposium/internal/ticket"
)

// sharedAction is one action of registration or review as a page's form
// (or page) and as an API call; ok are the statuses of success.
type sharedAction struct {
	name string
	// get says the page is read with GET: nobody signed in is sent to
	// sign in instead of being answered 401.
	get bool
	// desk says check-in staff may too, not only managers.
	desk         bool
	web          func(e *env, f accessFixture) int
	api          func(e *env, token string, f accessFixture) int
	webOK, apiOK int
}

// accessFixture is what an action may act on at one event.
type accessFixture struct {
	slug, category string
	// ticket makes a new confirmed registration and returns its ticket.
	ticket func() string
}

// questionKeys counts the questions the shared actions add, on both
// databases at once.
var questionKeys atomic.Int64

var sharedActions = []sharedAction{
	{"open the desk", true, true, func(e *env, f accessFixture) int {
		return status(e.do("GET", "/events/"+f.slug+"/checkin", nil, nil))
	}, func(e *env, token string, f accessFixture) int {
		return status(e.api("GET", "/api/v1/events/"+f.slug+"/registrations", token, nil))
	}, http.StatusOK, http.StatusOK},
	{"check a ticket in", false, true, func(e *env, f accessFixture) int {
		return status(e.form("/events/"+f.slug+"/checkin", url.Values{"ticket": {f.ticket()}}, nil))
	}, func(e *env, token string, f accessFixture) int {
		return status(e.api("POST", "/api/v1/events/"+f.slug+"/checkins", token, map[string]any{"ticket": f.ticket()}))
	}, http.StatusOK, http.StatusOK},
	{"change the registration form", false, false, func(e *env, f accessFixture) int {
		return status(e.form("/events/"+f.slug+"/registration-form", url.Values{"key": {fmt.Sprintf("q%d", questionKeys.Add(1))}, "kind": {"text"},
			"label.en": {"Dietary needs"}}, nil))
	}, func(e *env, token string, f accessFixture) int {
		return status(e.api("PUT", "/api/v1/events/"+f.slug+"/registration-questions", token, map[string]any{"questions": []any{}}))
	}, http.StatusSeeOther, http.StatusOK},
	{"list the invitations", true, false, func(e *env, f accessFixture) int {
		return status(e.do("GET", "/events/"+f.slug+"/invitations", nil, nil))
	}, func(e *env, token string, f accessFixture) int {
		return status(e.api("GET", "/api/v1/events/"+f.slug+"/invitations", token, nil))
	}, http.StatusOK, http.StatusOK},
	{"invite", false, false, func(e *env, f accessFixture) int {
		return status(e.form("/events/"+f.slug+"/invitations", url.Values{"email": {"guest@example.cn"}, "category_id": {f.category}, "language": {"zh"}}, nil))
	}, func(e *env, token string, f accessFixture) int {
		return status(e.api("POST", "/api/v1/events/"+f.slug+"/invitations", token, map[string]any{"email": "guest@example.kz", "category_id": f.category, "language": "kk"}))
	}, http.StatusSeeOther, http.StatusCreated},
	{"save the call", false, false, func(e *env, f accessFixture) int {
		return status(e.form("/events/"+f.slug+"/cfp/edit", url.Values{"opens_at": {"2030-01-10T09:00"}, "closes_at": {"2030-03-01T18:00"},
			"word_limit": {"300"}, "type.talk": {"on"}, "tracks.0.name.en": {"Energy"}}, nil))
	}, func(e *env, token string, f accessFixture) int {
		return status(e.api("PUT", "/api/v1/events/"+f.slug+"/cfp", token, map[string]any{"opens_at": "2030-01-10T09:00:00+05:00",
			"closes_at": "2030-03-01T18:00:00+05:00", "tracks": []any{map[string]any{"name": map[string]string{"en": "Energy"}}}}))
	}, http.StatusSeeOther, http.StatusOK},
	{"read the decision list", true, false, func(e *env, f accessFixture) int {
		return status(e.do("GET", "/events/"+f.slug+"/decisions", nil, nil))
	}, func(e *env, token string, f accessFixture) int {
		return status(e.api("GET", "/api/v1/events/"+f.slug+"/abstracts", token, nil))
	}, http.StatusOK, http.StatusOK},
	{"preview the assignment", false, false, func(e *env, f accessFixture) int {
		return status(e.form("/events/"+f.slug+"/assignments", url.Values{"k": {"1"}}, nil))
	}, func(e *env, token string, f accessFixture) int {
		return status(e.api("POST", "/api/v1/events/"+f.slug+"/assignments", token, map[string]any{"per_abstract": 1, "preview": true}))
	}, http.StatusOK, http.StatusOK},
	{"add a reviewer", false, false, func(e *env, f accessFixture) int {
		return status(e.form("/events/"+f.slug+"/reviewers", url.Values{"reviewer_email": {"reviewer@example.org"}}, nil))
	}, func(e *env, token string, f accessFixture) int {
		return status(e.api("PUT", "/api/v1/events/"+f.slug+"/reviewers", token, map[string]any{"email": "reviewer@example.org", "track_ids": []string{}}))
	}, http.StatusSeeOther, http.StatusOK},
	{"release the decisions", false, false, func(e *env, f accessFixture) int {
		return status(e.form("/events/"+f.slug+"/decisions/release", url.Values{}, nil))
	}, func(e *env, token string, f accessFixture) int {
		return status(e.api("POST", "/api/v1/events/"+f.slug+"/decisions/release", token, nil))
	}, http.StatusSeeOther, http.StatusOK},
}

// status returns a response's status code.
func status[T any](resp *http.Response, _ T) int { return resp.StatusCode }

// TestRegistrationAndReviewAnswerAlikeOnPagesAndAPI checks that a page and
// the API give one answer to one action of registration or review: 401 to
// nobody signed in (a page read with GET sends them to sign in), 404 to
// whoever may not see the event, 403 to whoever sees it but may not act,
// success to check-in staff at the desk and to managers.
func TestRegistrationAndReviewAnswerAlikeOnPagesAndAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := startUnlimited(t, s)
		manager, managerToken := e.user("manager@example.org", false)
		_, strangerToken := e.user("stranger@example.org", false)
		_, staffToken := e.user("desk@example.org", false)
		e.user("reviewer@example.org", false)
		fixtures := map[string]accessFixture{}
		for _, v := range []struct{ slug, visibility, status string }{
			{"open", symposium.VisibilityPublic, symposium.StatusPublished},
			{"closed", symposium.VisibilityRestricted, symposium.StatusPublished},
			{"draft", symposium.VisibilityPublic, symposium.StatusDraft},
		} {
			storeEvent(t, s, v.slug, v.visibility, v.status, manager.ID)
			fixtures[v.slug] = accessEvent(t, s, v.slug)
		}
		anonymous, stranger, staff, managers := startUnlimited(t, s), startUnlimited(t, s), startUnlimited(t, s), startUnlimited(t, s)
		stranger.signIn("stranger@example.org")
		staff.signIn("desk@example.org")
		managers.signIn("manager@example.org")
		for _, a := range sharedActions {
			for _, slug := range []string{"open", "closed", "draft"} {
				outsider := map[bool]int{true: http.StatusForbidden, false: http.StatusNotFound}[slug == "open"]
				anonWeb := map[bool]int{true: http.StatusSeeOther, false: http.StatusUnauthorized}[a.get]
				staffWant := [2]int{http.StatusForbidden, http.StatusForbidden}
				if a.desk {
					staffWant = [2]int{a.webOK, a.apiOK}
				}
				for _, who := range []struct {
					name     string
					e        *env
					token    string
					web, api int
				}{
					{"anonymous", anonymous, "", anonWeb, http.StatusUnauthorized},
					{"a stranger", stranger, strangerToken, outsider, outsider},
					{"check-in staff", staff, staffToken, staffWant[0], staffWant[1]},
					{"the manager", managers, managerToken, a.webOK, a.apiOK},
				} {
					if got := a.web(who.e, fixtures[slug]); got != who.web {
						t.Errorf("%s: %s at %s on the page = %d, want %d", who.name, a.name, slug, got, who.web)
					}
					if got := a.api(who.e, who.token, fixtures[slug]); got != who.api {
						t.Errorf("%s: %s at %s through the API = %d, want %d", who.name, a.name, slug, got, who.api)
					}
				}
			}
		}
	})
}

// accessEvent gives an event check-in staff, a call, and a category, and
// returns what the actions act on there.
func accessEvent(t *testing.T, s *store.Store, slug string) accessFixture {
	t.Helper()
	ev, err := s.EventBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddEventRole(ctx, ev.ID, "desk@example.org", symposium.RoleCheckin); err != nil {
		t.Fatal(err)
	}
	c := &symposium.Call{EventID: ev.ID, OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(time.Hour),
		Tracks: []symposium.Track{{Name: symposium.Text("en", "Energy")}}}
	var p symposium.Problems
	c.Validate(&p)
	if err := p.Err(); err != nil {
		t.Fatal(err)
	}
	if err := s.PutCall(ctx, c); err != nil {
		t.Fatal(err)
	}
	cat := &symposium.Category{EventID: ev.ID, Name: symposium.Text("en", "Participant")}
	if err := s.CreateCategory(ctx, cat); err != nil {
		t.Fatal(err)
	}
	key, err := s.EventKey(ctx, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	return accessFixture{slug: slug, category: cat.ID, ticket: func() string {
		n++
		r := &symposium.Registration{ID: symposium.NewID(), EventID: ev.ID, CategoryID: cat.ID, Email: fmt.Sprintf("guest%d@%s.example", n, slug),
			Name: symposium.Text("en", "Guest"), Language: "en", EmailConfirmed: true}
		if err := s.Register(ctx, r, secret.Hash(secret.New("")), time.Now(), nil); err != nil {
			t.Fatal(err)
		}
		tk, err := ticket.Sign(key, ev.ID, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		return tk
	}}
}
