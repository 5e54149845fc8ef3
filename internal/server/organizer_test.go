package server_test

import (
	"bytes"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"symposium"
	"symposium/internal/demo"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// signIn signs the env's browser-like client in.
func (e *env) signIn(email string) {
	e.t.Helper()
	resp, _ := e.form("/signin", url.Values{"email": {email}, "password": {"correct horse battery"}}, nil)
	if resp.StatusCode != http.StatusSeeOther {
		e.t.Fatalf("sign in as %s = %d", email, resp.StatusCode)
	}
}

func TestCreateEventThroughTheForm(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		if resp, _ := e.do("GET", "/events/new", nil, nil); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("anonymous /events/new = %d, want a redirect to sign in", resp.StatusCode)
		}
		e.organizer("org@example.org")
		e.signIn("org@example.org")
		bad := url.Values{"slug": {"Not A Slug"}, "title.ru": {""}, "timezone": {"Asia/Almaty"}, "starts_at": {"2030-05-22T10:00"},
			"ends_at": {"2030-05-22T09:00"}, "kind": {"symposium"}, "status": {"draft"}, "visibility": {"public"}, "summary.kk": {"Қысқаша"}}
		resp, body := e.form("/events/new?lang=ru", bad, nil)
		if resp.StatusCode != 422 || !strings.Contains(body, "Это поле обязательно.") || !strings.Contains(body, "Окончание должно быть позже начала.") ||
			!strings.Contains(body, `value="Not A Slug"`) || !strings.Contains(body, "Қысқаша") {
			t.Errorf("invalid event form = %d; want the form again with the errors in Russian and the values kept", resp.StatusCode)
		}
		if list, _, _ := s.ListEvents(ctx, store.EventQuery{Viewer: &symposium.User{IsAdmin: true}, Limit: 10}); len(list) != 0 {
			t.Errorf("an invalid form stored an event")
		}
		good := url.Values{"slug": {"almaty-2025"}, "title.en": {"Almaty Forum"}, "title.kk": {"Алматы форумы"}, "timezone": {"Asia/Almaty"},
			"starts_at": {"2025-09-10T09:00"}, "ends_at": {"2025-09-11T18:00"}, "kind": {"forum"}, "status": {"published"},
			"visibility": {"public"}, "lang.en": {"on"}, "lang.kk": {"on"}, "default_language": {"kk"}}
		resp, _ = e.form("/events/new", good, nil)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/events/almaty-2025/editor" {
			t.Fatalf("create event = %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		ev, err := s.EventBySlug(ctx, "almaty-2025")
		if err != nil || ev.Title["kk"] != "Алматы форумы" || ev.DefaultLanguage != "kk" || ev.StartsAt.Format(time.RFC3339) != "2025-09-10T04:00:00Z" {
			t.Errorf("stored event = %+v, %v", ev, err)
		}
		// The creator manages it: the editor answers, and a room and an entry can be added.
		if resp, _ := e.do("GET", "/events/almaty-2025/editor", nil, nil); resp.StatusCode != 200 {
			t.Errorf("editor = %d", resp.StatusCode)
		}
		if resp, _ := e.form("/events/almaty-2025/editor/rooms", url.Values{"room_name.en": {"Hall A"}, "capacity": {"120"}}, nil); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("add room = %d", resp.StatusCode)
		}
		rooms, _ := s.Rooms(ctx, ev.ID)
		if len(rooms) != 1 || rooms[0].Capacity != 120 {
			t.Fatalf("rooms = %+v", rooms)
		}
		entry := url.Values{"title.en": {"Opening"}, "kind": {"address"}, "starts_at": {"2025-09-10T09:00"}, "duration_minutes": {"30"}, "room_id": {rooms[0].ID}}
		if resp, _ := e.form("/events/almaty-2025/editor/entries", entry, nil); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("add entry = %d", resp.StatusCode)
		}
		entry.Set("title.en", "Clash")
		resp, body = e.form("/events/almaty-2025/editor/entries?lang=en", entry, nil)
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "Hall A is taken by “Opening”, 09:00–09:30.") {
			t.Errorf("clashing entry = %d; want the editor with the conflict named", resp.StatusCode)
		}
		// Someone else sees the public event but cannot open its editor.
		e2 := start(t, s, false)
		e2.user("other@example.org", false)
		e2.signIn("other@example.org")
		if resp, _ := e2.do("GET", "/events/almaty-2025/editor", nil, nil); resp.StatusCode != 403 {
			t.Errorf("a stranger's editor = %d, want 403", resp.StatusCode)
		}
	})
}

func TestRolesPage(t *testing.T) {
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, token := e.organizer("m@example.org")
	e.user("reviewer@example.org", false)
	createSeedEvent(t, e, token, "team-test", "restricted")
	e.signIn("m@example.org")
	if resp, _ := e.form("/events/team-test/roles", url.Values{"email": {"nobody@example.org"}, "role": {"reviewer"}}, nil); resp.StatusCode != 422 {
		t.Errorf("role for an unknown email = %d, want 422", resp.StatusCode)
	}
	if resp, _ := e.form("/events/team-test/roles", url.Values{"email": {"reviewer@example.org"}, "role": {"reviewer"}}, nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("add reviewer = %d", resp.StatusCode)
	}
	_, body := e.do("GET", "/events/team-test/roles?lang=en", nil, nil)
	if !strings.Contains(body, "reviewer@example.org") {
		t.Error("the team page does not list the reviewer")
	}
	ev, _ := s.EventBySlug(ctx, "team-test")
	roles, _ := s.EventRoles(ctx, ev.ID)
	var managerID string
	for _, r := range roles {
		if r.Role == "manager" {
			managerID = r.UserID
		}
	}
	if resp, _ := e.form("/events/team-test/roles/remove", url.Values{"user_id": {managerID}, "role": {"manager"}}, nil); resp.StatusCode != http.StatusConflict {
		t.Errorf("removing the last manager = %d, want 409", resp.StatusCode)
	}
}

func TestRestrictedEventPages(t *testing.T) {
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, token := e.organizer("m@example.org")
	e.user("stranger@example.org", false)
	ids := createSeedEvent(t, e, token, "closed", "restricted")
	paths := []string{"/events/closed", "/events/closed/timetable", "/events/closed/timetable.ics", "/events/closed/speakers",
		"/events/closed/timetable/print", "/events/closed/contributions/" + ids["c1"], "/events/closed/contributions/" + ids["c1"] + ".ics"}
	check := func(who string, want int) {
		for _, p := range paths {
			if resp, _ := e.do("GET", p, nil, nil); resp.StatusCode != want {
				t.Errorf("%s: %s = %d, want %d", who, p, resp.StatusCode, want)
			}
		}
	}
	check("anonymous", 404)
	if _, body := e.do("GET", "/?lang=en", nil, nil); strings.Contains(body, "closed") {
		t.Error("the front page lists the restricted event")
	}
	e.signIn("stranger@example.org")
	check("a stranger", 404)
	e.signIn("m@example.org")
	check("its manager", 200)
}

func TestCalendarMatchesTimetable(t *testing.T) {
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	e := start(t, s, false)
	_, tt := e.api("GET", "/api/v1/events/"+demo.Slug+"/timetable", "", nil)
	resp, body := e.do("GET", "/events/"+demo.Slug+"/timetable.ics?lang=zh", nil, nil)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("ics = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if strings.Count(body, "\r\n") != strings.Count(body, "\n") {
		t.Error("the calendar's lines do not all end in CRLF")
	}
	cal, err := ics.ParseCalendar(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	entries := tt["entries"].([]any)
	events := cal.Events()
	if len(events) != len(entries) {
		t.Fatalf("%d calendar events for %d timetable entries", len(events), len(entries))
	}
	for i, ev := range events {
		want := entries[i].(map[string]any)
		start, err1 := ev.GetStartAt()
		end, err2 := ev.GetEndAt()
		ws, _ := time.Parse(time.RFC3339, want["starts_at"].(string))
		we, _ := time.Parse(time.RFC3339, want["ends_at"].(string))
		if err1 != nil || err2 != nil || !start.UTC().Equal(ws.UTC()) || !end.UTC().Equal(we.UTC()) {
			t.Errorf("event %d: %v–%v (%v %v), timetable %v–%v", i, start.UTC(), end.UTC(), err1, err2, ws.UTC(), we.UTC())
		}
		if ev.Id() != want["id"].(string)+"@symposium" || ev.GetProperty(ics.ComponentPropertyDtstamp) == nil {
			t.Errorf("event %d: UID %q or DTSTAMP missing", i, ev.Id())
		}
		if title := want["title"].(map[string]any)["zh"]; ev.GetProperty(ics.ComponentPropertySummary).Value != title {
			t.Errorf("event %d summary %q, want the Chinese title %q", i, ev.GetProperty(ics.ComponentPropertySummary).Value, title)
		}
	}
	_, again := e.do("GET", "/events/"+demo.Slug+"/timetable.ics?lang=zh", nil, nil)
	if uids(again) != uids(body) {
		t.Error("UIDs changed between two exports")
	}
}

func uids(cal string) string {
	var out []string
	for _, line := range strings.Split(cal, "\r\n") {
		if strings.HasPrefix(line, "UID:") {
			out = append(out, line)
		}
	}
	return strings.Join(out, ",")
}

func TestPhotoUpload(t *testing.T) {
	s := storetest.SQLite(t)
	e := start(t, s, false)
	e.user("admin@example.org", true)
	e.user("someone@example.org", false)
	ps := &symposium.Person{Name: symposium.Text("en", "Zhang Wei", "zh", "张伟")}
	if err := s.CreatePerson(ctx, ps); err != nil {
		t.Fatal(err)
	}
	upload := func() int {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, _ := mw.CreateFormFile("photo", "me.png")
		_ = png.Encode(fw, image.NewRGBA(image.Rect(0, 0, 1200, 900)))
		_ = mw.Close()
		resp, _ := e.do("POST", "/people/"+ps.ID+"/photo", &body, map[string]string{"Content-Type": mw.FormDataContentType(),
			"Origin": e.srv.URL, "Sec-Fetch-Site": "same-origin"})
		return resp.StatusCode
	}
	e.signIn("someone@example.org")
	if code := upload(); code != http.StatusForbidden {
		t.Errorf("a stranger's upload = %d, want 403: the person's page is public, the photo is not theirs to change", code)
	}
	e.signIn("admin@example.org")
	if code := upload(); code != http.StatusSeeOther {
		t.Fatalf("admin's upload = %d", code)
	}
	resp, data := e.do("GET", "/people/"+ps.ID+"/photo", nil, nil)
	cfg, format, err := image.DecodeConfig(strings.NewReader(data))
	if resp.StatusCode != 200 || err != nil || format != "jpeg" || cfg.Width != 800 {
		t.Errorf("photo = %d %s %dx%d %v", resp.StatusCode, format, cfg.Width, cfg.Height, err)
	}
	_, page := e.do("GET", "/people/"+ps.ID+"?lang=zh", nil, nil)
	if !strings.Contains(page, "张伟") || !strings.Contains(page, "/people/"+ps.ID+"/photo") {
		t.Error("the person's page lacks the name or the photo")
	}
}
