package store_test

import (
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// astana is the seed event's zone: UTC+5 since 2024-03-01.
var astana = mustZone("Asia/Almaty")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func at(hour, minute int) *time.Time {
	t := time.Date(2024, 5, 22, hour, minute, 0, 0, astana)
	return &t
}

// newEvent stores a valid event with one organizer.
func newEvent(t *testing.T, s *store.Store, slug, visibility string, creator *symposium.User) *symposium.Event {
	t.Helper()
	org := &symposium.Organization{Name: symposium.Text("en", "Kazakhstan–China Research Center", "ru", "Казахстанско-китайский исследовательский центр"), Country: "KZ", Kind: "research_center"}
	if err := s.CreateOrganization(ctx, org); err != nil {
		t.Fatal(err)
	}
	e := &symposium.Event{
		Slug: slug, Title: symposium.Text("en", "China Science and Technology Symposium", "zh", "中国科技研讨会"),
		StartsAt: *at(9, 0), EndsAt: *at(18, 0), Timezone: "Asia/Almaty", Visibility: visibility,
		Organizers: []symposium.EventOrganization{{OrganizationID: org.ID, Role: symposium.OrgRoleCoSponsor}},
	}
	var p symposium.Problems
	e.Validate(&p)
	if err := p.Err(); err != nil {
		t.Fatal(err)
	}
	creatorID := ""
	if creator != nil {
		creatorID = creator.ID
	}
	if err := s.CreateEvent(ctx, e, creatorID); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestEvents(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		manager := newUser(t, s, "manager@example.org")
		e := newEvent(t, s, "astana-2024", symposium.VisibilityPublic, manager)
		got, err := s.EventBySlug(ctx, "astana-2024")
		if err != nil {
			t.Fatal(err)
		}
		if got.Title["zh"] != "中国科技研讨会" || !got.StartsAt.Equal(e.StartsAt) || got.DefaultLanguage != "en" ||
			len(got.Organizers) != 1 || got.Organizers[0].Name["ru"] == "" || got.Organizers[0].Role != symposium.OrgRoleCoSponsor {
			t.Errorf("EventBySlug = %+v", got)
		}
		if err := s.CreateEvent(ctx, &symposium.Event{Slug: "astana-2024", Title: e.Title, StartsAt: e.StartsAt, EndsAt: e.EndsAt,
			Timezone: "UTC", Kind: "symposium", Visibility: "public", Status: "published", DefaultLanguage: "en"}, ""); symposium.ErrorCode(err) != symposium.ECONFLICT {
			t.Errorf("duplicate slug: err = %v, want conflict", err)
		}
		a, err := s.EventAccess(ctx, e.ID, manager)
		if err != nil || !a.CanManage() {
			t.Errorf("creator's access = %+v, %v; want manager", a, err)
		}
		got.Title["kk"] = "Қытай ғылымы мен технологиясы симпозиумы"
		got.Organizers = nil
		if err := s.UpdateEvent(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, _ := s.EventBySlug(ctx, "astana-2024")
		if again.Title["kk"] == "" || len(again.Organizers) != 0 {
			t.Errorf("after update: %+v", again)
		}
	})
}

func TestEventVisibility(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		manager := newUser(t, s, "m@example.org")
		stranger := newUser(t, s, "s@example.org")
		admin := &symposium.User{Email: "admin@example.org", Name: "Admin", IsAdmin: true, Language: "en"}
		_ = s.CreateUser(ctx, admin, "h")
		newEvent(t, s, "open", symposium.VisibilityPublic, manager)
		newEvent(t, s, "closed", symposium.VisibilityRestricted, manager)
		slugs := func(viewer *symposium.User) []string {
			list, _, err := s.ListEvents(ctx, store.EventQuery{Viewer: viewer, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, e := range list {
				out = append(out, e.Slug)
			}
			return out
		}
		for _, tt := range []struct {
			name   string
			viewer *symposium.User
			want   int
		}{{"anonymous", nil, 1}, {"stranger", stranger, 1}, {"manager", manager, 2}, {"admin", admin, 2}} {
			if got := slugs(tt.viewer); len(got) != tt.want {
				t.Errorf("%s sees %v; want %d events", tt.name, got, tt.want)
			}
		}
		if _, err := s.AddEventRole(ctx, mustEvent(t, s, "closed").ID, "S@example.org", symposium.RoleReviewer); err != nil {
			t.Fatal(err)
		}
		if got := slugs(stranger); len(got) != 2 {
			t.Errorf("a reviewer of the restricted event sees %v", got)
		}
		if _, err := s.AddEventRole(ctx, mustEvent(t, s, "closed").ID, "nobody@example.org", symposium.RoleReviewer); symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("role for an unknown email: %v", err)
		}
	})
}

func TestEventListPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		for _, slug := range []string{"a1", "a2", "a3", "a4", "a5"} {
			newEvent(t, s, slug, symposium.VisibilityPublic, nil)
		}
		seen := map[string]bool{}
		cursor := ""
		for page := 0; page < 5; page++ {
			list, next, err := s.ListEvents(ctx, store.EventQuery{Limit: 2, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range list {
				if seen[e.Slug] {
					t.Errorf("%s listed twice", e.Slug)
				}
				seen[e.Slug] = true
			}
			if next == "" {
				break
			}
			cursor = next
		}
		if len(seen) != 5 {
			t.Errorf("paged through %d events, want 5", len(seen))
		}
		if _, _, err := s.ListEvents(ctx, store.EventQuery{Limit: 2, Cursor: "garbage!"}); symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("bad cursor: %v", err)
		}
	})
}

func mustEvent(t *testing.T, s *store.Store, slug string) *symposium.Event {
	t.Helper()
	e, err := s.EventBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestProgrammeConflicts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEvent(t, s, "prog", symposium.VisibilityPublic, nil)
		hall := &symposium.Room{EventID: e.ID, Name: symposium.Text("en", "Main hall")}
		small := &symposium.Room{EventID: e.ID, Name: symposium.Text("en", "Room 2")}
		for _, r := range []*symposium.Room{hall, small} {
			if err := s.CreateRoom(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		xing := &symposium.Person{Name: symposium.Text("zh", "邢芳芳", "en", "Xing Fangfang")}
		if err := s.CreatePerson(ctx, xing); err != nil {
			t.Fatal(err)
		}
		talk := &symposium.Contribution{Title: symposium.Text("en", "Opening address"), Kind: "address", StartsAt: at(10, 0),
			DurationMinutes: 30, RoomID: hall.ID, SpeakerIDs: []string{xing.ID}}
		if err := s.SaveContribution(ctx, e, talk); err != nil {
			t.Fatal(err)
		}
		// The same speaker in another room at an overlapping time, and in
		// the same room: both conflicts are named.
		clash := &symposium.Contribution{Title: symposium.Text("en", "Panel"), Kind: "panel", StartsAt: at(10, 15),
			DurationMinutes: 60, RoomID: hall.ID, SpeakerIDs: []string{xing.ID}}
		err := s.SaveContribution(ctx, e, clash)
		e2 := symposium.AsError(err)
		if e2 == nil || e2.Code != symposium.ECONFLICT {
			t.Fatalf("clash: err = %v, want conflict", err)
		}
		conflicts := e2.Detail["conflicts"].([]symposium.Conflict)
		kinds := map[string]bool{}
		for _, c := range conflicts {
			kinds[c.Kind] = true
			if c.With == nil || c.With.ID != talk.ID {
				t.Errorf("conflict %+v does not name the opening address", c)
			}
		}
		if !kinds["room"] || !kinds["speaker"] || len(conflicts) != 2 {
			t.Errorf("conflicts = %+v; want a room and a speaker conflict", conflicts)
		}
		// Right after, in the other room: fine. Outside the event: refused.
		clash.StartsAt, clash.RoomID = at(10, 30), small.ID
		if err := s.SaveContribution(ctx, e, clash); err != nil {
			t.Errorf("back-to-back in another room: %v", err)
		}
		late := &symposium.Contribution{Title: symposium.Text("en", "Late"), StartsAt: at(17, 30), DurationMinutes: 60, Kind: "talk"}
		if err := s.SaveContribution(ctx, e, late); symposium.ErrorCode(err) != symposium.ECONFLICT {
			t.Errorf("entry past the event's end: %v", err)
		}
		unscheduled := &symposium.Contribution{Title: symposium.Text("en", "Later"), DurationMinutes: 20, Kind: "talk", SpeakerIDs: []string{xing.ID}}
		if err := s.SaveContribution(ctx, e, unscheduled); err != nil {
			t.Errorf("unscheduled entry: %v", err)
		}
		list, err := s.Contributions(ctx, e.ID)
		if err != nil || len(list) != 3 || list[0].ID != talk.ID || list[1].ID != clash.ID || list[2].StartsAt != nil {
			t.Fatalf("Contributions = %+v, %v", list, err)
		}
		if len(list[0].SpeakerIDs) != 1 || list[0].SpeakerIDs[0] != xing.ID {
			t.Errorf("speakers = %v", list[0].SpeakerIDs)
		}
		bad := &symposium.Contribution{Title: symposium.Text("en", "X"), DurationMinutes: 5, Kind: "talk", RoomID: symposium.NewID()}
		if err := s.SaveContribution(ctx, e, bad); symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("unknown room: %v", err)
		}
	})
}
