package server_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// mySymposiumWorld adds to Ada's world a session she chairs with a talk
// of hers placed in it, an abstract of Carol's she is yet to review, and
// a small event where she waits second in the queue behind Carol, and a
// past event where she moderated the questions.
func mySymposiumWorld(t *testing.T, e *env) (*privacyWorld, time.Time) {
	t.Helper()
	w := newPrivacyWorld(t, e)
	room := mustAPI(t, e, w.admin, "POST", "/api/v1/events/"+w.future+"/rooms", map[string]any{"name": map[string]string{"en": "Hall A"}}, 201)
	session := mustAPI(t, e, w.admin, "POST", "/api/v1/events/"+w.future+"/sessions", map[string]any{
		"title": map[string]string{"en": "Analytical engines"}, "room_id": room["id"], "convener_ids": []string{w.adaPerson}}, 201)
	_, ev := e.api("GET", "/api/v1/events/"+w.future, w.admin, nil)
	start, err := time.Parse(time.RFC3339, ev["starts_at"].(string))
	if err != nil {
		t.Fatal(err)
	}
	talkAt := start.Add(2 * time.Hour)
	mustAPI(t, e, w.admin, "POST", "/api/v1/events/"+w.future+"/contributions", map[string]any{
		"title": map[string]string{"en": "Notes on Menabrea"}, "kind": "talk", "starts_at": talkAt.Format(time.RFC3339), "duration_minutes": 45,
		"room_id": room["id"], "session_id": session["id"], "speaker_ids": []string{w.adaPerson}}, 201)
	carolPerson := newPerson(t, e, w.admin, map[string]any{"name": map[string]string{"en": "Carol Singer"}, "email": "carol@example.org"})
	_, call := e.api("GET", "/api/v1/events/"+w.other+"/cfp", w.admin, nil)
	track := asSlice(call["tracks"])[0].(map[string]any)["id"].(string)
	carols := submit(t, e, w.carol, w.other, track, "Songs of the engine", carolPerson)
	mustAPI(t, e, w.admin, "POST", "/api/v1/abstracts/"+carols+"/reviewers", map[string]any{"email": "ada@example.org"}, 201)
	futureEvent(t, e, w.admin, "small", 90)
	small := mustAPI(t, e, w.admin, "POST", "/api/v1/events/small/registration-categories", map[string]any{
		"name": map[string]string{"en": "Workshop seat"}, "capacity": 1, "waitlist": true}, 201)
	for _, who := range []struct{ token, email string }{{w.bob, "bob@example.org"}, {w.carol, "carol@example.org"}, {w.ada, "ada@example.org"}} {
		mustAPI(t, e, who.token, "POST", "/api/v1/events/small/registrations", map[string]any{
			"category_id": small["id"], "email": who.email, "name": map[string]string{"en": who.email}}, 201)
	}
	futureEvent(t, e, w.admin, "bygone", -30)
	mustAPI(t, e, w.admin, "POST", "/api/v1/events/bygone/roles", map[string]any{"email": "ada@example.org", "role": "moderator"}, 201)
	return w, talkAt
}

// TestMySymposium reads Ada's part in four events, soonest first,
// through the API and on her page in Kazakh, and finds nothing of Bob's
// or Carol's in it.
func TestMySymposium(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		w, talkAt := mySymposiumWorld(t, e)
		resp, text := e.do("GET", "/api/v1/me/symposium", nil, map[string]string{"Authorization": "Bearer " + w.ada})
		if resp.StatusCode != 200 {
			t.Fatalf("my symposium = %d %s", resp.StatusCode, text)
		}
		var m symposium.MySymposium
		if err := json.Unmarshal([]byte(text), &m); err != nil {
			t.Fatal(err)
		}
		if len(m.Events) != 4 || m.Events[0].Slug != w.future || m.Events[1].Slug != w.other || m.Events[2].Slug != "small" ||
			m.Events[3].Slug != "bygone" || !m.Events[3].Past || m.Events[2].Past || m.Events[3].Roles[0] != symposium.RoleModerator {
			t.Fatalf("Ada's events, soonest first, then the past one:\n%s", text)
		}
		future, other, small := m.Events[0], m.Events[1], m.Events[2]
		checks := []struct {
			what string
			ok   bool
		}{
			{"a confirmed registration with its ticket", len(future.Registrations) == 1 && future.Registrations[0].Status == symposium.RegConfirmed &&
				future.Registrations[0].Ticket != "" && future.Registrations[0].Category["en"] == "Participant"},
			{"the placed talk first, with its time and room, then the unplaced one", len(future.Talks) == 2 &&
				future.Talks[0].Title["en"] == "Notes on Menabrea" && future.Talks[0].StartsAt != nil && future.Talks[0].StartsAt.Equal(talkAt) &&
				future.Talks[0].EndsAt.Equal(talkAt.Add(45*time.Minute)) && future.Talks[0].Room["en"] == "Hall A" &&
				future.Talks[1].Title["en"] == "Engines of thought" && future.Talks[1].StartsAt == nil},
			{"the session she chairs, as long as its entries", len(future.Chairing) == 1 && future.Chairing[0].Title["en"] == "Analytical engines" &&
				future.Chairing[0].StartsAt != nil && future.Chairing[0].StartsAt.Equal(talkAt) && future.Chairing[0].EndsAt.Equal(talkAt.Add(45*time.Minute))},
			{"no role where she has none", len(future.Roles) == 0 && len(future.Reviews) == 0 && !future.Past},
			{"her reviewer role", len(other.Roles) == 1 && other.Roles[0] == symposium.RoleReviewer},
			{"her abstract and its status", len(other.Abstracts) == 1 && other.Abstracts[0].ID == w.adaAbstract && other.Abstracts[0].Status == symposium.AbstractSubmitted},
			{"Carol's abstract to review, not Bob's she reviewed", len(other.Reviews) == 1 && other.Reviews[0].Title["en"] == "Songs of the engine"},
			{"second in the queue, without a ticket", len(small.Registrations) == 1 && small.Registrations[0].Status == symposium.RegWaitlisted &&
				small.Registrations[0].WaitlistPlace == 2 && small.Registrations[0].Ticket == ""},
		}
		for _, c := range checks {
			if !c.ok {
				t.Errorf("Ada's symposium lacks %s:\n%s", c.what, text)
			}
		}
		for _, foreign := range []string{"Bridges of steel", "Bob Builder", "bob@example.org", "Carol Singer"} {
			if strings.Contains(text, foreign) {
				t.Errorf("Ada's symposium holds %q of someone else", foreign)
			}
		}
		_, carol := e.api("GET", "/api/v1/me/symposium", w.carol, nil)
		if evs := asSlice(carol["events"]); len(evs) != 2 || !strings.Contains(jsonOf(evs[1]), `"waitlist_place":1`) {
			t.Errorf("Carol's symposium: %v", carol)
		}
		if _, html := e.do("GET", "/events/"+w.other+"?lang=en", nil, nil); !strings.Contains(html, `class="button" href="/events/other/abstracts/new"`) ||
			!strings.Contains(html, `class="button" href="/events/other/register"`) {
			t.Errorf("the page of an event whose call and registration are open offers neither")
		}
		menabrea := future.Talks[0].ContributionID
		closing := mustAPI(t, e, w.admin, "POST", "/api/v1/events/"+w.future+"/contributions", map[string]any{
			"title": map[string]string{"en": "Closing remarks"}, "kind": "address", "starts_at": talkAt.Add(time.Hour).Format(time.RFC3339),
			"duration_minutes": 15}, 201)["id"].(string)
		_, talk := e.do("GET", "/events/"+w.future+"/contributions/"+menabrea+"?lang=en", nil, nil)
		for _, want := range []string{"Analytical engines", `<a href="/people/` + w.adaPerson + `">Ada Lovelace</a>`,
			`href="/events/` + w.future + `/contributions/` + closing + `" rel="next"`} {
			if !strings.Contains(talk, want) {
				t.Errorf("the talk's page lacks %q", want)
			}
		}
		if _, html := e.do("GET", "/events/"+w.future+"/contributions/"+closing+"?lang=en", nil, nil); !strings.Contains(html, `/contributions/`+menabrea+`" rel="prev"`) {
			t.Errorf("the closing's page does not lead back to the talk before it")
		}
		page := e.browserAs(t, "ada@example.org")
		resp, html := page.do("GET", "/my?lang=kk", nil, nil)
		for _, want := range []string{"Менің симпозиумым", "Notes on Menabrea", "Hall A", "Analytical engines", "Songs of the engine",
			"күту тізіміндегі нөміріңіз: 2", `role="img" aria-label="`, `href="/my"`, "Өткен іс-шаралар"} {
			if !strings.Contains(html, want) {
				t.Errorf("Ada's page (%d) lacks %q", resp.StatusCode, want)
			}
		}
		if resp, _ := e.browser().do("GET", "/my", nil, nil); resp.StatusCode != 303 {
			t.Errorf("an anonymous reader's /my = %d, want a redirect to sign in", resp.StatusCode)
		}
	})
}

// TestMySymposiumMeetings finds Olga's matchmaking meeting, with whom she
// meets, beside her ticket on her page.
func TestMySymposiumMeetings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		m := newMMEnv(t, s)
		m.open(t)
		m.profiles(t)
		mustAPI(t, m.e, m.token["olga"], "POST", "/api/v1/meeting-requests/"+m.request(t, "aigerim", "olga", 2)+"/accept", nil, 200)
		mustAPI(t, m.e, m.manager, "POST", "/api/v1/events/astana/meetings/schedule", map[string]any{}, 200)
		out := mustAPI(t, m.e, m.token["olga"], "GET", "/api/v1/me/symposium", nil, 200)
		evs := asSlice(out["events"])
		if len(evs) != 1 {
			t.Fatalf("Olga's events: %v", out)
		}
		ev := evs[0].(map[string]any)
		meetings := asSlice(ev["meetings"])
		if ev["past"] != false || len(meetings) != 1 || !strings.Contains(jsonOf(meetings[0]), "Айгерім Сәтбаева") {
			t.Errorf("Olga's event and meeting: %v", ev)
		}
		resp, html := m.e.browserAs(t, "olga@example.org").do("GET", "/my?lang=ru", nil, nil)
		if resp.StatusCode != 200 || !strings.Contains(html, "Предстоящие мероприятия") || !strings.Contains(html, "Айгерім Сәтбаева") ||
			!strings.Contains(html, `class="ticket"`) {
			t.Errorf("Olga's page = %d", resp.StatusCode)
		}
	})
}

// jsonOf writes a value as JSON, for looking into it.
func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
