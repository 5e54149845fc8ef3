package server_test

import (
	"strings"
	"testing"
	"time"

	"symposium/internal/matchmaking/mmtest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestMeetingDayThroughTheAPIAndPages scans Aigerim's booth to find the
// meeting, marks it held, answers "Follow-up planned?" and finds the
// proposal among the event's agreements; the pages of each step render
// in the participant's language.
func TestMeetingDayThroughTheAPIAndPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		m := newMMEnv(t, s)
		e := m.e
		m.open(t)
		m.profiles(t)
		req := m.request(t, "aigerim", "olga", 2)
		mustAPI(t, e, m.token["olga"], "POST", "/api/v1/meeting-requests/"+req+"/accept", nil, 200)
		mustAPI(t, e, m.manager, "POST", "/api/v1/events/astana/meetings/schedule", map[string]any{}, 200)

		page := func(token, path string) string {
			t.Helper()
			resp, body := e.do("GET", path, nil, map[string]string{"Authorization": "Bearer " + token})
			if resp.StatusCode != 200 {
				t.Fatalf("GET %s = %d", path, resp.StatusCode)
			}
			return body
		}
		if body := page(m.token["olga"], "/events/astana/matchmaking/meet?table=10&lang=ru"); !strings.Contains(body, "Встреча состоялась") &&
			!strings.Contains(body, "Booth A") {
			t.Errorf("the meet page of table 10 shows no meeting")
		}
		if body := page(m.manager, "/events/astana/matchmaking/tables?lang=en"); strings.Count(body, "<svg") != 3 ||
			!strings.Contains(body, "/events/astana/matchmaking/meet?table=10") {
			t.Errorf("the tables' codes: %d codes", strings.Count(body, "<svg"))
		}
		found := mustAPI(t, e, m.token["olga"], "GET", "/api/v1/events/astana/meetings/scan?table=10", nil, 200)
		id := found["meeting"].(map[string]any)["id"].(string)
		resp, out := e.api("GET", "/api/v1/events/astana/meetings/scan?table=1&lang=ru", m.token["olga"], nil)
		if resp.StatusCode != 422 || !strings.Contains(strings.ToLower(out["errors"].([]any)[0].(map[string]any)["message"].(string)), "нет встречи") {
			t.Errorf("a scan of a table without a meeting: %d %v", resp.StatusCode, out)
		}

		mustAPI(t, e, m.token["olga"], "POST", "/api/v1/events/astana/meetings/"+id+"/mark", map[string]any{"status": "held"}, 200)
		if body := page(m.token["olga"], "/events/astana/matchmaking/agenda?lang=ru"); !strings.Contains(body, "Планируется продолжение?") ||
			!strings.Contains(body, "/meetings/"+id+"/follow-up") {
			t.Errorf("the agenda does not ask about a follow-up")
		}
		resp, out = e.api("POST", "/api/v1/events/astana/meetings/"+id+"/follow-up", m.token["olga"], map[string]any{"planned": true})
		if resp.StatusCode != 422 {
			t.Errorf("a yes without text: %d %v", resp.StatusCode, out)
		}
		fu := mustAPI(t, e, m.token["olga"], "POST", "/api/v1/events/astana/meetings/"+id+"/follow-up",
			map[string]any{"planned": true, "text": "Совместные испытания катализаторов"}, 200)
		list := mustAPI(t, e, m.manager, "GET", "/api/v1/events/astana/agreements", nil, 200)
		items := asSlice(list["items"])
		if len(items) != 1 || items[0].(map[string]any)["id"] != fu["agreement_id"] || items[0].(map[string]any)["meeting_id"] != id {
			t.Errorf("the agreements: %v", list)
		}
		if body := page(m.token["olga"], "/events/astana/matchmaking/agenda?lang=ru"); strings.Contains(body, "/meetings/"+id+"/follow-up") {
			t.Errorf("the agenda asks again after the answer")
		}
	})
}

// TestNoShowOfferThroughTheAPIAndPages opens matchmaking with slots from
// now, so that a meeting Aigerim marks "did not come" still lasts: her
// agenda page offers its slot to Olga, whose request waits, and taking
// the offer through the API places the meeting at Aigerim's booth and
// tells Olga in Russian.
func TestNoShowOfferThroughTheAPIAndPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		m := newMMEnv(t, s)
		e := m.e
		start := time.Now().UTC().Truncate(time.Minute).Add(-5 * time.Minute)
		var slots []map[string]any
		for i := range 3 {
			at := start.Add(time.Duration(20*i) * time.Minute)
			slots = append(slots, map[string]any{"starts_at": at.Format(time.RFC3339), "ends_at": at.Add(20 * time.Minute).Format(time.RFC3339), "tables": 2})
		}
		mustAPI(t, e, m.manager, "PUT", "/api/v1/events/astana/matchmaking", map[string]any{
			"opens_at": time.Now().Add(-time.Hour).Format(time.RFC3339), "closes_at": time.Now().Add(48 * time.Hour).Format(time.RFC3339),
			"slots": slots, "tables": []map[string]any{{"number": 10, "name": "Booth A", "holder_id": m.person["aigerim"]}},
		}, 200)
		m.profiles(t)
		toAigerim := m.request(t, "wei", "aigerim", 3)
		mustAPI(t, e, m.token["aigerim"], "POST", "/api/v1/meeting-requests/"+toAigerim+"/accept", nil, 200)
		mustAPI(t, e, m.manager, "POST", "/api/v1/events/astana/meetings/schedule", map[string]any{}, 200)
		waiting := m.request(t, "olga", "aigerim", 2)
		mustAPI(t, e, m.token["aigerim"], "POST", "/api/v1/meeting-requests/"+waiting+"/accept", nil, 200)

		mine := asSlice(mustAPI(t, e, m.token["aigerim"], "GET", "/api/v1/events/astana/meetings", nil, 200)["items"])
		if len(mine) != 1 {
			t.Fatalf("Aigerim has %d meetings", len(mine))
		}
		missed := mine[0].(map[string]any)["id"].(string)
		mustAPI(t, e, m.token["wei"], "GET", "/api/v1/events/astana/meetings/"+missed+"/offer", nil, 404)
		mustAPI(t, e, m.token["aigerim"], "POST", "/api/v1/events/astana/meetings/"+missed+"/mark", map[string]any{"status": "no_show"}, 200)
		offer := mustAPI(t, e, m.token["aigerim"], "GET", "/api/v1/events/astana/meetings/"+missed+"/offer", nil, 200)
		if offer["request_id"] != waiting || offer["table"] != 10.0 || offer["with"].(map[string]any)["id"] != m.person["olga"] {
			t.Fatalf("offer: %v", offer)
		}
		resp, body := e.do("GET", "/events/astana/matchmaking/agenda?lang=en", nil, map[string]string{"Authorization": "Bearer " + m.token["aigerim"]})
		if resp.StatusCode != 200 || !strings.Contains(body, `class="mm-offer"`) || !strings.Contains(body, "Ольга Иванова") ||
			!strings.Contains(body, "/meetings/"+missed+"/offer") {
			t.Errorf("the agenda page = %d, without the offer", resp.StatusCode)
		}
		mustAPI(t, e, m.token["aigerim"], "POST", "/api/v1/events/astana/meetings/"+missed+"/offer", map[string]any{"request_id": waiting}, 201)
		mustAPI(t, e, m.token["aigerim"], "POST", "/api/v1/events/astana/meetings/"+missed+"/offer", map[string]any{"request_id": waiting}, 409)
		if !hasMail(t, e, m.email["olga"], "Сейчас: встреча") {
			t.Errorf("Olga was not told in Russian")
		}
		if live := mmtest.CheckPublished(t, s, m.eventID); len(live) != 2 {
			t.Errorf("%d live meetings", len(live))
		}
	})
}
