package live_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/limits"
	"symposium/internal/live"
	"symposium/internal/programme"
	"symposium/internal/store"
)

var ctx = context.Background()

// closedSite is a site where only named organizers create events.
type closedSite struct{}

func (closedSite) Site(context.Context) (symposium.Site, error) { return symposium.Site{}, nil }

// world is a store with a public and a restricted event, each with a talk
// from 11:00 to 11:30 on 22 May 2024 in Astana, a manager, a moderator, a
// member of the audience and a stranger.
type world struct {
	t                       *testing.T
	s                       *store.Store
	svc                     *live.Service
	manager, moderator      *symposium.User
	audience, stranger      *symposium.User
	talk, restricted, other string // contribution IDs
	speaker                 *symposium.User
}

// newWorld builds the world with the clock at 11:10, while the talks run.
func newWorld(t *testing.T, s *store.Store) *world {
	t.Helper()
	return newWorldWith(t, s, limits.DefaultConfig())
}

// newWorldWith builds the world with the limits given.
func newWorldWith(t *testing.T, s *store.Store, cfg limits.Config) *world {
	t.Helper()
	ev := events.New(s, closedSite{})
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	w := &world{t: t, s: s, svc: live.New(s, ev, limits.New(s, cfg), log)}
	w.svc.Now = func() time.Time { return at(11, 10) }
	w.manager = w.user("manager@example.org", "Manager")
	w.moderator = w.user("moderator@example.org", "Модератор")
	w.audience = w.user("audience@example.org", "Гүлнар Шаймергенова")
	w.stranger = w.user("stranger@example.org", "Stranger")
	w.speaker = w.user("speaker@example.org", "Zhang Wei")
	pr := programme.New(s, ev)
	speaker := &symposium.Person{Name: symposium.Text("en", "Zhang Wei"), Email: "speaker@example.org"}
	if err := s.CreatePerson(ctx, speaker); err != nil {
		t.Fatal(err)
	}
	w.talk = w.event(pr, "pub", symposium.VisibilityPublic, speaker.ID)
	w.restricted = w.event(pr, "res", symposium.VisibilityRestricted, speaker.ID)
	return w
}

func (w *world) user(email, name string) *symposium.User {
	w.t.Helper()
	u := &symposium.User{Email: email, Name: name, Language: "en", Verified: true}
	if err := w.s.CreateUser(ctx, u, "hash"); err != nil {
		w.t.Fatal(err)
	}
	return u
}

// event stores an event with one talk and the moderator, and returns the
// talk's ID.
func (w *world) event(pr *programme.Service, slug, visibility, speakerID string) string {
	w.t.Helper()
	e := &symposium.Event{Slug: slug, Title: symposium.Text("en", "Symposium "+slug), Timezone: "Asia/Almaty",
		Visibility: visibility, StartsAt: at(9, 0), EndsAt: at(18, 0)}
	var p symposium.Problems
	e.Validate(&p)
	if err := p.Err(); err != nil {
		w.t.Fatal(err)
	}
	if err := w.s.CreateEvent(ctx, e, w.manager.ID); err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.s.AddEventRole(ctx, e.ID, w.moderator.Email, symposium.RoleModerator); err != nil {
		w.t.Fatal(err)
	}
	start := at(11, 0)
	_, c, err := pr.SaveContribution(ctx, w.manager, slug, "", func(_ *symposium.Event, c *symposium.Contribution, _ *symposium.Problems) {
		c.Title, c.Kind, c.StartsAt, c.DurationMinutes = symposium.Text("en", "Catalysis"), symposium.ContributionTalk, &start, 30
		c.SpeakerIDs = []string{speakerID}
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return c.ID
}

func at(hour, minute int) time.Time {
	return time.Date(2024, 5, 22, hour, minute, 0, 0, time.FixedZone("UTC+5", 5*3600))
}

// as returns the caller for an account, from one address.
func as(u *symposium.User) live.Caller { return live.Caller{User: u, Client: "192.0.2.1"} }

// ask asks a question as u and fails the test on error.
func (w *world) ask(u *symposium.User, text string, anonymous bool) *symposium.LiveQuestion {
	w.t.Helper()
	q, err := w.svc.Ask(ctx, as(u), w.talk, text, anonymous)
	if err != nil {
		w.t.Fatal(err)
	}
	return q
}

// code returns an error's code, failing the test when it is not want.
func (w *world) wantCode(err error, want string) {
	w.t.Helper()
	if got := symposium.ErrorCode(err); got != want {
		w.t.Fatalf("error %v has code %q; want %q", err, got, want)
	}
}

// sleepBriefly waits for background listeners to start.
func sleepBriefly() { time.Sleep(300 * time.Millisecond) }
