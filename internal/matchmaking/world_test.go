package matchmaking_test

import (
	"context"
	"testing"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/matchmaking"
	"symposium/internal/store"
)

var ctx = context.Background()

// world is an event with matchmaking to open: a manager, three
// confirmed participants of three languages and organization kinds, a
// fourth person who never registered, and a talk one of them gives.
type world struct {
	t       *testing.T
	s       *store.Store
	svc     *matchmaking.Service
	event   *symposium.Event
	manager *symposium.User
	// users and people by short name: "aigerim" (kk, company), "wei" (zh,
	// university), "olga" (ru, research center), "dana" (not registered).
	users  map[string]*symposium.User
	people map[string]*symposium.Person
	// regs are the confirmed registrations' IDs by short name.
	regs map[string]string
	day  time.Time
}

func newWorld(t *testing.T, s *store.Store) *world {
	t.Helper()
	w := &world{t: t, s: s, users: map[string]*symposium.User{}, people: map[string]*symposium.Person{}, regs: map[string]string{}}
	w.svc = matchmaking.New(s, events.New(s, nil), i18n.Must(i18n.New()), "http://symposium.test")
	w.svc.TimeLimit = 300 * time.Millisecond
	w.manager = w.user("manager@example.org")
	loc := time.FixedZone("UTC+5", 5*3600)
	w.day = time.Date(2030, 5, 22, 9, 0, 0, 0, loc)
	e := &symposium.Event{Slug: "astana", Title: symposium.Text("en", "Astana symposium", "zh", "阿斯塔纳研讨会"), Timezone: "Asia/Almaty",
		Visibility: symposium.VisibilityPublic, Status: symposium.StatusPublished, StartsAt: w.day, EndsAt: w.day.Add(9 * time.Hour)}
	var p symposium.Problems
	e.Validate(&p)
	w.must(p.Err())
	w.must(s.CreateEvent(ctx, e, w.manager.ID))
	w.event = e
	c := &symposium.Category{EventID: e.ID, Name: symposium.Text("en", "Participant")}
	w.must(s.CreateCategory(ctx, c))
	w.person("aigerim", "Айгерім Сәтбаева", "kk", "company", "KZ", c.ID)
	w.person("wei", "张伟", "zh", "university", "CN", c.ID)
	w.person("olga", "Ольга Иванова", "ru", "research_center", "RU", c.ID)
	w.person("dana", "Dana Smith", "en", "company", "GB", "")
	return w
}

func (w *world) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) user(email string) *symposium.User {
	w.t.Helper()
	u := &symposium.User{Email: email, Name: "User " + email, Language: "en", Verified: true}
	w.must(w.s.CreateUser(ctx, u, "hash"))
	return u
}

// person adds an account, a person of an organization and, with a
// category, a confirmed registration.
func (w *world) person(short, name, lang, kind, country, category string) {
	w.t.Helper()
	email := short + "@example.org"
	w.users[short] = w.user(email)
	o := &symposium.Organization{Name: symposium.Text(lang, "Org of "+short), Kind: kind, Country: country}
	w.must(w.s.CreateOrganization(ctx, o))
	p := &symposium.Person{Name: symposium.Text(lang, name), Email: email, OrganizationID: o.ID, Country: country}
	w.must(w.s.CreatePerson(ctx, p))
	w.people[short] = p
	if category == "" {
		return
	}
	r := &symposium.Registration{EventID: w.event.ID, CategoryID: category, Email: email, Name: p.Name, Language: lang, EmailConfirmed: true}
	w.must(w.s.Register(ctx, r, "hash-"+short, time.Now(), nil))
	if r.Status != symposium.RegConfirmed {
		w.t.Fatalf("registration of %s is %s", short, r.Status)
	}
	w.regs[short] = r.ID
}

// open opens matchmaking with three 20-minute slots of two tables, a
// table reserved for Aigerim's booth and requests open for a day.
func (w *world) open(cap int) *symposium.Matchmaking {
	w.t.Helper()
	m := &symposium.Matchmaking{OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(24 * time.Hour), RequestsPerPerson: cap,
		IndustryScience: true, Tables: []symposium.MeetingTable{{Number: 10, Name: "Booth A", HolderID: w.people["aigerim"].ID}}}
	for i := range 3 {
		start := w.day.Add(time.Duration(6*60+20*i) * time.Minute)
		m.Slots = append(m.Slots, symposium.MeetingSlot{StartsAt: start, EndsAt: start.Add(20 * time.Minute), Tables: 2})
	}
	p, err := w.svc.SaveSettings(ctx, w.manager, "astana", m)
	w.must(err)
	return p.Matchmaking
}

// profile stores a participant's profile as themself.
func (w *world) profile(short string, offers, seeks symposium.LocalizedText, topics, languages []string) {
	w.t.Helper()
	pr := &symposium.MatchmakingProfile{PersonID: w.people[short].ID, Offers: offers, Seeks: seeks, Topics: topics, Languages: languages}
	_, err := w.svc.SaveProfile(ctx, w.users[short], "astana", pr)
	w.must(err)
}

// request sends a request as a participant and returns it.
func (w *world) request(from, to string, priority int) *symposium.MeetingRequest {
	w.t.Helper()
	r := &symposium.MeetingRequest{ToID: w.people[to].ID, Priority: priority, Message: "Let us meet"}
	_, err := w.svc.CreateRequest(ctx, w.users[from], "astana", r)
	w.must(err)
	return r
}

// requestCount returns how many requests the event holds.
func (w *world) requestCount() int {
	w.t.Helper()
	list, err := w.s.MeetingRequests(ctx, w.event.ID)
	w.must(err)
	return len(list)
}
