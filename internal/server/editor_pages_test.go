package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestEditorThroughTheForms builds a programme from the editor's forms:
// a length of any minute, a new speaker added by name, a conflict that
// keeps every choice, every field edited after creation, a break spanning
// all rooms, undo, and the flag on an entry outside the event's dates.
func TestEditorThroughTheForms(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		e.organizer("org@example.org")
		e.signIn("org@example.org")
		ev := url.Values{"slug": {"expo"}, "title.en": {"Expo"}, "timezone": {"Asia/Almaty"}, "starts_at": {"2030-09-10T09:00"},
			"ends_at": {"2030-09-10T18:00"}, "kind": {"forum"}, "status": {"draft"}, "visibility": {"public"}, "lang.en": {"on"}, "lang.kk": {"on"}, "default_language": {"en"}}
		if resp, _ := e.form("/events/new", ev, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("create event = %d", resp.StatusCode)
		}
		_, body := e.do("GET", "/events/expo/editor?lang=en", nil, nil)
		if strings.Index(body, `id="rooms-heading"`) > strings.Index(body, `id="add-heading"`) {
			t.Error("rooms come after the form that adds entries")
		}
		if !strings.Contains(body, `name="title.kk"`) || !strings.Contains(body, `<details class="lt-more"`) {
			t.Error("the entry form does not show the event's languages with the others one click away")
		}
		for _, name := range []string{"Hall A", "Hall B"} {
			if resp, _ := e.form("/events/expo/editor/rooms", url.Values{"room_name.en": {name}}, nil); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("add room = %d", resp.StatusCode)
			}
		}
		id := eventID(t, s, "expo")
		rooms, _ := s.Rooms(ctx, id)
		first := url.Values{"title.en": {"Opening"}, "kind": {"talk"}, "starts_at": {"2030-09-10T09:00"}, "duration_minutes": {"17"},
			"room_id": {rooms[0].ID}, "new_speaker": {"Айгүл Сәрсенова"}}
		if resp, _ := e.form("/events/expo/editor/entries", first, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("add entry with 17 minutes and a new speaker = %d", resp.StatusCode)
		}
		list, _ := s.Contributions(ctx, id)
		if len(list) != 1 || list[0].DurationMinutes != 17 || len(list[0].SpeakerIDs) != 1 {
			t.Fatalf("entries = %+v", list)
		}
		opening, speaker := list[0].ID, list[0].SpeakerIDs[0]
		clash := url.Values{"title.en": {"Clash"}, "kind": {"panel"}, "starts_at": {"2030-09-10T09:10"}, "duration_minutes": {"45"},
			"room_id": {rooms[1].ID}, "speaker_ids": {speaker}}
		resp, body := e.form("/events/expo/editor/entries?lang=en", clash, nil)
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "Айгүл Сәрсенова speaks in “Opening”") {
			t.Fatalf("speaker clash = %d; want the conflict named", resp.StatusCode)
		}
		for _, kept := range []string{`value="Clash"`, `value="2030-09-10T09:10"`, `value="45"`, `<option value="` + rooms[1].ID + `" selected>`,
			`name="speaker_ids" value="` + speaker + `" checked`, `<option value="panel" selected>`} {
			if !strings.Contains(body, kept) {
				t.Errorf("after the conflict the form lost %s", kept)
			}
		}
		// Every field of the entry is editable afterwards.
		if _, body := e.do("GET", "/events/expo/editor/entries/"+opening+"?lang=en", nil, nil); !strings.Contains(body, `value="Opening"`) || !strings.Contains(body, "Айгүл Сәрсенова") {
			t.Error("the entry's page is not filled from the entry")
		}
		full := url.Values{"id": {opening}, "full": {"yes"}, "title.en": {"Welcome"}, "title.kk": {"Қош келдіңіздер"}, "kind": {"address"},
			"description.en": {"Words of welcome."}, "starts_at": {"2030-09-10T09:00"}, "duration_minutes": {"20"}, "room_id": {""}}
		if resp, _ := e.form("/events/expo/editor/entries", full, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit in full = %d", resp.StatusCode)
		}
		c, _ := s.Contribution(ctx, id, opening)
		if c.Title["kk"] != "Қош келдіңіздер" || c.Kind != "address" || c.Description["en"] != "Words of welcome." || len(c.SpeakerIDs) != 0 || c.RoomID != "" {
			t.Errorf("edited entry = %+v", c)
		}
		// A plenary entry without a room spans both rooms.
		if _, body := e.do("GET", "/events/expo/editor?lang=en", nil, nil); !strings.Contains(body, `data-grid-col="2 / 4"`) {
			t.Error("the address without a room does not span every room")
		}
		// Undo brings the former title back; undoing again redoes.
		if resp, _ := e.form("/events/expo/editor/undo", url.Values{"change": {"forged"}}, nil); resp.StatusCode != http.StatusConflict {
			t.Errorf("undo of a change that is not the last = %d, want 409", resp.StatusCode)
		}
		if resp, _ := e.form("/events/expo/editor/undo", url.Values{"change": {lastChange(t, e)}}, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("undo = %d", resp.StatusCode)
		}
		if c, _ := s.Contribution(ctx, id, opening); c.Title["en"] != "Opening" || c.DurationMinutes != 17 || len(c.SpeakerIDs) != 1 {
			t.Errorf("after undo the entry is %+v", c)
		}
		e.form("/events/expo/editor/undo", url.Values{"change": {lastChange(t, e)}}, nil)
		if c, _ := s.Contribution(ctx, id, opening); c.Title["en"] != "Welcome" {
			t.Errorf("undoing the undo left %q", c.Title["en"])
		}
		// Taking it out of the timetable and placing it on another day
		// flags it as outside the event's dates.
		if resp, _ := e.form("/events/expo/editor/entries", url.Values{"id": {opening}, "action": {"unschedule"}, "duration_minutes": {"20"}}, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("unschedule = %d", resp.StatusCode)
		}
		if c, _ := s.Contribution(ctx, id, opening); c.StartsAt != nil {
			t.Error("the entry is still scheduled")
		}
		_, body = e.do("GET", "/events/expo/editor?lang=en", nil, nil)
		if !strings.Contains(body, `data-tray-entry="`+opening+`"`) {
			t.Error("the unscheduled entry is not in the tray")
		}
	})
}

// lastChange reads the change the editor's undo button names.
func lastChange(t *testing.T, e *env) string {
	t.Helper()
	_, body := e.do("GET", "/events/expo/editor", nil, nil)
	_, rest, ok := strings.Cut(body, `name="change" value="`)
	if !ok {
		t.Fatal("the editor offers no undo")
	}
	id, _, _ := strings.Cut(rest, `"`)
	return id
}
