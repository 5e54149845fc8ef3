package programme_test

import (
	"testing"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// fixture is what the manager put in an event's programme before the
// callers try the service: a room and a scheduled entry.
type fixture struct {
	room, entry string
}

// operation is one method of the service as a caller runs it on an event.
type operation struct {
	name string
	// change marks what only the event's managers may do.
	change bool
	run    func(w *world, u *symposium.User, slug string, f fixture) error
}

// unscheduled is a change that makes an entry waiting outside the
// timetable, which cannot conflict with anything.
func unscheduled(title string) func(*symposium.Event, *symposium.Contribution, *symposium.Problems) {
	return func(_ *symposium.Event, c *symposium.Contribution, _ *symposium.Problems) {
		c.Title, c.Kind, c.DurationMinutes = symposium.Text("en", title), symposium.ContributionTalk, 20
	}
}

var operations = []operation{
	{"rooms", false, func(w *world, u *symposium.User, slug string, _ fixture) error {
		_, err := w.svc.Rooms(ctx, u, slug)
		return err
	}},
	{"sessions", false, func(w *world, u *symposium.User, slug string, _ fixture) error {
		_, err := w.svc.Sessions(ctx, u, slug)
		return err
	}},
	{"contributions", false, func(w *world, u *symposium.User, slug string, _ fixture) error {
		_, err := w.svc.Contributions(ctx, u, slug)
		return err
	}},
	{"contribution", false, func(w *world, u *symposium.User, slug string, f fixture) error {
		_, err := w.svc.Contribution(ctx, u, slug, f.entry)
		return err
	}},
	{"timetable", false, func(w *world, u *symposium.User, slug string, _ fixture) error {
		_, err := w.svc.Timetable(ctx, u, slug)
		return err
	}},
	{"grid", false, func(w *world, u *symposium.User, slug string, _ fixture) error {
		t, err := w.svc.Grid(ctx, u, slug)
		if err == nil && len(t.Rooms) == 0 {
			w.t.Errorf("the grid of %s has no rooms", slug)
		}
		return err
	}},
	{"calendar", false, func(w *world, u *symposium.User, slug string, f fixture) error {
		_, entries, err := w.svc.Calendar(ctx, u, slug, f.entry)
		if err == nil && len(entries) != 1 {
			w.t.Errorf("the calendar of one entry of %s has %d", slug, len(entries))
		}
		return err
	}},
	{"page", false, func(w *world, u *symposium.User, slug string, f fixture) error {
		_, err := w.svc.Page(ctx, u, slug, f.entry)
		return err
	}},
	{"speakers", false, func(w *world, u *symposium.User, slug string, _ fixture) error {
		_, err := w.svc.Speakers(ctx, u, slug)
		return err
	}},
	{"editor", true, func(w *world, u *symposium.User, slug string, _ fixture) error {
		_, err := w.svc.Editor(ctx, u, slug)
		return err
	}},
	{"create room", true, func(w *world, u *symposium.User, slug string, _ fixture) error {
		return w.svc.CreateRoom(ctx, u, slug, &symposium.Room{Name: symposium.Text("en", "Room")})
	}},
	{"create session", true, func(w *world, u *symposium.User, slug string, _ fixture) error {
		return w.svc.CreateSession(ctx, u, slug, &symposium.Session{Title: symposium.Text("en", "Session")})
	}},
	{"create entry", true, func(w *world, u *symposium.User, slug string, _ fixture) error {
		_, _, err := w.svc.SaveContribution(ctx, u, slug, "", unscheduled("New"))
		return err
	}},
	{"edit entry", true, func(w *world, u *symposium.User, slug string, f fixture) error {
		_, _, err := w.svc.SaveContribution(ctx, u, slug, f.entry, func(_ *symposium.Event, c *symposium.Contribution, _ *symposium.Problems) {
			c.Title = symposium.Text("en", "Renamed by "+u.Email)
		})
		return err
	}},
	{"delete entry", true, func(w *world, u *symposium.User, slug string, _ fixture) error {
		_, c, err := w.svc.SaveContribution(ctx, w.manager, slug, "", unscheduled("To delete"))
		if err != nil {
			w.t.Fatal(err)
		}
		return w.svc.DeleteContribution(ctx, u, slug, c.ID)
	}},
}

func TestWhoMayReadAndChangeTheProgramme(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		reviewer := w.user("reviewer@example.org", false)
		fixtures := map[string]fixture{}
		for _, slug := range []string{"public", "restricted", "draft"} {
			fixtures[slug] = w.fill(slug, reviewer)
		}
		callers := []struct {
			name string
			u    *symposium.User
			// want answers whether the caller may read and change a programme.
			want func(slug string, change bool) string
		}{
			{"anonymous", nil, func(slug string, change bool) string {
				return pick(change, symposium.EUNAUTHORIZED, pick(slug == "public", "", symposium.ENOTFOUND))
			}},
			{"stranger", w.stranger, func(slug string, change bool) string {
				return pick(slug != "public", symposium.ENOTFOUND, pick(change, symposium.EFORBIDDEN, ""))
			}},
			{"reviewer", reviewer, func(_ string, change bool) string { return pick(change, symposium.EFORBIDDEN, "") }},
			{"manager", w.manager, func(string, bool) string { return "" }},
			{"administrator", w.admin, func(string, bool) string { return "" }},
		}
		for _, c := range callers {
			for slug, f := range fixtures {
				for _, op := range operations {
					want := c.want(slug, op.change)
					err := op.run(w, c.u, slug, f)
					if got := symposium.ErrorCode(err); got != want {
						t.Errorf("%s: %s on %s: %q (%v), want %q", c.name, op.name, slug, got, err, want)
					}
				}
			}
		}
		for slug := range fixtures {
			for _, a := range w.audit(slug) {
				if a.ActorID != w.manager.ID && a.ActorID != w.admin.ID {
					t.Errorf("%s: the audit log holds %s by %s, who may not change the programme", slug, a.Action, a.ActorName)
				}
			}
		}
	})
}

// pick returns a when cond holds, b otherwise.
func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

// fill makes reviewer a reviewer of the event and has the manager add a
// room and a scheduled entry with the speaker.
func (w *world) fill(slug string, reviewer *symposium.User) fixture {
	w.t.Helper()
	e, err := w.s.EventBySlug(ctx, slug)
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.s.AddEventRole(ctx, e.ID, reviewer.Email, symposium.RoleReviewer); err != nil {
		w.t.Fatal(err)
	}
	room := &symposium.Room{Name: symposium.Text("en", "Hall A")}
	if err := w.svc.CreateRoom(ctx, w.manager, slug, room); err != nil {
		w.t.Fatal(err)
	}
	_, c, err := w.svc.SaveContribution(ctx, w.manager, slug, "", talk("Opening", at(10, 0), room.ID, w.speaker.ID))
	if err != nil {
		w.t.Fatal(err)
	}
	return fixture{room: room.ID, entry: c.ID}
}

func TestEmailsOfSpeakersOnlyForWhoMayReadThem(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		f := w.fill("public", w.stranger)
		for _, c := range []struct {
			name string
			u    *symposium.User
			want string
		}{
			{"anonymous", nil, ""},
			{"a stranger", w.stranger, ""},
			{"the event's manager", w.manager, ""},
			{"an administrator", w.admin, w.speaker.Email},
		} {
			sp, err := w.svc.Speakers(ctx, c.u, "public")
			if err != nil || len(sp.Speakers) != 1 || sp.Speakers[0].Email != c.want {
				t.Errorf("%s: speakers = %+v, %v; want the speaker with email %q", c.name, sp, err, c.want)
			}
			pg, err := w.svc.Page(ctx, c.u, "public", f.entry)
			if err != nil || len(pg.Speakers) != 1 || pg.Speakers[0].Email != c.want {
				t.Errorf("%s: page = %+v, %v; want the speaker with email %q", c.name, pg, err, c.want)
			}
		}
		if p, _ := w.s.Person(ctx, w.speaker.ID); p.Email != w.speaker.Email {
			t.Errorf("redacting changed the stored person: %q", p.Email)
		}
	})
}
