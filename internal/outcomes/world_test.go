package outcomes_test

import (
	"context"
	"testing"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/outcomes"
	"symposium/internal/programme"
	"symposium/internal/store"
)

var ctx = context.Background()

// closedSite is a site where only named organizers create events.
type closedSite struct{}

func (closedSite) Site(context.Context) (symposium.Site, error) { return symposium.Site{}, nil }

// world is a store with a public and a restricted event managed by one
// account, a speaker with an account, a registrant, a stranger and an
// administrator; each event has an address by the speaker at 10:00 and a
// talk at 11:00.
type world struct {
	t                                          *testing.T
	s                                          *store.Store
	svc                                        *outcomes.Service
	prog                                       *programme.Service
	manager, speakerUser, registrant, stranger *symposium.User
	admin                                      *symposium.User
	speaker                                    *symposium.Person
	address, talk                              map[string]*symposium.Contribution // by event slug
	events                                     map[string]*symposium.Event
}

func newWorld(t *testing.T, s *store.Store) *world {
	t.Helper()
	ev := events.New(s, closedSite{})
	w := &world{t: t, s: s, svc: outcomes.New(s, ev, i18n.Must(i18n.New()), "https://symposium.example"), prog: programme.New(s, ev),
		address: map[string]*symposium.Contribution{}, talk: map[string]*symposium.Contribution{}, events: map[string]*symposium.Event{}}
	w.manager = w.user("manager@example.org", false)
	w.speakerUser = w.user("speaker@example.kz", false)
	w.registrant = w.user("registrant@example.org", false)
	w.stranger = w.user("stranger@example.org", false)
	w.admin = w.user("admin@example.org", true)
	w.speaker = &symposium.Person{Name: symposium.Text("en", "Aigerim Nurlanovna", "ru", "Айгерим Нурлановна"), Email: "speaker@example.kz"}
	if err := s.CreatePerson(ctx, w.speaker); err != nil {
		t.Fatal(err)
	}
	for _, ev := range []struct{ slug, visibility string }{{"public", symposium.VisibilityPublic}, {"restricted", symposium.VisibilityRestricted}} {
		w.event(ev.slug, ev.visibility)
		w.address[ev.slug] = w.entry(ev.slug, "Opening address", symposium.ContributionAddress, at(10, 0), w.speaker.ID)
		w.talk[ev.slug] = w.entry(ev.slug, "Catalysis", symposium.ContributionTalk, at(11, 0))
	}
	return w
}

func (w *world) user(email string, admin bool) *symposium.User {
	w.t.Helper()
	u := &symposium.User{Email: email, Name: "User " + email, IsAdmin: admin, Language: "en", Verified: true}
	if err := w.s.CreateUser(ctx, u, "hash"); err != nil {
		w.t.Fatal(err)
	}
	return u
}

func (w *world) event(slug, visibility string) {
	w.t.Helper()
	e := &symposium.Event{Slug: slug, Title: symposium.Text("en", "Symposium "+slug, "zh", "研讨会"), Timezone: "Asia/Almaty",
		Visibility: visibility, Status: symposium.StatusPublished, StartsAt: at(9, 0), EndsAt: at(18, 0), Languages: []string{"en", "ru", "zh", "kk"}}
	var p symposium.Problems
	e.Validate(&p)
	if err := p.Err(); err != nil {
		w.t.Fatal(err)
	}
	if err := w.s.CreateEvent(ctx, e, w.manager.ID); err != nil {
		w.t.Fatal(err)
	}
	w.events[slug] = e
}

func (w *world) entry(slug, title, kind string, start time.Time, speakers ...string) *symposium.Contribution {
	w.t.Helper()
	_, c, err := w.prog.SaveContribution(ctx, w.manager, slug, "", func(_ *symposium.Event, c *symposium.Contribution, _ *symposium.Problems) {
		c.Title, c.Kind, c.StartsAt, c.DurationMinutes, c.SpeakerIDs = symposium.Text("en", title), kind, &start, 30, speakers
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return c
}

// register registers email at the event (confirmed), from country, with
// photo consent, and returns the registration.
func (w *world) register(slug, email, country, consent string) *symposium.Registration {
	w.t.Helper()
	e := w.events[slug]
	cat := &symposium.Category{EventID: e.ID, Name: symposium.Text("en", "Guests "+email)}
	if err := w.s.CreateCategory(ctx, cat); err != nil {
		w.t.Fatal(err)
	}
	r := &symposium.Registration{EventID: e.ID, CategoryID: cat.ID, Email: email, Name: symposium.Text("en", email), Country: country,
		Language: "en", Status: "confirmed", EmailConfirmed: true, PhotoConsent: consent}
	noMail := func(*symposium.Registration, string) (symposium.Mail, bool) { return symposium.Mail{}, false }
	if err := w.s.Register(ctx, r, "hash-"+email, time.Now(), noMail); err != nil {
		w.t.Fatal(err)
	}
	return r
}

func at(hour, minute int) time.Time {
	return time.Date(2024, 5, 22, hour, minute, 0, 0, time.FixedZone("UTC+5", 5*3600))
}

// code returns the error's code, "" for nil.
func code(err error) string { return symposium.ErrorCode(err) }
