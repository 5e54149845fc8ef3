package search_test

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"testing"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/search"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

var ctx = context.Background()

// findWorld is two events of one manager, public and restricted, each
// with check-in staff, a speaker and a registrant who is a person of the
// directory.
type findWorld struct {
	t                        *testing.T
	s                        *store.Store
	svc                      *search.Service
	manager, staff, stranger *symposium.User
	speaker, registrant      *symposium.Person
}

func newFindWorld(t *testing.T, s *store.Store) *findWorld {
	w := &findWorld{t: t, s: s}
	w.manager, w.staff, w.stranger = w.user("manager@example.org"), w.user("desk@example.org"), w.user("stranger@example.org")
	w.speaker = w.person("Гүлнар Шаймергенова", "gulnar@example.kz")
	w.registrant = w.person("Гүлнара Сейітова", "gulnara@example.kz")
	for _, v := range []struct{ slug, visibility string }{{"public", symposium.VisibilityPublic}, {"restricted", symposium.VisibilityRestricted}} {
		w.event(v.slug, v.visibility)
	}
	w.svc = search.New(s, events.New(s, nil), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := w.svc.Load(ctx); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *findWorld) user(email string) *symposium.User {
	w.t.Helper()
	u := &symposium.User{Email: email, Name: email, Language: "en", Verified: true}
	if err := w.s.CreateUser(ctx, u, "hash"); err != nil {
		w.t.Fatal(err)
	}
	return u
}

func (w *findWorld) person(name, email string) *symposium.Person {
	w.t.Helper()
	p := &symposium.Person{Name: symposium.Text("kk", name), Email: email}
	if err := w.s.CreatePerson(ctx, p); err != nil {
		w.t.Fatal(err)
	}
	return p
}

// event stores an event with its check-in staff, a talk by the speaker
// and the registrant's confirmed registration.
func (w *findWorld) event(slug, visibility string) {
	w.t.Helper()
	loc := time.FixedZone("UTC+5", 5*3600)
	e := &symposium.Event{Slug: slug, Title: symposium.Text("en", "Symposium "+slug), Timezone: "Asia/Almaty",
		Visibility: visibility, Status: symposium.StatusPublished,
		StartsAt: time.Date(2030, 5, 22, 9, 0, 0, 0, loc), EndsAt: time.Date(2030, 5, 22, 18, 0, 0, 0, loc)}
	var p symposium.Problems
	e.Validate(&p)
	if err := p.Err(); err != nil {
		w.t.Fatal(err)
	}
	if err := w.s.CreateEvent(ctx, e, w.manager.ID); err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.s.AddEventRole(ctx, e.ID, w.staff.Email, symposium.RoleCheckin); err != nil {
		w.t.Fatal(err)
	}
	c := &symposium.Contribution{Title: symposium.Text("en", "Keynote"), Kind: symposium.ContributionKeynote, DurationMinutes: 30,
		SpeakerIDs: []string{w.speaker.ID}}
	if err := w.s.SaveContribution(ctx, e, c); err != nil {
		w.t.Fatal(err)
	}
	cat := &symposium.Category{EventID: e.ID, Name: symposium.Text("en", "Participant")}
	if err := w.s.CreateCategory(ctx, cat); err != nil {
		w.t.Fatal(err)
	}
	r := &symposium.Registration{EventID: e.ID, CategoryID: cat.ID, Email: w.registrant.Email, Name: w.registrant.Name,
		Language: "kk", EmailConfirmed: true, ID: symposium.NewID()}
	if err := w.s.Register(ctx, r, "hash-"+slug, time.Now(), nil); err != nil {
		w.t.Fatal(err)
	}
}

func TestRegistrantsAreForWhoMaySeeThem(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newFindWorld(t, s)
		both, speakers := []string{w.registrant.ID, w.speaker.ID}, []string{w.speaker.ID}
		for _, c := range []struct {
			name        string
			u           *symposium.User
			slug, part  string
			code, field string
			want        []string
		}{
			{"anonymous, the people", nil, "public", "", "", "", speakers},
			{"anonymous, the registrants", nil, "public", "registrant", symposium.EUNAUTHORIZED, "role", nil},
			{"a stranger, the people", w.stranger, "public", "", "", "", speakers},
			{"a stranger, the registrants", w.stranger, "public", "registrant", symposium.EFORBIDDEN, "role", nil},
			{"a stranger, a restricted event", w.stranger, "restricted", "speaker", symposium.ENOTFOUND, "event", nil},
			{"a stranger, no such event", w.stranger, "no-such-event", "", symposium.ENOTFOUND, "event", nil},
			{"check-in staff, the people", w.staff, "public", "", "", "", both},
			{"check-in staff, the registrants", w.staff, "restricted", "registrant", "", "", []string{w.registrant.ID}},
			{"the manager, the people", w.manager, "restricted", "", "", "", both},
		} {
			found, err := w.svc.Find(ctx, c.u, search.Query{Text: "Гүлнар", Type: search.TypePerson, Part: c.part}, c.slug)
			if symposium.ErrorCode(err) != c.code {
				t.Errorf("%s: %v, want %q", c.name, err, c.code)
				continue
			}
			if err != nil {
				if e := symposium.AsError(err); len(e.Fields) != 1 || e.Fields[0].Field != c.field {
					t.Errorf("%s: %v, want the field %q named", c.name, err, c.field)
				}
				continue
			}
			var ids []string
			for _, r := range found {
				ids = append(ids, r.ID)
			}
			slices.Sort(ids)
			want := slices.Sorted(slices.Values(c.want))
			if !slices.Equal(ids, want) {
				t.Errorf("%s: found %v, want %v", c.name, ids, want)
			}
		}
		_, err := w.svc.Find(ctx, w.stranger, search.Query{Text: "x", Country: "Kazakhstan", Part: "registrant"}, "public")
		if e := symposium.AsError(err); e == nil || e.Code != symposium.EFORBIDDEN || len(e.Fields) != 2 {
			t.Errorf("a bad country and registrants asked by a stranger = %v; want 403 naming both fields", err)
		}
	})
}
