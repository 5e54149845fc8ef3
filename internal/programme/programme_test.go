package programme_test

import (
	"context"
	"testing"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/programme"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

var ctx = context.Background()

// closedSite is a site where only named organizers create events.
type closedSite struct{}

func (closedSite) Site(context.Context) (symposium.Site, error) { return symposium.Site{}, nil }

// world is a store with three events managed by one account: public,
// restricted and a public draft.
type world struct {
	t        *testing.T
	s        *store.Store
	svc      *programme.Service
	manager  *symposium.User
	stranger *symposium.User
	admin    *symposium.User
	speaker  *symposium.Person
}

func newWorld(t *testing.T, s *store.Store) *world {
	w := &world{t: t, s: s, svc: programme.New(s, events.New(s, closedSite{}))}
	w.manager = w.user("manager@example.org", false)
	w.stranger = w.user("stranger@example.org", false)
	w.admin = w.user("admin@example.org", true)
	w.event("public", symposium.VisibilityPublic, symposium.StatusPublished)
	w.event("restricted", symposium.VisibilityRestricted, symposium.StatusPublished)
	w.event("draft", symposium.VisibilityPublic, symposium.StatusDraft)
	w.speaker = &symposium.Person{Name: symposium.Text("en", "Aigerim Nurlanovna", "ru", "Айгерим Нурлановна"), Email: "aigerim@example.kz"}
	if err := s.CreatePerson(ctx, w.speaker); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *world) user(email string, admin bool) *symposium.User {
	w.t.Helper()
	u := &symposium.User{Email: email, Name: "User " + email, IsAdmin: admin, Language: "en"}
	if err := w.s.CreateUser(ctx, u, "hash"); err != nil {
		w.t.Fatal(err)
	}
	return u
}

// event stores an event of the manager's on 22 May 2024 in Astana.
func (w *world) event(slug, visibility, status string) *symposium.Event {
	w.t.Helper()
	e := &symposium.Event{
		Slug: slug, Title: symposium.Text("en", "Symposium "+slug), Timezone: "Asia/Almaty", Visibility: visibility, Status: status,
		StartsAt: at(9, 0), EndsAt: at(18, 0),
	}
	var p symposium.Problems
	e.Validate(&p)
	if err := p.Err(); err != nil {
		w.t.Fatal(err)
	}
	if err := w.s.CreateEvent(ctx, e, w.manager.ID); err != nil {
		w.t.Fatal(err)
	}
	return e
}

func at(hour, minute int) time.Time {
	return time.Date(2024, 5, 22, hour, minute, 0, 0, time.FixedZone("UTC+5", 5*3600))
}

// talk is a change that makes a talk of 30 minutes at start in room.
func talk(title string, start time.Time, room string, speakers ...string) programme.Change {
	return func(_ *symposium.Event, c *symposium.Contribution, _ *symposium.Problems) {
		c.Title, c.Kind, c.StartsAt, c.DurationMinutes = symposium.Text("en", title), symposium.ContributionTalk, &start, 30
		c.RoomID, c.SpeakerIDs = room, speakers
	}
}

// audit returns the actions of the event's audit log by subject, oldest
// first.
func (w *world) audit(slug string) []*symposium.AuditEntry {
	w.t.Helper()
	e, err := w.s.EventBySlug(ctx, slug)
	if err != nil {
		w.t.Fatal(err)
	}
	list, _, err := w.s.AuditLog(ctx, store.AuditQuery{EventID: e.ID, Limit: 100})
	if err != nil {
		w.t.Fatal(err)
	}
	var out []*symposium.AuditEntry
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].Action != symposium.AuditEventCreate {
			out = append(out, list[i])
		}
	}
	return out
}

func TestManagerBuildsTheProgrammeAndTheAuditLogRecordsIt(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		room := &symposium.Room{Name: symposium.Text("en", "Hall A"), Capacity: 120}
		if err := w.svc.CreateRoom(ctx, w.manager, "public", room); err != nil {
			t.Fatal(err)
		}
		session := &symposium.Session{Title: symposium.Text("en", "Digital economy"), RoomID: room.ID, ConvenerIDs: []string{w.speaker.ID}}
		if err := w.svc.CreateSession(ctx, w.manager, "public", session); err != nil {
			t.Fatal(err)
		}
		_, c, err := w.svc.SaveContribution(ctx, w.manager, "public", "", talk("Opening", at(10, 0), room.ID, w.speaker.ID))
		if err != nil {
			t.Fatal(err)
		}
		_, moved, err := w.svc.SaveContribution(ctx, w.manager, "public", c.ID, func(_ *symposium.Event, c *symposium.Contribution, _ *symposium.Problems) {
			start := at(11, 0)
			c.StartsAt = &start
		})
		if err != nil {
			t.Fatal(err)
		}
		if moved.ID != c.ID || !moved.StartsAt.Equal(at(11, 0)) || moved.Title["en"] != "Opening" || len(moved.SpeakerIDs) != 1 {
			t.Errorf("moved entry = %+v; want Opening at 11:00 with its speaker", moved)
		}
		if err := w.svc.DeleteContribution(ctx, w.manager, "public", c.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Contribution(ctx, w.manager, "public", c.ID); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("the deleted entry: err = %v, want not found", err)
		}
		want := []struct{ action, subject string }{
			{symposium.AuditRoomCreate, room.ID},
			{symposium.AuditSessionCreate, session.ID},
			{symposium.AuditEntrySave, c.ID},
			{symposium.AuditEntrySave, c.ID},
			{symposium.AuditEntryDelete, c.ID},
		}
		got := w.audit("public")
		if len(got) != len(want) {
			t.Fatalf("audit log has %d entries, want %d: %+v", len(got), len(want), got)
		}
		for i, g := range got {
			if g.Action != want[i].action || g.Subject != want[i].subject || g.ActorID != w.manager.ID || g.EventID == "" {
				t.Errorf("audit entry %d = %s %s by %s; want %s %s by the manager", i, g.Action, g.Subject, g.ActorID, want[i].action, want[i].subject)
			}
		}
		if got[2].Before != nil || got[2].After == nil || got[3].Before == nil || got[4].Before == nil || got[4].After != nil {
			t.Errorf("before/after: creation %q→%q, move %q→…, deletion %q→%q", got[2].Before, got[2].After, got[3].Before, got[4].Before, got[4].After)
		}
	})
}

func TestConflictsRefuseTheChangeWithTheList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		hall, side := &symposium.Room{Name: symposium.Text("en", "Hall A")}, &symposium.Room{Name: symposium.Text("en", "Room 2")}
		for _, r := range []*symposium.Room{hall, side} {
			if err := w.svc.CreateRoom(ctx, w.manager, "public", r); err != nil {
				t.Fatal(err)
			}
		}
		if _, _, err := w.svc.SaveContribution(ctx, w.manager, "public", "", talk("Opening", at(10, 0), hall.ID, w.speaker.ID)); err != nil {
			t.Fatal(err)
		}
		before := len(w.audit("public"))
		for _, c := range []struct {
			name      string
			change    programme.Change
			kind      string
			conflicts int
		}{
			{"same room", talk("Clash", at(10, 15), hall.ID), symposium.ConflictRoom, 1},
			{"same speaker", talk("Elsewhere", at(10, 0), side.ID, w.speaker.ID), symposium.ConflictSpeaker, 1},
			{"both", talk("Both", at(10, 0), hall.ID, w.speaker.ID), "", 2},
			{"outside the event", talk("Late", at(17, 45), side.ID), symposium.ConflictOutsideEvent, 1},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, _, err := w.svc.SaveContribution(ctx, w.manager, "public", "", c.change)
				e := symposium.AsError(err)
				if e == nil || e.Code != symposium.ECONFLICT {
					t.Fatalf("err = %v, want a conflict", err)
				}
				list, _ := e.Detail["conflicts"].([]symposium.Conflict)
				if len(list) != c.conflicts || c.kind != "" && list[0].Kind != c.kind {
					t.Errorf("conflicts = %+v; want %d of kind %q", list, c.conflicts, c.kind)
				}
			})
		}
		all, err := w.svc.Contributions(ctx, w.manager, "public")
		if err != nil || len(all) != 1 {
			t.Errorf("after refused changes the programme has %d entries (%v), want 1", len(all), err)
		}
		if after := len(w.audit("public")); after != before {
			t.Errorf("refused changes wrote %d audit entries", after-before)
		}
	})
}

func TestBadInputChangesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		if err := w.svc.CreateRoom(ctx, w.manager, "public", &symposium.Room{Capacity: -1}); symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("a room without a name: err = %v, want invalid", err)
		}
		_, _, err := w.svc.SaveContribution(ctx, w.manager, "public", "", func(_ *symposium.Event, c *symposium.Contribution, p *symposium.Problems) {
			talk("Opening", at(10, 0), "")(nil, c, p)
			p.Add("starts_at", "error.field.datetime")
		})
		if e := symposium.AsError(err); e == nil || e.Code != symposium.EINVALID || len(e.Fields) == 0 || e.Fields[0].Field != "starts_at" {
			t.Errorf("a problem of the form: err = %v, want invalid naming starts_at", err)
		}
		_, _, err = w.svc.SaveContribution(ctx, w.manager, "public", "", talk("Nowhere", at(10, 0), "no-such-room"))
		if e := symposium.AsError(err); e == nil || e.Code != symposium.EINVALID || len(e.Fields) == 0 || e.Fields[0].Field != "room_id" {
			t.Errorf("an unknown room: err = %v, want invalid naming room_id", err)
		}
		rooms, _ := w.svc.Rooms(ctx, w.manager, "public")
		list, _ := w.svc.Contributions(ctx, w.manager, "public")
		if len(rooms)+len(list)+len(w.audit("public")) != 0 {
			t.Errorf("bad input stored %d rooms, %d entries and %d audit entries", len(rooms), len(list), len(w.audit("public")))
		}
	})
}
