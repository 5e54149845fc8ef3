package review_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/review"
	"symposium/internal/search"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

var ctx = context.Background()

// world is a store with two events managed by one account, public and
// restricted, each with an open call and one abstract by an author, which
// one reviewer of the event is assigned to and another is not.
type world struct {
	t        *testing.T
	s        *store.Store
	svc      *review.Service
	manager  *symposium.User
	author   *symposium.User
	assigned *symposium.User // a reviewer assigned to the abstracts
	other    *symposium.User // a reviewer of the events, not assigned
	stranger *symposium.User
	admin    *symposium.User
	person   *symposium.Person // the author's person
	org      *symposium.Organization
	// track and abstract of each event, by slug.
	track, abstract map[string]string
}

func newWorld(t *testing.T, s *store.Store) *world {
	w := &world{t: t, s: s, track: map[string]string{}, abstract: map[string]string{}}
	ev := events.New(s, nil)
	se := search.New(s, ev, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := se.Load(ctx); err != nil {
		t.Fatal(err)
	}
	w.svc = review.New(s, se, ev, i18n.Must(i18n.New()), "http://symposium.test")
	w.manager = w.user("manager@example.org", false)
	w.author = w.user("aigerim@example.kz", false)
	w.assigned = w.user("wang@example.cn", false)
	w.other = w.user("olga@example.ru", false)
	w.stranger = w.user("stranger@example.org", false)
	w.admin = w.user("admin@example.org", true)
	w.org = &symposium.Organization{Name: symposium.Text("en", "Kazakhstan–China Research Center"), Country: "KZ"}
	if err := s.CreateOrganization(ctx, w.org); err != nil {
		t.Fatal(err)
	}
	w.person = &symposium.Person{Name: symposium.Text("kk", "Әйгерім Нұрланқызы"), Email: w.author.Email, OrganizationID: w.org.ID}
	if err := s.CreatePerson(ctx, w.person); err != nil {
		t.Fatal(err)
	}
	for _, v := range []struct{ slug, visibility string }{{"public", symposium.VisibilityPublic}, {"restricted", symposium.VisibilityRestricted}} {
		w.event(v.slug, v.visibility)
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

// event stores an event of the manager's with both reviewers, an open
// call, and the author's abstract assigned to one reviewer.
func (w *world) event(slug, visibility string) {
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
	if err := w.svc.PutCall(ctx, w.manager, slug, w.call()); err != nil {
		w.t.Fatal(err)
	}
	cp, err := w.svc.CallForm(ctx, w.manager, slug)
	if err != nil {
		w.t.Fatal(err)
	}
	w.track[slug] = cp.Call.Tracks[0].ID
	for _, r := range []*symposium.User{w.assigned, w.other} {
		if _, err := w.svc.AddReviewer(ctx, w.manager, slug, r.Email, nil); err != nil {
			w.t.Fatal(err)
		}
	}
	// The author submits holding a role for the while, which lets them see
	// a restricted event; their abstract stays theirs to see after.
	if _, err := w.s.AddEventRole(ctx, e.ID, w.author.Email, symposium.RoleModerator); err != nil {
		w.t.Fatal(err)
	}
	a := w.draft(slug, "Digital silk road")
	if err := w.svc.Submit(ctx, w.author, slug, review.Submission{Abstract: a, Confirm: true}); err != nil {
		w.t.Fatal(err)
	}
	if err := w.s.RemoveEventRole(ctx, e.ID, w.author.ID, symposium.RoleModerator); err != nil {
		w.t.Fatal(err)
	}
	w.abstract[slug] = a.ID
	if _, err := w.svc.AssignReviewer(ctx, w.manager, a.ID, w.assigned.Email, ""); err != nil {
		w.t.Fatal(err)
	}
}

// call is an open call, not blind, with one track and one rating.
func (w *world) call() *symposium.Call {
	now := time.Now()
	return &symposium.Call{OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(time.Hour), ReviewsVisible: true,
		Types: []string{symposium.ContributionTalk}, WordLimit: 500,
		Tracks:    []symposium.Track{{Name: symposium.Text("en", "Digital economy")}},
		Questions: []symposium.ReviewQuestion{{Text: symposium.Text("en", "Originality"), Kind: symposium.ReviewRating, Min: 1, Max: 5, Weight: 1}}}
}

// draft is an abstract by the author at an event.
func (w *world) draft(slug, title string) *symposium.Abstract {
	return &symposium.Abstract{Title: symposium.Text("en", title), Content: symposium.Text("en", "Cooperation in science."),
		Language: "en", TrackID: w.track[slug], Type: symposium.ContributionTalk, AuthorIDs: []string{w.person.ID}}
}

// audit returns an event's audit log, oldest first, without its creation.
func (w *world) audit(slug string) []*symposium.AuditEntry {
	w.t.Helper()
	e, err := w.s.EventBySlug(ctx, slug)
	if err != nil {
		w.t.Fatal(err)
	}
	list, _, err := w.s.AuditLog(ctx, store.AuditQuery{EventID: e.ID, Limit: 1000})
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

func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

// Kinds of operation on an event, by who may run them.
const (
	read     = "read"     // whoever may see the event
	signedIn = "signedIn" // whoever signed in may see the event
	review_  = "review"   // its reviewers and managers
	bid      = "bid"      // its reviewers
	manage   = "manage"   // its managers
)

// eventOperation is one method of the service as a caller runs it on an
// event.
type eventOperation struct {
	name, kind string
	run        func(w *world, u *symposium.User, slug string) error
}

var eventOperations = []eventOperation{
	{"call", read, func(w *world, u *symposium.User, slug string) error {
		cp, err := w.svc.Call(ctx, u, slug)
		if err == nil && (cp.Call == nil || len(cp.Call.Tracks) != 1) {
			w.t.Errorf("the call of %s = %+v", slug, cp)
		}
		return err
	}},
	{"submission form", signedIn, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.SubmitForm(ctx, u, slug)
		return err
	}},
	{"my assignments", signedIn, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.MyAssignments(ctx, u, slug)
		return err
	}},
	{"reviewing", review_, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.Reviewing(ctx, u, slug)
		return err
	}},
	{"export abstracts", review_, func(w *world, u *symposium.User, slug string) error {
		_, _, err := w.svc.Export(ctx, u, slug, "abstracts", i18n.Must(i18n.New()).For("en"))
		return err
	}},
	{"bids", bid, func(w *world, u *symposium.User, slug string) error {
		return w.svc.SetBids(ctx, u, slug, map[string]string{w.abstract[slug]: "willing"})
	}},
	{"call form", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.CallForm(ctx, u, slug)
		return err
	}},
	{"put call", manage, func(w *world, u *symposium.User, slug string) error {
		c := w.call()
		c.Tracks[0].ID = w.track[slug]
		return w.svc.PutCall(ctx, u, slug, c)
	}},
	{"decision list", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.DecisionList(ctx, u, slug, review.ListFilter{})
		return err
	}},
	{"board", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.Board(ctx, u, slug, review.ListFilter{})
		return err
	}},
	{"preview assignment", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.AutoAssign(ctx, u, slug, 1, true)
		return err
	}},
	{"add reviewer", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.AddReviewer(ctx, u, slug, w.other.Email, []string{w.track[slug]})
		return err
	}},
	{"decide none", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.DecideMany(ctx, u, slug, nil, symposium.DecisionAccept, symposium.ContributionTalk)
		return err
	}},
	{"release none", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.Release(ctx, u, slug)
		return err
	}},
	{"export reviews", manage, func(w *world, u *symposium.User, slug string) error {
		_, _, err := w.svc.Export(ctx, u, slug, "reviews", i18n.Must(i18n.New()).For("en"))
		return err
	}},
}

func TestWhoMayRunTheCallAndItsReview(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		// outsider answers those who see the public event but hold no role
		// at it.
		outsider := func(slug, kind string) string {
			if slug != "public" {
				return symposium.ENOTFOUND
			}
			return pick(kind == read || kind == signedIn, "", symposium.EFORBIDDEN)
		}
		callers := []struct {
			name string
			u    *symposium.User
			want func(slug, kind string) string
		}{
			{"anonymous", nil, func(slug, kind string) string {
				return pick(kind != read, symposium.EUNAUTHORIZED, pick(slug == "public", "", symposium.ENOTFOUND))
			}},
			{"a stranger", w.stranger, outsider},
			{"the author", w.author, outsider},
			{"a reviewer", w.other, func(_, kind string) string { return pick(kind == manage, symposium.EFORBIDDEN, "") }},
			{"the manager", w.manager, func(_, kind string) string { return pick(kind == bid, symposium.EFORBIDDEN, "") }},
			{"an administrator", w.admin, func(string, string) string { return "" }},
		}
		for _, c := range callers {
			for _, slug := range []string{"public", "restricted"} {
				for _, op := range eventOperations {
					want := c.want(slug, op.kind)
					if got := symposium.ErrorCode(op.run(w, c.u, slug)); got != want {
						t.Errorf("%s: %s at %s = %q, want %q", c.name, op.name, slug, got, want)
					}
				}
			}
		}
		for _, slug := range []string{"public", "restricted"} {
			for _, a := range w.audit(slug) {
				if a.ActorID != w.manager.ID && a.ActorID != w.admin.ID {
					t.Errorf("%s: the audit log holds %s by %s, who may not manage", slug, a.Action, a.ActorName)
				}
			}
		}
	})
}

// abstractOperation is one method of the service as a caller runs it on
// an abstract.
type abstractOperation struct {
	name string
	run  func(w *world, u *symposium.User, id string) error
}

var abstractOperations = []abstractOperation{
	{"view", func(w *world, u *symposium.User, id string) error {
		_, err := w.svc.View(ctx, u, id)
		return err
	}},
	{"page", func(w *world, u *symposium.User, id string) error {
		_, err := w.svc.Page(ctx, u, id)
		return err
	}},
	{"reviews", func(w *world, u *symposium.User, id string) error {
		_, err := w.svc.Reviews(ctx, u, id)
		return err
	}},
	{"review", func(w *world, u *symposium.User, id string) error {
		return w.svc.SaveReview(ctx, u, id, &symposium.Review{Ratings: map[string]int{}})
	}},
	{"edit", func(w *world, u *symposium.User, id string) error {
		a, err := w.s.Abstract(ctx, id)
		if err != nil {
			w.t.Fatal(err)
		}
		d := w.draft("public", "Digital silk road")
		d.ID, d.TrackID = id, a.TrackID
		return w.svc.Edit(ctx, u, review.Submission{Abstract: d})
	}},
	{"edit form", func(w *world, u *symposium.User, id string) error {
		_, err := w.svc.EditForm(ctx, u, id)
		return err
	}},
	{"confirm", func(w *world, u *symposium.User, id string) error { return w.svc.Confirm(ctx, u, id) }},
	{"decide", func(w *world, u *symposium.User, id string) error {
		return w.svc.Decide(ctx, u, id, symposium.DecisionAccept, "")
	}},
	{"assign", func(w *world, u *symposium.User, id string) error {
		_, err := w.svc.AssignReviewer(ctx, u, id, w.assigned.Email, "")
		return err
	}},
	{"bid", func(w *world, u *symposium.User, id string) error { return w.svc.SetBid(ctx, u, id, "eager") }},
}

func TestWhoMayReachAnAbstract(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		// Codes, in the order of abstractOperations: view, page, reviews,
		// review, edit, edit form, confirm, decide, assign, bid.
		const (
			N = symposium.ENOTFOUND
			F = symposium.EFORBIDDEN
			U = symposium.EUNAUTHORIZED
		)
		for _, c := range []struct {
			name string
			u    *symposium.User
			want []string
		}{
			{"anonymous", nil, []string{U, U, U, U, U, U, U, U, U, U}},
			{"a stranger", w.stranger, []string{N, N, N, N, N, N, N, N, N, N}},
			{"the author", w.author, []string{"", "", "", F, "", "", "", F, F, F}},
			{"the assigned reviewer", w.assigned, []string{"", "", "", "", F, F, F, F, F, ""}},
			{"another reviewer", w.other, []string{N, N, N, F, N, N, N, N, N, ""}},
			{"the manager", w.manager, []string{"", "", "", F, F, F, F, "", "", F}},
		} {
			for _, slug := range []string{"public", "restricted"} {
				for i, op := range abstractOperations {
					if got := symposium.ErrorCode(op.run(w, c.u, w.abstract[slug])); got != c.want[i] {
						t.Errorf("%s: %s at %s = %q, want %q", c.name, op.name, slug, got, c.want[i])
					}
				}
			}
		}
	})
}

func TestReviewChangesAreAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		colleague := w.user("colleague@example.kz", false)
		p := &symposium.Person{Name: symposium.Text("ru", "Данияр Сейткали"), Email: colleague.Email, OrganizationID: w.org.ID}
		if err := s.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		id := w.abstract["public"]
		_, err := w.svc.AssignReviewer(ctx, w.manager, id, colleague.Email, "")
		if e := symposium.AsError(err); e == nil || e.Code != symposium.ECONFLICT || e.Detail["reason"] != "interest.same_organization" {
			t.Fatalf("assigning a colleague of the author = %v; want a conflict naming the organization", err)
		}
		if _, err := w.svc.AssignReviewer(ctx, w.manager, id, colleague.Email, "The only specialist in Kazakh phonology"); err != nil {
			t.Fatal(err)
		}
		for _, d := range []string{symposium.DecisionReject, symposium.DecisionAccept} {
			if err := w.svc.Decide(ctx, w.manager, id, d, ""); err != nil {
				t.Fatal(err)
			}
		}
		if done, err := w.svc.Release(ctx, w.manager, "public"); err != nil || len(done) != 1 {
			t.Fatalf("release = %v, %v", done, err)
		}
		if err := w.svc.Decide(ctx, w.manager, id, symposium.DecisionReject, ""); symposium.ErrorCode(err) != symposium.ECONFLICT {
			t.Errorf("deciding after the release = %v, want a conflict", err)
		}
		var got []string
		for _, a := range w.audit("public") {
			got = append(got, a.Action+" "+a.Subject+" "+string(a.Before)+" → "+string(a.After))
		}
		log := strings.Join(got, "\n")
		for _, want := range []string{
			symposium.AuditCallSave + " ", // the first save, with nothing before
			symposium.AuditRoleGrant + "   → {\"email\":\"wang@example.cn\",\"role\":\"reviewer\",\"tracks\":[]}",
			symposium.AuditReviewerAssign + " " + id + "  → {\"reviewer\":\"wang@example.cn\"}",
			symposium.AuditReviewerAssign + " " + id + "  → {\"reviewer\":\"colleague@example.kz\",\"override\":\"The only specialist in Kazakh phonology\"}",
			symposium.AuditDecision + " " + id + "  → {\"decision\":\"reject\"",
			symposium.AuditDecision + " " + id + " {\"decision\":\"reject\"",
			symposium.AuditDecisionsRelease + " ",
		} {
			if !strings.Contains(log, want) {
				t.Errorf("the audit log lacks %q:\n%s", want, log)
			}
		}
		if strings.Count(log, symposium.AuditDecision+" ") != 2 || strings.Count(log, symposium.AuditCallSave) != 1 {
			t.Errorf("the audit log records a refused change:\n%s", log)
		}
	})
}
