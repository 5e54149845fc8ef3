package server_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"symposium/internal/matchmaking/mmtest"
	"symposium/internal/pdftest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// mmEnv is the seed event with three confirmed participants of three
// countries, languages and kinds of organization, and a talk Wei gives at
// 15:00, during the first meeting slot.
type mmEnv struct {
	e       *env
	manager string // the manager's token
	token   map[string]string
	person  map[string]string
	email   map[string]string
	eventID string
}

func newMMEnv(t *testing.T, s *store.Store) *mmEnv {
	t.Helper()
	e := startUnlimited(t, s)
	_, mt := e.organizer("manager@example.org")
	m := &mmEnv{e: e, manager: mt, token: map[string]string{}, person: map[string]string{}, email: map[string]string{}}
	cat := registrationEvent(t, e, mt, map[string]any{"name": map[string]string{"en": "Participant"}, "capacity": 100})
	for _, p := range []struct{ short, lang, name, kind, country string }{
		{"aigerim", "kk", "Айгерім Сәтбаева", "company", "KZ"},
		{"wei", "zh", "王伟", "university", "CN"},
		{"olga", "ru", "Ольга Иванова", "research_center", "RU"},
	} {
		m.email[p.short] = p.short + "@example.org"
		_, m.token[p.short] = e.user(m.email[p.short], false)
		org := mustAPI(t, e, mt, "POST", "/api/v1/organizations", map[string]any{"name": map[string]string{p.lang: "Org " + p.short}, "kind": p.kind, "country": p.country}, 201)
		person := mustAPI(t, e, mt, "POST", "/api/v1/people", map[string]any{"name": map[string]string{p.lang: p.name}, "email": m.email[p.short],
			"organization_id": org["id"], "country": p.country}, 201)
		m.person[p.short] = person["id"].(string)
		mustAPI(t, e, m.token[p.short], "POST", "/api/v1/events/astana/registrations?lang="+p.lang, map[string]any{"category_id": cat,
			"email": m.email[p.short], "name": map[string]string{p.lang: p.name}}, 201)
	}
	mustAPI(t, e, mt, "POST", "/api/v1/events/astana/contributions", map[string]any{"title": map[string]string{"en": "Hydrogen storage in porous media"},
		"kind": "talk", "starts_at": "2030-05-22T15:00:00+05:00", "duration_minutes": 15, "speaker_ids": []string{m.person["wei"]}}, 201)
	m.eventID = eventID(t, s, "astana")
	return m
}

// mustAPI sends an API request and fails unless it answers want.
func mustAPI(t *testing.T, e *env, token, method, path string, body any, want int) map[string]any {
	t.Helper()
	resp, out := e.api(method, path, token, body)
	if resp.StatusCode != want {
		t.Fatalf("%s %s = %d %v; want %d", method, path, resp.StatusCode, out, want)
	}
	return out
}

// open opens matchmaking: three 20-minute slots from 15:00 with two
// shared tables, and table 10, "Booth A", reserved for Aigerim.
func (m *mmEnv) open(t *testing.T) []string {
	t.Helper()
	var slots []map[string]any
	start := time.Date(2030, 5, 22, 15, 0, 0, 0, time.FixedZone("UTC+5", 5*3600))
	for i := range 3 {
		at := start.Add(time.Duration(20*i) * time.Minute)
		slots = append(slots, map[string]any{"starts_at": at.Format(time.RFC3339), "ends_at": at.Add(20 * time.Minute).Format(time.RFC3339), "tables": 2})
	}
	out := mustAPI(t, m.e, m.manager, "PUT", "/api/v1/events/astana/matchmaking", map[string]any{
		"opens_at": time.Now().Add(-time.Hour).Format(time.RFC3339), "closes_at": time.Now().Add(48 * time.Hour).Format(time.RFC3339),
		"requests_per_person": 5, "industry_science": true, "slots": slots,
		"tables": []map[string]any{{"number": 10, "name": "Booth A", "holder_id": m.person["aigerim"]}},
	}, 200)
	var ids []string
	for _, s := range asSlice(out["slots"]) {
		ids = append(ids, s.(map[string]any)["id"].(string))
	}
	return ids
}

// profiles gives the three participants profiles in Kazakh, Chinese and
// Russian, each as themself.
func (m *mmEnv) profiles(t *testing.T) {
	t.Helper()
	for who, body := range map[string]map[string]any{
		"aigerim": {"offers": map[string]string{"kk": "Катализ технологиялары", "en": "catalysis equipment for refineries"},
			"seeks": map[string]string{"en": "research partners in hydrogen storage"}, "topics": []string{"2.4", "1.4"}, "languages": []string{"kk", "ru", "en"}},
		"wei": {"offers": map[string]string{"zh": "氢能储存研究", "en": "hydrogen storage research"},
			"seeks": map[string]string{"en": "industrial catalysis partners"}, "topics": []string{"2.4", "1.3"}, "languages": []string{"zh", "en"}},
		"olga": {"offers": map[string]string{"ru": "Катализаторы и их испытания"}, "seeks": map[string]string{"ru": "Партнёры по водородной энергетике"},
			"topics": []string{"1.4"}, "languages": []string{"ru", "kk"}},
	} {
		mustAPI(t, m.e, m.token[who], "PUT", "/api/v1/events/astana/matchmaking/profiles/"+m.person[who], body, 200)
	}
}

// request sends a request and returns its id.
func (m *mmEnv) request(t *testing.T, from, to string, priority int) string {
	t.Helper()
	out := mustAPI(t, m.e, m.token[from], "POST", "/api/v1/events/astana/meeting-requests",
		map[string]any{"to": m.person[to], "priority": priority, "message": "Shall we meet?"}, 201)
	if out["status"] != "pending" {
		t.Fatalf("a new request is %v", out["status"])
	}
	return out["id"].(string)
}

func TestMatchmakingThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		m := newMMEnv(t, s)
		e := m.e
		m.open(t)
		m.profiles(t)

		recs := mustAPI(t, e, m.token["aigerim"], "GET", "/api/v1/events/astana/matchmaking/recommendations?lang=en", nil, 200)
		first := asSlice(recs["items"])[0].(map[string]any)
		reasons := fmt.Sprint(first["reasons"])
		if first["person"].(map[string]any)["id"] != m.person["wei"] || !strings.Contains(reasons, "seeks what you offer: catalysis") ||
			!strings.Contains(reasons, "industry meets science") || !strings.Contains(reasons, "speaks at: Hydrogen storage") {
			t.Errorf("Aigerim's first recommendation: %v", first)
		}

		toWei := m.request(t, "aigerim", "wei", 3)
		toOlga := m.request(t, "aigerim", "olga", 1)
		weiToOlga := m.request(t, "wei", "olga", 2)
		if !hasMail(t, e, m.email["wei"], "希望在") {
			t.Errorf("Wei got no request mail in Chinese")
		}
		mustAPI(t, e, m.token["wei"], "POST", "/api/v1/meeting-requests/"+toWei+"/accept", nil, 200)
		mustAPI(t, e, m.token["olga"], "POST", "/api/v1/meeting-requests/"+toOlga+"/accept", nil, 200)
		mustAPI(t, e, m.token["olga"], "POST", "/api/v1/meeting-requests/"+weiToOlga+"/decline", nil, 200)
		mustAPI(t, e, m.token["olga"], "POST", "/api/v1/meeting-requests/"+weiToOlga+"/accept", nil, 409)

		preview := mustAPI(t, e, m.manager, "POST", "/api/v1/events/astana/meetings/schedule", map[string]any{"preview": true}, 200)
		if preview["published"] != false || len(asSlice(preview["meetings"])) != 2 {
			t.Fatalf("preview: %v", preview)
		}
		sched := mustAPI(t, e, m.manager, "POST", "/api/v1/events/astana/meetings/schedule", map[string]any{}, 200)
		if sched["weight"] != sched["bound"] || sched["weight"].(float64) != 4 {
			t.Errorf("schedule weight %v, bound %v", sched["weight"], sched["bound"])
		}
		live := mmtest.CheckPublished(t, s, m.eventID)
		if len(live) != 2 {
			t.Fatalf("%d meetings published", len(live))
		}
		for _, mt := range live {
			if mt.A == m.person["wei"] || mt.B == m.person["wei"] {
				if mt.StartsAt.Equal(time.Date(2030, 5, 22, 10, 0, 0, 0, time.UTC)) {
					t.Errorf("Wei meets during his own talk")
				}
			}
		}

		agenda := mustAPI(t, e, m.token["aigerim"], "GET", "/api/v1/events/astana/matchmaking/agenda", nil, 200)
		for _, it := range asSlice(agenda["items"]) {
			item := it.(map[string]any)
			if item["table"].(float64) != 10 || item["table_name"] != "Booth A" || item["profile"] == nil {
				t.Errorf("Aigerim's meeting: %v", item)
			}
		}
		checkFeed(t, e, agenda["feed_url"].(string), 2)

		olgas := mustAPI(t, e, m.token["olga"], "GET", "/api/v1/events/astana/meetings", nil, 200)
		meeting := asSlice(olgas["items"])
		if len(meeting) != 1 {
			t.Fatalf("Olga has %d meetings", len(meeting))
		}
		id := meeting[0].(map[string]any)["id"].(string)
		mustAPI(t, e, m.token["olga"], "POST", "/api/v1/events/astana/meetings/"+id+"/mark", map[string]any{"status": "held"}, 200)
		mustAPI(t, e, m.token["wei"], "POST", "/api/v1/events/astana/meetings/"+id+"/mark", map[string]any{"status": "held"}, 404)

		d := mustAPI(t, e, m.manager, "GET", "/api/v1/events/astana/matchmaking/dashboard", nil, 200)
		req, met := d["requests"].(map[string]any), d["meetings"].(map[string]any)
		if req["sent"] != 3.0 || req["accepted"] != 2.0 || req["declined"] != 1.0 || met["held"] != 1.0 || met["scheduled"] != 1.0 {
			t.Errorf("dashboard: %v", d)
		}
		// Last, for without poppler's tools reading the PDF skips the test.
		resp, pdf := e.do("GET", "/events/astana/matchmaking/agenda.pdf?lang=zh", nil, map[string]string{"Authorization": "Bearer " + m.token["aigerim"]})
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" {
			t.Fatalf("agenda PDF = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if text := pdftest.Text(t, []byte(pdf)); !strings.Contains(text, "王伟") || !strings.Contains(text, "Booth A") {
			t.Errorf("the agenda PDF reads %q", text)
		}
	})
}

// checkFeed reads a calendar feed and fails unless it parses and holds
// the meetings and the programme.
func checkFeed(t *testing.T, e *env, feedURL string, meetings int) {
	t.Helper()
	resp, body := e.do("GET", strings.TrimPrefix(feedURL, "http://symposium.test"), nil, nil)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("feed = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	cal, err := ics.ParseCalendar(strings.NewReader(body))
	if err != nil {
		t.Fatalf("the feed does not parse: %v", err)
	}
	var got, talks int
	for _, ev := range cal.Events() {
		summary := ev.GetProperty(ics.ComponentPropertySummary)
		switch {
		case summary != nil && strings.HasPrefix(summary.Value, "Meeting: "):
			got++
		default:
			talks++
		}
	}
	if got != meetings || talks == 0 {
		t.Errorf("feed: %d meetings, %d programme entries", got, talks)
	}
}

func TestMatchmakingBadInputThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		m := newMMEnv(t, s)
		e := m.e
		m.open(t)
		m.profiles(t)
		outsider := mustAPI(t, e, m.manager, "POST", "/api/v1/people", map[string]any{"name": map[string]string{"en": "Not Registered"}}, 201)["id"].(string)
		for _, c := range []struct {
			name, to, field string
			status          int
		}{
			{"to oneself", m.person["olga"], "to", 422},
			{"to a non-participant", outsider, "to", 422},
		} {
			resp, out := e.api("POST", "/api/v1/events/astana/meeting-requests?lang=ru", m.token["olga"], map[string]any{"to": c.to})
			if resp.StatusCode != c.status || !strings.Contains(fmt.Sprint(out["errors"]), "field:"+c.field) {
				t.Errorf("%s: %d %v", c.name, resp.StatusCode, out)
			}
		}
		resp, out := e.api("PUT", "/api/v1/events/astana/matchmaking", m.manager, map[string]any{
			"opens_at": "2024-05-01T00:00:00Z", "closes_at": "2024-05-02T00:00:00Z",
			"slots": []map[string]any{{"starts_at": "2030-05-22T10:00:00Z", "ends_at": "2030-05-22T10:20:00Z", "tables": 2},
				{"starts_at": "2030-05-22T10:10:00Z", "ends_at": "2030-05-22T10:30:00Z", "tables": 2}}})
		if resp.StatusCode != 422 || !strings.Contains(fmt.Sprint(out["errors"]), "slots.1.starts_at") {
			t.Errorf("overlapping slots: %d %v", resp.StatusCode, out)
		}
		resp, out = e.api("POST", "/api/v1/events/astana/meeting-requests", m.token["olga"], map[string]any{"to": m.person["wei"], "priority": 5})
		if resp.StatusCode != 422 {
			t.Errorf("priority 5: %d %v", resp.StatusCode, out)
		}
		list := mustAPI(t, e, m.manager, "GET", "/api/v1/events/astana/meeting-requests", nil, 200)
		if n := len(asSlice(list["items"])); n != 0 {
			t.Errorf("%d requests stored after bad input", n)
		}
	})
}

// hasMail reports whether the outbox holds a mail to the address whose
// subject or text contains want.
func hasMail(t *testing.T, e *env, address, want string) bool {
	t.Helper()
	for _, m := range mailsTo(t, e, address) {
		if strings.Contains(m.Mail.Subject+m.Mail.Text, want) {
			return true
		}
	}
	return false
}

// TestErasureTakesMatchmakingAlong erases Olga's account: her profile,
// the requests to and from her and her meetings go with it.
func TestErasureTakesMatchmakingAlong(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		m := newMMEnv(t, s)
		e := m.e
		m.open(t)
		m.profiles(t)
		r := m.request(t, "aigerim", "olga", 2)
		mustAPI(t, e, m.token["olga"], "POST", "/api/v1/meeting-requests/"+r+"/accept", nil, 200)
		mustAPI(t, e, m.manager, "POST", "/api/v1/events/astana/meetings/schedule", map[string]any{}, 200)
		mustAPI(t, e, m.token["olga"], "DELETE", "/api/v1/me", nil, 204)
		profiles := mustAPI(t, e, m.token["aigerim"], "GET", "/api/v1/events/astana/matchmaking/profiles", nil, 200)
		if strings.Contains(fmt.Sprint(profiles), m.person["olga"]) {
			t.Errorf("Olga's profile outlived her erasure")
		}
		for _, list := range []string{"meeting-requests", "meetings"} {
			out := mustAPI(t, e, m.manager, "GET", "/api/v1/events/astana/"+list, nil, 200)
			if n := len(asSlice(out["items"])); n != 0 {
				t.Errorf("%d %s outlived Olga's erasure", n, list)
			}
		}
	})
}
