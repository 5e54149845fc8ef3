package server_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
	"symposium/internal/ticket"
)

// checkedInTicket registers a participant at the event with the slug,
// checks them in and returns their badge's ticket.
func checkedInTicket(t *testing.T, s *store.Store, slug, name string) string {
	t.Helper()
	e, err := s.EventBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	cat := &symposium.Category{EventID: e.ID, Name: symposium.Text("en", "Delegate")}
	if err := s.CreateCategory(ctx, cat); err != nil {
		t.Fatal(err)
	}
	r := &symposium.Registration{ID: symposium.NewID(), EventID: e.ID, CategoryID: cat.ID, Email: "delegate@example.org",
		Name: symposium.Text("ru", name), Language: "ru", EmailConfirmed: true}
	if err := s.Register(ctx, r, "hash-"+r.ID, time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CheckIn(ctx, e.ID, r.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	key, err := s.EventKey(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	token, err := ticket.Sign(key, e.ID, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// TestJoinLiveByBadgeOnPhones walks the page flow of joining by badge on
// an event that takes no guests: a phone without an account is offered
// the badge, a wrong code is refused naming the field, the right one
// lets the phone ask and vote under the registrant's name, and a second
// phone scanning the same badge adds no second vote.
func TestJoinLiveByBadgeOnPhones(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := startUnlimited(t, s)
		_, manager := e.organizer("manager@example.org")
		talk := liveEvent(t, e, manager, "badge", "public", "speaker@example.org")
		token := checkedInTicket(t, s, "badge", "Ольга Петрова")

		_, page := e.do("GET", "/live/"+talk+"?lang=ru", nil, nil)
		if strings.Contains(page, `action="/live/`+talk+`/questions"`) || !strings.Contains(page, `href="/live/`+talk+`/badge"`) {
			t.Fatal("a phone without an account is not offered the badge, or may ask without it")
		}
		resp, page := e.do("GET", "/live/"+talk+"/badge?lang=ru", nil, nil)
		if resp.StatusCode != 200 || !strings.Contains(page, "Вход по бейджу") {
			t.Fatalf("badge page = %d", resp.StatusCode)
		}
		resp, page = e.form("/live/"+talk+"/badge?lang=ru", url.Values{"ticket": {token[:100]}}, nil)
		if resp.StatusCode != 422 || !strings.Contains(page, `id="ticket-error"`) || !strings.Contains(page, "отметкой о прибытии") {
			t.Fatalf("a wrong code = %d", resp.StatusCode)
		}
		join := func() {
			t.Helper()
			resp, _ := e.form("/live/"+talk+"/badge", url.Values{"ticket": {token}}, nil)
			if resp.StatusCode != 303 || resp.Header.Get("Location") != "/live/"+talk {
				t.Fatalf("join = %d %s", resp.StatusCode, resp.Header.Get("Location"))
			}
		}
		join()
		_, page = e.do("GET", "/live/"+talk+"?lang=ru", nil, nil)
		if !strings.Contains(page, "Вы участвуете как Ольга Петрова") || !strings.Contains(page, `action="/live/`+talk+`/questions"`) {
			t.Fatal("the joined phone may not ask")
		}
		if resp, _ := e.form("/live/"+talk+"/questions", url.Values{"text": {"Сколько стоит водород?"}}, nil); resp.StatusCode != 303 {
			t.Fatalf("ask = %d", resp.StatusCode)
		}
		_, list := e.api("GET", "/api/v1/contributions/"+talk+"/questions", manager, nil)
		q := list["items"].([]any)[0].(map[string]any)
		if q["author_name"] != "Ольга Петрова" || q["anonymous"] != false {
			t.Fatalf("the badge's question = %v", q)
		}
		qid := q["id"].(string)
		vote := func() {
			t.Helper()
			if resp, _ := e.form("/live/questions/"+qid+"/vote", url.Values{"vote": {"1"}}, nil); resp.StatusCode != 303 {
				t.Fatalf("vote = %d", resp.StatusCode)
			}
		}
		vote()
		// The API knows the phone by its badge too: its vote is the same one.
		resp, body := e.api("PUT", "/api/v1/questions/"+qid+"/vote", "", nil)
		if resp.StatusCode != 200 || body["votes"] != float64(1) || body["voted"] != true {
			t.Fatalf("the API's vote from the joined phone = %d %v", resp.StatusCode, body)
		}
		jar, _ := cookiejar.New(nil)
		e.client = &http.Client{Jar: jar, CheckRedirect: e.client.CheckRedirect} // a second phone
		join()
		vote()
		_, list = e.api("GET", "/api/v1/contributions/"+talk+"/questions", "", nil)
		if votes := list["items"].([]any)[0].(map[string]any)["votes"]; votes != float64(1) {
			t.Fatalf("votes of one badge on two phones = %v", votes)
		}
	})
}
