package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// programmeChange is one change to a programme, as a page's form and as an
// API call; entry is an unscheduled entry of the event it may act on.
type programmeChange struct {
	name string
	web  func(e *env, slug, entry string) int
	api  func(e *env, token, slug, entry string) int
	// ok are the statuses of success on the page and through the API.
	webOK, apiOK int
}

var programmeChanges = []programmeChange{
	{"open the editor", func(e *env, slug, _ string) int {
		resp, _ := e.do("GET", "/events/"+slug+"/editor", nil, nil)
		return resp.StatusCode
	}, nil, http.StatusOK, 0},
	{"add a room", func(e *env, slug, _ string) int {
		resp, _ := e.form("/events/"+slug+"/editor/rooms", url.Values{"room_name.en": {"Hall B"}}, nil)
		return resp.StatusCode
	}, func(e *env, token, slug, _ string) int {
		resp, _ := e.api("POST", "/api/v1/events/"+slug+"/rooms", token, map[string]any{"name": map[string]string{"en": "Hall B"}})
		return resp.StatusCode
	}, http.StatusSeeOther, http.StatusCreated},
	{"add a session", func(e *env, slug, _ string) int {
		resp, _ := e.form("/events/"+slug+"/editor/sessions", url.Values{"session_title.en": {"Energy"}}, nil)
		return resp.StatusCode
	}, func(e *env, token, slug, _ string) int {
		resp, _ := e.api("POST", "/api/v1/events/"+slug+"/sessions", token, map[string]any{"title": map[string]string{"en": "Energy"}})
		return resp.StatusCode
	}, http.StatusSeeOther, http.StatusCreated},
	{"add an entry", func(e *env, slug, _ string) int {
		resp, _ := e.form("/events/"+slug+"/editor/entries", url.Values{"title.en": {"Talk"}, "kind": {"talk"}, "duration_minutes": {"20"}}, nil)
		return resp.StatusCode
	}, func(e *env, token, slug, _ string) int {
		resp, _ := e.api("POST", "/api/v1/events/"+slug+"/contributions", token, map[string]any{"title": map[string]string{"en": "Talk"}, "kind": "talk", "duration_minutes": 20})
		return resp.StatusCode
	}, http.StatusSeeOther, http.StatusCreated},
	{"move an entry", func(e *env, slug, entry string) int {
		resp, _ := e.form("/events/"+slug+"/editor/entries", url.Values{"id": {entry}, "starts_at": {"2030-05-22T11:00"}}, nil)
		return resp.StatusCode
	}, func(e *env, token, slug, entry string) int {
		resp, _ := e.api("PATCH", "/api/v1/events/"+slug+"/contributions/"+entry, token, map[string]any{"starts_at": "2030-05-22T11:00:00+05:00"})
		return resp.StatusCode
	}, http.StatusSeeOther, http.StatusOK},
	{"delete an entry", func(e *env, slug, entry string) int {
		resp, _ := e.form("/events/"+slug+"/editor/entries/delete", url.Values{"id": {entry}}, nil)
		return resp.StatusCode
	}, func(e *env, token, slug, entry string) int {
		resp, _ := e.api("DELETE", "/api/v1/events/"+slug+"/contributions/"+entry, token, nil)
		return resp.StatusCode
	}, http.StatusSeeOther, http.StatusNoContent},
}

// TestProgrammeChangesAnswerAlikeOnPagesAndAPI checks that a page and the
// API give one answer to one change: 401 to nobody signed in (the editor,
// read with GET, sends them to sign in), 404 to whoever
// may not see the event (restricted, draft), 403 to whoever sees it but
// does not manage it, success to its manager.
func TestProgrammeChangesAnswerAlikeOnPagesAndAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		manager, managerToken := e.user("manager@example.org", false)
		_, strangerToken := e.user("stranger@example.org", false)
		for _, v := range []struct{ slug, visibility, status string }{
			{"open", symposium.VisibilityPublic, symposium.StatusPublished},
			{"closed", symposium.VisibilityRestricted, symposium.StatusPublished},
			{"draft", symposium.VisibilityPublic, symposium.StatusDraft},
		} {
			storeEvent(t, s, v.slug, v.visibility, v.status, manager.ID)
		}
		anonymous, stranger, managers := start(t, s, false), start(t, s, false), start(t, s, false)
		stranger.signIn("stranger@example.org")
		managers.signIn("manager@example.org")
		for _, c := range programmeChanges {
			for _, slug := range []string{"open", "closed", "draft"} {
				outsider := http.StatusNotFound
				if slug == "open" {
					outsider = http.StatusForbidden
				}
				anonWeb := http.StatusUnauthorized
				if c.api == nil { // a page read with GET sends nobody signed in to sign in
					anonWeb = http.StatusSeeOther
				}
				for _, who := range []struct {
					name     string
					e        *env
					token    string
					web, api int
				}{
					{"anonymous", anonymous, "", anonWeb, http.StatusUnauthorized},
					{"a stranger", stranger, strangerToken, outsider, outsider},
					{"the manager", managers, managerToken, c.webOK, c.apiOK},
				} {
					if got := c.web(who.e, slug, unscheduledEntry(t, s, slug)); got != who.web {
						t.Errorf("%s: %s at %s on the page = %d, want %d", who.name, c.name, slug, got, who.web)
					}
					if c.api == nil {
						continue
					}
					if got := c.api(who.e, who.token, slug, unscheduledEntry(t, s, slug)); got != who.api {
						t.Errorf("%s: %s at %s through the API = %d, want %d", who.name, c.name, slug, got, who.api)
					}
				}
			}
		}
	})
}

// storeEvent stores an event on 22 May 2030 in Astana, managed by the
// account with managerID.
func storeEvent(t *testing.T, s *store.Store, slug, visibility, status, managerID string) {
	t.Helper()
	loc, _ := time.LoadLocation("Asia/Almaty")
	ev := &symposium.Event{Slug: slug, Title: symposium.Text("en", "Symposium "+slug), Timezone: "Asia/Almaty",
		Visibility: visibility, Status: status, StartsAt: time.Date(2030, 5, 22, 9, 0, 0, 0, loc), EndsAt: time.Date(2030, 5, 22, 18, 0, 0, 0, loc)}
	var p symposium.Problems
	ev.Validate(&p)
	if err := p.Err(); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateEvent(ctx, ev, managerID); err != nil {
		t.Fatal(err)
	}
}

// entries counts the entries unscheduledEntry made, on both databases at
// once.
var entries atomic.Int64

// unscheduledEntry adds an entry outside the timetable to the event and
// returns its ID.
func unscheduledEntry(t *testing.T, s *store.Store, slug string) string {
	t.Helper()
	ev, err := s.EventBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	c := &symposium.Contribution{Title: symposium.Text("en", fmt.Sprintf("Entry %d", entries.Add(1))), Kind: symposium.ContributionTalk, DurationMinutes: 20}
	if err := s.SaveContribution(ctx, ev, c); err != nil {
		t.Fatal(err)
	}
	return c.ID
}

// TestProgrammeReadsAnswerAlikeOnPagesAndAPI checks that every page and API
// call reading a programme answers 404 to whoever may not see the event and
// 200 to whoever may.
func TestProgrammeReadsAnswerAlikeOnPagesAndAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		manager, managerToken := e.user("manager@example.org", false)
		_, strangerToken := e.user("stranger@example.org", false)
		entry := map[string]string{}
		for _, v := range []struct{ slug, visibility, status string }{
			{"open", symposium.VisibilityPublic, symposium.StatusPublished},
			{"closed", symposium.VisibilityRestricted, symposium.StatusPublished},
			{"draft", symposium.VisibilityPublic, symposium.StatusDraft},
		} {
			storeEvent(t, s, v.slug, v.visibility, v.status, manager.ID)
			entry[v.slug] = scheduledEntry(t, s, v.slug)
		}
		anonymous, stranger, managers := start(t, s, false), start(t, s, false), start(t, s, false)
		stranger.signIn("stranger@example.org")
		managers.signIn("manager@example.org")
		for _, slug := range []string{"open", "closed", "draft"} {
			id := entry[slug]
			pages := []string{"", "/timetable", "/timetable.ics", "/timetable/print", "/speakers", "/contributions/" + id, "/contributions/" + id + ".ics"}
			calls := []string{"/rooms", "/sessions", "/contributions", "/contributions/" + id, "/timetable"}
			for _, who := range []struct {
				name  string
				e     *env
				token string
				want  int
			}{
				{"anonymous", anonymous, "", map[bool]int{true: 200, false: 404}[slug == "open"]},
				{"a stranger", stranger, strangerToken, map[bool]int{true: 200, false: 404}[slug == "open"]},
				{"the manager", managers, managerToken, 200},
			} {
				for _, p := range pages {
					if resp, _ := who.e.do("GET", "/events/"+slug+p, nil, nil); resp.StatusCode != who.want {
						t.Errorf("%s: page /events/%s%s = %d, want %d", who.name, slug, p, resp.StatusCode, who.want)
					}
				}
				for _, c := range calls {
					if resp, _ := who.e.api("GET", "/api/v1/events/"+slug+c, who.token, nil); resp.StatusCode != who.want {
						t.Errorf("%s: API /events/%s%s = %d, want %d", who.name, slug, c, resp.StatusCode, who.want)
					}
				}
			}
		}
	})
}

// scheduledEntry adds a talk at 10:00 in a new room of the event and
// returns its ID.
func scheduledEntry(t *testing.T, s *store.Store, slug string) string {
	t.Helper()
	ev, err := s.EventBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	room := &symposium.Room{EventID: ev.ID, Name: symposium.Text("en", "Hall A")}
	if err := s.CreateRoom(ctx, room); err != nil {
		t.Fatal(err)
	}
	start := ev.StartsAt.Add(time.Hour)
	c := &symposium.Contribution{Title: symposium.Text("en", "Keynote"), Kind: symposium.ContributionKeynote, DurationMinutes: 30, StartsAt: &start, RoomID: room.ID}
	if err := s.SaveContribution(ctx, ev, c); err != nil {
		t.Fatal(err)
	}
	return c.ID
}
