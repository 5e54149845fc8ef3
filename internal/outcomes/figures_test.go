package outcomes_test

import (
	"io"
	"log/slog"
	"slices"
	"testing"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/limits"
	"symposium/internal/live"
	"symposium/internal/matchmaking"
	"symposium/internal/outcomes"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// figureWorld is the public event of a world with three participants of
// three countries and kinds of organization, who ask live questions at
// its talk and meet through matchmaking, and two registrants who do not
// come: one confirmed, one who cancelled.
type figureWorld struct {
	*world
	live   *live.Service
	mm     *matchmaking.Service
	users  map[string]*symposium.User
	people map[string]*symposium.Person
}

func newFigureWorld(t *testing.T, s *store.Store) *figureWorld {
	t.Helper()
	w := &figureWorld{world: newWorld(t, s), users: map[string]*symposium.User{}, people: map[string]*symposium.Person{}}
	ev := events.New(s, closedSite{})
	w.live = live.New(s, ev, limits.New(s, limits.DefaultConfig()), slog.New(slog.NewTextHandler(io.Discard, nil)))
	w.live.Now = func() time.Time { return at(11, 10) } // while the talk runs
	w.mm = matchmaking.New(s, ev, i18n.Must(i18n.New()), "https://symposium.example")
	w.mm.TimeLimit = 300 * time.Millisecond
	cat := &symposium.Category{EventID: w.events["public"].ID, Name: symposium.Text("en", "Participant")}
	w.must(s.CreateCategory(ctx, cat))
	w.participant("aigerim", "kk", "company", "KZ", cat.ID, true)
	w.participant("wei", "zh", "university", "CN", cat.ID, true)
	w.participant("olga", "ru", "research_center", "RU", cat.ID, true)
	w.participant("absent", "en", "company", "GB", cat.ID, false)
	r := w.participant("gone", "en", "company", "GB", cat.ID, false)
	if _, err := s.ChangeRegistration(ctx, r.ID, store.ChangeCancel, time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *figureWorld) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// participant adds an account, an organization, a person and a confirmed
// registration, checked in when arrived.
func (w *figureWorld) participant(short, lang, kind, country, category string, arrived bool) *symposium.Registration {
	w.t.Helper()
	email := short + "@example.org"
	w.users[short] = w.user(email, false)
	o := &symposium.Organization{Name: symposium.Text(lang, "Org of "+short), Kind: kind, Country: country}
	w.must(w.s.CreateOrganization(ctx, o))
	p := &symposium.Person{Name: symposium.Text(lang, short), Email: email, OrganizationID: o.ID, Country: country}
	w.must(w.s.CreatePerson(ctx, p))
	w.people[short] = p
	r := &symposium.Registration{EventID: w.events["public"].ID, CategoryID: category, Email: email, Name: p.Name, Language: lang, EmailConfirmed: true}
	w.must(w.s.Register(ctx, r, "hash-"+short, time.Now(), nil))
	if arrived {
		_, err := w.s.CheckIn(ctx, r.EventID, r.ID, at(9, 30))
		w.must(err)
	}
	return r
}

// ask asks a question at the talk as a participant, through live Q&A.
func (w *figureWorld) ask(short, text string) *symposium.LiveQuestion {
	w.t.Helper()
	q, err := w.live.Ask(ctx, live.Caller{User: w.users[short], Client: "192.0.2.1"}, w.talk["public"].ID, text, false)
	w.must(err)
	return q
}

// meet opens matchmaking with two slots at 14:00 and 15:00, has Aigerim
// ask Wei and Olga and Wei ask Olga; Wei and Olga accept Aigerim and Olga
// declines Wei. The schedule is published, the first meeting is held and
// the second a no-show.
func (w *figureWorld) meet() {
	w.t.Helper()
	m := &symposium.Matchmaking{OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(24 * time.Hour), RequestsPerPerson: 5}
	for _, h := range []int{14, 15} {
		m.Slots = append(m.Slots, symposium.MeetingSlot{StartsAt: at(h, 0), EndsAt: at(h, 20), Tables: 2})
	}
	_, err := w.mm.SaveSettings(ctx, w.manager, "public", m)
	w.must(err)
	for _, short := range []string{"aigerim", "wei", "olga"} {
		pr := &symposium.MatchmakingProfile{PersonID: w.people[short].ID, Offers: symposium.Text("en", "catalysis of "+short),
			Seeks: symposium.Text("en", "partners"), Topics: []string{"1.4"}, Languages: []string{"en"}}
		_, err := w.mm.SaveProfile(ctx, w.users[short], "public", pr)
		w.must(err)
	}
	request := func(from, to string) *symposium.MeetingRequest {
		r := &symposium.MeetingRequest{ToID: w.people[to].ID, Priority: symposium.PriorityMust, Message: "Let us meet"}
		_, err := w.mm.CreateRequest(ctx, w.users[from], "public", r)
		w.must(err)
		return r
	}
	toWei, toOlga, weiToOlga := request("aigerim", "wei"), request("aigerim", "olga"), request("wei", "olga")
	for _, a := range []struct {
		who    string
		r      *symposium.MeetingRequest
		accept bool
	}{{"wei", toWei, true}, {"olga", toOlga, true}, {"olga", weiToOlga, false}} {
		_, _, err := w.mm.Answer(ctx, w.users[a.who], a.r.ID, a.accept)
		w.must(err)
	}
	_, err = w.mm.Run(ctx, w.manager, "public", false, false)
	w.must(err)
	agenda, err := w.mm.Agenda(ctx, w.users["aigerim"], "public", "")
	w.must(err)
	if len(agenda.Items) != 2 {
		w.t.Fatalf("Aigerim has %d meetings; want 2", len(agenda.Items))
	}
	_, err = w.mm.Mark(ctx, w.users["aigerim"], "public", agenda.Items[0].Meeting.ID, symposium.MeetingHeld)
	w.must(err)
	_, err = w.mm.Mark(ctx, w.users["aigerim"], "public", agenda.Items[1].Meeting.ID, symposium.MeetingNoShow)
	w.must(err)
}

// held counts what the store holds for the event, read through its lists
// rather than the report's counting queries.
func (w *figureWorld) held() outcomes.Figures {
	w.t.Helper()
	e := w.events["public"]
	var f outcomes.Figures
	regs, _, err := w.s.Registrations(ctx, store.RegistrationQuery{EventID: e.ID, Limit: 1000})
	w.must(err)
	countries, kinds := map[string]int{}, map[string]int{}
	for _, r := range regs {
		if r.Status != symposium.RegConfirmed {
			continue
		}
		f.Registered++
		if r.CheckedInAt == nil {
			continue
		}
		f.Participants++
		p, err := w.s.Person(ctx, r.PersonID)
		w.must(err)
		o, err := w.s.Organization(ctx, p.OrganizationID)
		w.must(err)
		countries[p.Country]++
		kinds[o.Kind]++
	}
	f.ByCountry, f.ByKind = counts(countries), counts(kinds)
	contributions, err := w.s.Contributions(ctx, e.ID)
	w.must(err)
	speakers := map[string]bool{}
	for _, c := range contributions {
		if c.Kind != symposium.ContributionBreak {
			f.Contributions++
		}
		for _, id := range c.SpeakerIDs {
			speakers[id] = true
		}
		qs, err := w.s.LiveQuestions(ctx, c.ID, "", true)
		w.must(err)
		for _, q := range qs {
			if q.Status != symposium.LiveMerged {
				f.Questions++
			}
		}
	}
	f.Speakers = len(speakers)
	requests, err := w.s.MeetingRequests(ctx, e.ID)
	w.must(err)
	for _, r := range requests {
		if r.Counts() {
			f.MeetingsAccepted++
		}
	}
	meetings, err := w.s.Meetings(ctx, e.ID)
	w.must(err)
	hours := map[string]int{}
	for _, m := range meetings {
		if m.Status == symposium.MeetingHeld {
			f.MeetingsHeld++
			hours[m.StartsAt.In(e.Location()).Format("15:00")]++
		}
	}
	f.MeetingsPerHour = counts(hours)
	return f
}

// counts turns counts by key into rows ordered by key.
func counts(m map[string]int) []outcomes.Count {
	out := []outcomes.Count{}
	for k, n := range m {
		out = append(out, outcomes.Count{Key: k, Count: n})
	}
	slices.SortFunc(out, func(a, b outcomes.Count) int { return compareKeys(a.Key, b.Key) })
	return out
}

func compareKeys(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// sameRows reports whether two lists of rows hold the same rows, in any
// order.
func sameRows(a, b []outcomes.Count) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	for _, l := range [][]outcomes.Count{a, b} {
		slices.SortFunc(l, func(x, y outcomes.Count) int { return compareKeys(x.Key, y.Key) })
	}
	return slices.Equal(a, b)
}

func TestReportNumbersEqualWhatTheEventHolds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newFigureWorld(t, s)
		first := w.ask("aigerim", "How stable is the catalyst at high temperature?")
		w.ask("wei", "What does the pilot plant cost?")
		again := w.ask("olga", "Is the catalyst stable when it is hot?")
		if _, err := w.live.Moderate(ctx, w.manager, again.ID, "merge", first.ID); err != nil {
			t.Fatal(err)
		}
		w.meet()

		got, err := w.svc.ReportFigures(ctx, w.manager, "public")
		if err != nil {
			t.Fatal(err)
		}
		want := w.held()
		// What the store holds is what the world made: not zero anywhere.
		if want.Registered != 4 || want.Participants != 3 || want.Questions != 2 || want.MeetingsAccepted != 2 ||
			want.MeetingsHeld != 1 || want.Speakers != 1 || want.Contributions != 2 || len(want.MeetingsPerHour) != 1 {
			t.Fatalf("the store holds %+v", want)
		}
		for _, c := range []struct {
			name      string
			got, want int
		}{
			{"registered", got.Registered, want.Registered}, {"participants", got.Participants, want.Participants},
			{"speakers", got.Speakers, want.Speakers}, {"contributions", got.Contributions, want.Contributions},
			{"questions", got.Questions, want.Questions}, {"meetings accepted", got.MeetingsAccepted, want.MeetingsAccepted},
			{"meetings held", got.MeetingsHeld, want.MeetingsHeld},
		} {
			if c.got != c.want {
				t.Errorf("%s: the report says %d, the store holds %d", c.name, c.got, c.want)
			}
		}
		for _, c := range []struct {
			name      string
			got, want []outcomes.Count
		}{
			{"by country", got.ByCountry, want.ByCountry}, {"by kind", got.ByKind, want.ByKind},
			{"meetings per hour", got.MeetingsPerHour, want.MeetingsPerHour},
		} {
			if !sameRows(c.got, c.want) {
				t.Errorf("%s: the report says %v, the store holds %v", c.name, c.got, c.want)
			}
		}
		// The published page shows the same figures to everyone.
		if _, err := w.svc.SaveReport(ctx, w.manager, "public", func(r *symposium.Report) { r.Status = "published" }); err != nil {
			t.Fatal(err)
		}
		v, err := w.svc.Report(ctx, nil, "public")
		if err != nil {
			t.Fatal(err)
		}
		if v.Figures.Questions != want.Questions || v.Figures.MeetingsHeld != want.MeetingsHeld || v.Figures.Participants != want.Participants {
			t.Errorf("the published report's figures %+v differ from the store's %+v", v.Figures, want)
		}
	})
}
