package server_test

import (
	"strings"
	"testing"

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
