package server_test

import (
	"fmt"
	"testing"

	"symposium"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// createSeedEvent builds the seed's event through the API alone: the event,
// two rooms, three people and five contributions. It returns the ids.
func createSeedEvent(t *testing.T, e *env, token, slug, visibility string) map[string]string {
	t.Helper()
	ids := map[string]string{}
	must := func(what string, status int, body map[string]any, resp int) {
		t.Helper()
		if resp != status {
			t.Fatalf("%s = %d %v", what, resp, body)
		}
	}
	resp, org := e.api("POST", "/api/v1/organizations", token, map[string]any{
		"name": map[string]string{"en": "Kazakhstan–China Research Center", "ru": "Казахстанско-китайский исследовательский центр"}, "country": "KZ", "kind": "research_center"})
	must("create organization", 201, org, resp.StatusCode)
	resp, ev := e.api("POST", "/api/v1/events", token, map[string]any{
		"slug": slug, "title": map[string]string{"en": "China Science and Technology Symposium", "zh": "中国科技研讨会", "kk": "Қытай ғылымы мен технологиялары симпозиумы", "ru": "Симпозиум «Наука и технологии Китая»"},
		"summary":   map[string]string{"en": "Experts and scholars from China and Kazakhstan in dialogue."},
		"starts_at": "2030-05-22T10:00:00+05:00", "ends_at": "2030-05-22T17:00:00+05:00", "timezone": "Asia/Almaty",
		"venue":      map[string]any{"name": map[string]string{"en": "Conference hall"}, "city": map[string]string{"en": "Astana", "kk": "Астана"}, "address": "Astana"},
		"visibility": visibility, "languages": []string{"ru", "kk", "zh", "en"},
		"organizers": []map[string]string{{"organization_id": org["id"].(string), "role": "co_sponsor"}},
	})
	must("create event", 201, ev, resp.StatusCode)
	ids["event"] = ev["id"].(string)
	for _, room := range []string{"main", "second"} {
		resp, r := e.api("POST", "/api/v1/events/"+slug+"/rooms", token, map[string]any{"name": map[string]string{"en": room + " hall"}, "capacity": 100})
		must("create room", 201, r, resp.StatusCode)
		ids[room] = r["id"].(string)
	}
	for key, name := range map[string]map[string]string{
		"xing":     {"zh": "邢芳芳", "en": "Xing Fangfang"},
		"gulnar":   {"kk": "Гүлнар Шаймергенова", "en": "Gulnar Shaimergenova"},
		"zhangwei": {"zh": "张伟", "en": "Zhang Wei"},
	} {
		resp, p := e.api("POST", "/api/v1/people", token, map[string]any{"name": name, "organization_id": org["id"]})
		must("create person", 201, p, resp.StatusCode)
		ids[key] = p["id"].(string)
	}
	for i, c := range []struct{ key, start, room, speaker, kind string }{
		{"c1", "10:00", "main", "xing", "address"},
		{"c2", "10:15", "main", "gulnar", "address"},
		{"c3", "11:00", "second", "zhangwei", "talk"},
		{"c4", "11:00", "main", "", "panel"},
		{"c5", "12:00", "main", "", "break"},
	} {
		body := map[string]any{"title": map[string]string{"en": fmt.Sprintf("Entry %d", i+1)}, "kind": c.kind,
			"starts_at": "2030-05-22T" + c.start + ":00+05:00", "duration_minutes": 15, "room_id": ids[c.room], "speaker_ids": []string{}}
		if c.speaker != "" {
			body["speaker_ids"] = []string{ids[c.speaker]}
		}
		resp, r := e.api("POST", "/api/v1/events/"+slug+"/contributions", token, body)
		must("create contribution", 201, r, resp.StatusCode)
		ids[c.key] = r["id"].(string)
	}
	return ids
}

func TestProgrammeThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, token := e.organizer("organizer@example.org")
		ids := createSeedEvent(t, e, token, "astana-2024", "public")

		resp, tt := e.api("GET", "/api/v1/events/astana-2024/timetable", "", nil)
		if resp.StatusCode != 200 || tt["timezone"] != "Asia/Almaty" {
			t.Fatalf("timetable = %d %v", resp.StatusCode, tt)
		}
		entries := tt["entries"].([]any)
		var order []string
		for _, en := range entries {
			m := en.(map[string]any)
			order = append(order, m["id"].(string))
			if m["room"] == nil || m["speakers"] == nil {
				t.Errorf("entry without room or speakers: %v", m)
			}
		}
		// By time, then by room: the main hall's 11:00 panel before the
		// second hall's 11:00 talk.
		want := []string{ids["c1"], ids["c2"], ids["c4"], ids["c3"], ids["c5"]}
		if fmt.Sprint(order) != fmt.Sprint(want) {
			t.Errorf("timetable order = %v, want %v", order, want)
		}
		first := entries[0].(map[string]any)
		if first["starts_at"] != "2030-05-22T10:00:00+05:00" || first["ends_at"] != "2030-05-22T10:15:00+05:00" {
			t.Errorf("first entry at %v–%v", first["starts_at"], first["ends_at"])
		}
		if sp := first["speakers"].([]any); len(sp) != 1 || sp[0].(map[string]any)["name"].(map[string]any)["zh"] != "邢芳芳" {
			t.Errorf("first entry's speakers = %v", first["speakers"])
		}

		// One speaker booked into the other room at the same time as her
		// address: 409 naming the speaker conflict; in her own room, the room
		// conflict as well.
		resp, p := e.api("POST", "/api/v1/events/astana-2024/contributions", token, map[string]any{
			"title": map[string]string{"en": "Clash"}, "kind": "talk", "starts_at": "2030-05-22T10:15:00+05:00",
			"duration_minutes": 15, "room_id": ids["second"], "speaker_ids": []string{ids["gulnar"]}})
		if resp.StatusCode != 409 {
			t.Fatalf("double-booked speaker = %d %v", resp.StatusCode, p)
		}
		conflicts := p["conflicts"].([]any)
		c := conflicts[0].(map[string]any)
		if len(conflicts) != 1 || c["kind"] != "speaker" || c["person_id"] != ids["gulnar"] || c["with"].(map[string]any)["id"] != ids["c2"] {
			t.Errorf("conflicts = %v", conflicts)
		}
		resp, p = e.api("POST", "/api/v1/events/astana-2024/contributions", token, map[string]any{
			"title": map[string]string{"en": "Clash"}, "kind": "talk", "starts_at": "2030-05-22T10:15:00+05:00",
			"duration_minutes": 15, "room_id": ids["main"], "speaker_ids": []string{ids["gulnar"]}})
		kinds := map[string]bool{}
		for _, c := range p["conflicts"].([]any) {
			kinds[c.(map[string]any)["kind"].(string)] = true
		}
		if resp.StatusCode != 409 || !kinds["room"] || !kinds["speaker"] {
			t.Errorf("room and speaker clash = %d %v", resp.StatusCode, p)
		}
		if resp, list := e.api("GET", "/api/v1/events/astana-2024/contributions", "", nil); resp.StatusCode != 200 || len(list["items"].([]any)) != 5 {
			t.Errorf("after refused bookings, contributions = %v", list)
		}

		// Moving an entry: to a free slot works, onto another fails.
		resp, moved := e.api("PATCH", "/api/v1/events/astana-2024/contributions/"+ids["c5"], token, map[string]any{"starts_at": "2030-05-22T13:00:00+05:00", "duration_minutes": 45})
		if resp.StatusCode != 200 || moved["duration_minutes"] != float64(45) {
			t.Errorf("move = %d %v", resp.StatusCode, moved)
		}
		if resp, _ := e.api("PATCH", "/api/v1/events/astana-2024/contributions/"+ids["c5"], token, map[string]any{"starts_at": "2030-05-22T10:00:00+05:00"}); resp.StatusCode != 409 {
			t.Errorf("move onto the opening address = %d", resp.StatusCode)
		}
		// Others may read but not change the programme.
		_, other := e.user("other@example.org", false)
		if resp, _ := e.api("POST", "/api/v1/events/astana-2024/rooms", other, map[string]any{"name": map[string]string{"en": "X"}}); resp.StatusCode != 403 {
			t.Errorf("a stranger adding a room = %d, want 403", resp.StatusCode)
		}
	})
}

func TestRestrictedEventIsHidden(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, manager := e.organizer("manager@example.org")
		_, stranger := e.user("stranger@example.org", false)
		createSeedEvent(t, e, manager, "closed-door", "restricted")
		paths := []string{"/api/v1/events/closed-door", "/api/v1/events/closed-door/timetable", "/api/v1/events/closed-door/contributions",
			"/api/v1/events/closed-door/rooms"}
		for _, token := range []string{"", stranger} {
			for _, path := range paths {
				if resp, _ := e.api("GET", path, token, nil); resp.StatusCode != 404 {
					t.Errorf("%s for an outsider = %d, want 404", path, resp.StatusCode)
				}
			}
			_, list := e.api("GET", "/api/v1/events", token, nil)
			if len(list["items"].([]any)) != 0 {
				t.Errorf("an outsider's event list shows the restricted event")
			}
		}
		for _, path := range paths {
			if resp, _ := e.api("GET", path, manager, nil); resp.StatusCode != 200 {
				t.Errorf("%s for its manager = %d", path, resp.StatusCode)
			}
		}
		if resp, _ := e.api("POST", "/api/v1/events/closed-door/roles", manager, map[string]any{"email": "stranger@example.org", "role": "reviewer"}); resp.StatusCode != 201 {
			t.Errorf("add role = %d", resp.StatusCode)
		}
		if resp, _ := e.api("GET", "/api/v1/events/closed-door", stranger, nil); resp.StatusCode != 200 {
			t.Errorf("after being given a role, the event = %d", resp.StatusCode)
		}
	})
}

func TestSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, token := e.organizer("organizer@example.org")
		ids := createSeedEvent(t, e, token, "with-sessions", "public")
		resp, p := e.api("POST", "/api/v1/events/with-sessions/sessions", token, map[string]any{
			"title": map[string]string{"en": "Climate"}, "colour": "not a colour"})
		if resp.StatusCode != 422 {
			t.Errorf("bad colour = %d %v", resp.StatusCode, p)
		}
		resp, ps := e.api("POST", "/api/v1/events/with-sessions/sessions", token, map[string]any{
			"title": map[string]string{"en": "Climate", "zh": "气候"}, "colour": "#1a7f37", "room_id": ids["second"], "convener_ids": []string{ids["gulnar"]}})
		if resp.StatusCode != 201 {
			t.Fatalf("create session = %d %v", resp.StatusCode, ps)
		}
		resp, c := e.api("PATCH", "/api/v1/events/with-sessions/contributions/"+ids["c3"], token, map[string]any{"session_id": ps["id"]})
		if resp.StatusCode != 200 || c["session_id"] != ps["id"] {
			t.Fatalf("assign session = %d %v", resp.StatusCode, c)
		}
		_, tt := e.api("GET", "/api/v1/events/with-sessions/timetable", "", nil)
		found := false
		for _, en := range tt["entries"].([]any) {
			m := en.(map[string]any)
			if m["id"] == ids["c3"] {
				found = m["session"] != nil && m["session"].(map[string]any)["colour"] == "#1a7f37"
			}
		}
		if !found {
			t.Errorf("the timetable does not show the entry's session: %v", tt["entries"])
		}
		if resp, _ := e.api("PATCH", "/api/v1/events/with-sessions/contributions/"+ids["c3"], token, map[string]any{"session_id": symposium.NewID()}); resp.StatusCode != 422 {
			t.Errorf("unknown session = %d, want 422", resp.StatusCode)
		}
	})
}
