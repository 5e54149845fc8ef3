package registration_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/registration"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

var ctx = context.Background()

// world is a store with three events managed by one account — public,
// restricted and a public draft — each with a category and one confirmed
// registration, and check-in staff at each.
type world struct {
	t        *testing.T
	s        *store.Store
	svc      *registration.Service
	manager  *symposium.User
	staff    *symposium.User
	stranger *symposium.User
	admin    *symposium.User
	// category and registration of each event, by slug.
	category, registration map[string]string
	// ticket of each event's registration, by slug.
	ticket map[string]string
}

func newWorld(t *testing.T, s *store.Store) *world {
	w := &world{t: t, s: s, category: map[string]string{}, registration: map[string]string{}, ticket: map[string]string{}}
	w.svc = registration.New(s, events.New(s, nil), i18n.Must(i18n.New()), "http://symposium.test")
	w.manager = w.user("manager@example.org", false)
	w.staff = w.user("desk@example.org", false)
	w.stranger = w.user("stranger@example.org", false)
	w.admin = w.user("admin@example.org", true)
	for _, v := range []struct{ slug, visibility, status string }{
		{"public", symposium.VisibilityPublic, symposium.StatusPublished},
		{"restricted", symposium.VisibilityRestricted, symposium.StatusPublished},
		{"draft", symposium.VisibilityPublic, symposium.StatusDraft},
	} {
		w.event(v.slug, v.visibility, v.status)
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

// event stores an event of the manager's with check-in staff, a category
// of two seats with a waiting list, and one confirmed registration.
func (w *world) event(slug, visibility, status string) {
	w.t.Helper()
	loc := time.FixedZone("UTC+5", 5*3600)
	e := &symposium.Event{Slug: slug, Title: symposium.Text("en", "Symposium "+slug), Timezone: "Asia/Almaty",
		Visibility: visibility, Status: status, StartsAt: time.Date(2030, 5, 22, 9, 0, 0, 0, loc), EndsAt: time.Date(2030, 5, 22, 18, 0, 0, 0, loc)}
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
	two := 2
	c := &symposium.Category{Name: symposium.Text("en", "Participant"), Capacity: &two, Waitlist: true}
	if err := w.svc.CreateCategory(ctx, w.manager, slug, c); err != nil {
		w.t.Fatal(err)
	}
	w.category[slug] = c.ID
	r := &symposium.Registration{CategoryID: c.ID, Email: "guest@example.kz", Name: symposium.Text("kk", "Гүлнар")}
	if _, _, err := w.svc.Register(ctx, w.manager, slug, r); err != nil {
		w.t.Fatal(err)
	}
	w.registration[slug], w.ticket[slug] = r.ID, r.Ticket
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

// Kinds of operation, by who may run them.
const (
	read   = "read"   // whoever may see the event
	desk   = "desk"   // check-in staff and managers
	manage = "manage" // managers
)

// operation is one method of the service as a caller runs it on an event.
type operation struct {
	name, kind string
	run        func(w *world, u *symposium.User, slug string) error
}

// late counts the registrations the operations make (on both databases
// at once).
var late atomic.Int64

var operations = []operation{
	{"form", read, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.Form(ctx, u, slug)
		return err
	}},
	{"categories", read, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.Categories(ctx, u, slug)
		return err
	}},
	{"questions", read, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.Questions(ctx, u, slug)
		return err
	}},
	{"participants", read, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.Participants(ctx, u, slug)
		return err
	}},
	{"resend link", read, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.ResendLink(ctx, u, slug, "nobody@example.org")
		return err
	}},
	{"register", read, func(w *world, u *symposium.User, slug string) error {
		r := &symposium.Registration{CategoryID: w.category[slug], Email: fmt.Sprintf("late%d@example.org", late.Add(1)), Name: symposium.Text("en", "Late")}
		_, _, err := w.svc.Register(ctx, u, slug, r)
		if err == nil {
			_, err = w.svc.Change(ctx, w.manager, r.ID, store.ChangeCancel, "")
		}
		return err
	}},
	{"registrations", desk, func(w *world, u *symposium.User, slug string) error {
		_, _, err := w.svc.Registrations(ctx, u, slug, store.RegistrationQuery{Limit: 10})
		return err
	}},
	{"desk", desk, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.Desk(ctx, u, slug, "Гүл")
		return err
	}},
	{"check in", desk, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.CheckIn(ctx, u, slug, w.ticket[slug])
		if symposium.ErrorCode(err) == symposium.ECONFLICT {
			return nil // checked in before, by someone who may
		}
		return err
	}},
	{"create category", manage, func(w *world, u *symposium.User, slug string) error {
		return w.svc.CreateCategory(ctx, u, slug, &symposium.Category{Name: symposium.Text("en", "Press")})
	}},
	{"update category", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.UpdateCategory(ctx, u, slug, w.category[slug], func(c *symposium.Category) { c.Price = "free" })
		return err
	}},
	{"set capacity", manage, func(w *world, u *symposium.User, slug string) error {
		n := 100
		return w.svc.SetCapacity(ctx, u, slug, &n)
	}},
	{"form editor", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.FormEditor(ctx, u, slug)
		return err
	}},
	{"set questions", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.SetQuestions(ctx, u, slug, func(qs []symposium.Question) []symposium.Question { return qs })
		return err
	}},
	{"overview", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.Overview(ctx, u, slug, store.RegistrationQuery{Limit: 10})
		return err
	}},
	{"export", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.Export(ctx, u, slug, store.RegistrationQuery{})
		return err
	}},
	{"badges", desk, func(w *world, u *symposium.User, slug string) error {
		_, badges, err := w.svc.Badges(ctx, u, slug, store.RegistrationQuery{}, "")
		if err == nil && (len(badges) != 1 || badges[0].Name != "Гүлнар" || badges[0].Ticket == "") {
			w.t.Errorf("the badges of %s = %+v; want Гүлнар's with her ticket", slug, badges)
		}
		return err
	}},
	{"bulk change", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.BulkChange(ctx, u, slug, nil, store.ChangeApprove)
		return err
	}},
	{"invitations", manage, func(w *world, u *symposium.User, slug string) error {
		_, err := w.svc.Invitations(ctx, u, slug)
		return err
	}},
	{"invite", manage, func(w *world, u *symposium.User, slug string) error {
		inv := &symposium.Invitation{Email: "ambassador@example.cn", CategoryID: w.category[slug], Language: "zh"}
		err := w.svc.Invite(ctx, u, slug, inv)
		if err == nil {
			err = w.svc.RevokeInvitation(ctx, u, slug, inv.ID)
		}
		return err
	}},
	{"revoke invitation", manage, func(w *world, u *symposium.User, slug string) error {
		inv := &symposium.Invitation{Email: "minister@example.kz", CategoryID: w.category[slug], Language: "kk"}
		if err := w.svc.Invite(ctx, w.manager, slug, inv); err != nil {
			w.t.Fatal(err)
		}
		return w.svc.RevokeInvitation(ctx, u, slug, inv.ID)
	}},
}

// answer is what a caller gets from an operation of a kind at an event:
// the error code, "" for success.
type answer func(slug, kind string) string

func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

func TestWhoMayRegisterCheckInAndManage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		callers := []struct {
			name string
			u    *symposium.User
			want answer
		}{
			{"anonymous", nil, func(slug, kind string) string {
				return pick(kind != read, symposium.EUNAUTHORIZED, pick(slug == "public", "", symposium.ENOTFOUND))
			}},
			{"a stranger", w.stranger, func(slug, kind string) string {
				return pick(slug != "public", symposium.ENOTFOUND, pick(kind != read, symposium.EFORBIDDEN, ""))
			}},
			{"check-in staff", w.staff, func(_, kind string) string { return pick(kind == manage, symposium.EFORBIDDEN, "") }},
			{"the manager", w.manager, func(string, string) string { return "" }},
			{"an administrator", w.admin, func(string, string) string { return "" }},
		}
		for _, c := range callers {
			for _, slug := range []string{"public", "restricted", "draft"} {
				for _, op := range operations {
					want := c.want(slug, op.kind)
					if got := symposium.ErrorCode(op.run(w, c.u, slug)); got != want {
						t.Errorf("%s: %s at %s = %q, want %q", c.name, op.name, slug, got, want)
					}
				}
			}
		}
		for _, slug := range []string{"public", "restricted", "draft"} {
			for _, a := range w.audit(slug) {
				if a.ActorID != w.manager.ID && a.ActorID != w.admin.ID {
					t.Errorf("%s: the audit log holds %s by %s, who may not manage", slug, a.Action, a.ActorName)
				}
			}
		}
	})
}

// token returns the secret of the last manage link mailed to an address.
func (w *world) token(email string) string {
	w.t.Helper()
	mails, err := w.s.ListMail(ctx, "", 100)
	if err != nil {
		w.t.Fatal(err)
	}
	for _, m := range mails {
		if m.Mail.To != email {
			continue
		}
		for _, word := range strings.Fields(m.Mail.Text) {
			if u, err := url.Parse(word); err == nil && u.Query().Get("token") != "" {
				return u.Query().Get("token")
			}
		}
	}
	w.t.Fatalf("no manage link mailed to %s", email)
	return ""
}

func TestWhoMayChangeARegistration(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		approval := &symposium.Category{Name: symposium.Text("en", "Delegation"), RequiresApproval: true}
		if err := w.svc.CreateCategory(ctx, w.manager, "restricted", approval); err != nil {
			t.Fatal(err)
		}
		r := &symposium.Registration{CategoryID: approval.ID, Email: "official@example.kz", Name: symposium.Text("ru", "Асель")}
		if _, _, err := w.svc.Register(ctx, w.manager, "restricted", r); err != nil || r.Status != symposium.RegPending {
			t.Fatalf("registration = %v, %v; want pending", r.Status, err)
		}
		token := w.token("official@example.kz")
		for _, c := range []struct {
			name          string
			u             *symposium.User
			change, token string
			want          string
		}{
			{"nobody signed in", nil, store.ChangeApprove, "", symposium.ENOTFOUND},
			{"a stranger", w.stranger, store.ChangeCancel, "", symposium.ENOTFOUND},
			{"check-in staff", w.staff, store.ChangeApprove, "", symposium.EFORBIDDEN},
			{"the registrant's link approving", nil, store.ChangeApprove, token, symposium.ENOTFOUND},
			{"a wrong link", nil, store.ChangeCancel, "not-the-token", symposium.ENOTFOUND},
			{"the manager", w.manager, store.ChangeApprove, "", ""},
			{"the registrant's link cancelling", nil, store.ChangeCancel, token, ""},
		} {
			if _, err := w.svc.Change(ctx, c.u, r.ID, c.change, c.token); symposium.ErrorCode(err) != c.want {
				t.Errorf("%s: %s = %v, want %q", c.name, c.change, err, c.want)
			}
		}
		if _, err := w.svc.Edit(ctx, w.staff, r.ID, func(r *symposium.Registration) { r.Organization = "Ministry" }); symposium.ErrorCode(err) != symposium.EFORBIDDEN {
			t.Errorf("check-in staff editing = %v, want forbidden", err)
		}
		if _, err := w.svc.Edit(ctx, w.stranger, r.ID, func(r *symposium.Registration) { r.Organization = "Ministry" }); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("a stranger editing = %v, want not found", err)
		}
		edited, err := w.svc.Edit(ctx, w.manager, r.ID, func(r *symposium.Registration) { r.Organization = "Ministry of Science" })
		if err != nil || edited.Organization != "Ministry of Science" || edited.Status != symposium.RegCancelled {
			t.Errorf("the manager's edit = %+v, %v", edited, err)
		}
		var changes []string
		for _, a := range w.audit("restricted") {
			if a.Action == symposium.AuditRegistration && a.Subject == r.ID {
				changes = append(changes, a.ActorID+" "+string(a.Before)+" "+string(a.After))
			}
		}
		if len(changes) != 2 || changes[0] != w.manager.ID+` {"status":"pending"} {"change":"approve"}` ||
			!strings.Contains(changes[1], `"organization":"Ministry of Science"`) {
			t.Errorf("the audit log of the registration = %q; want the manager's approval and edit only", changes)
		}
	})
}

func TestCapacityAndCategoryChangesAreAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		for _, email := range []string{"second@example.org", "third@example.org"} {
			r := &symposium.Registration{CategoryID: w.category["public"], Email: email, Name: symposium.Text("en", "Guest")}
			if _, _, err := w.svc.Register(ctx, nil, "public", r); err != nil {
				t.Fatal(err)
			}
		}
		one, three := 1, 3
		if err := w.svc.SetCapacity(ctx, w.manager, "public", &one); err != nil {
			t.Fatal(err)
		}
		if err := w.svc.SetCapacity(ctx, w.manager, "public", nil); err != nil {
			t.Fatal(err)
		}
		c, err := w.svc.UpdateCategory(ctx, w.manager, "public", w.category["public"], func(c *symposium.Category) { c.Capacity = &three })
		if err != nil || c.Confirmed != 3 || c.Waitlisted != 0 {
			t.Errorf("raising the capacity = %+v, %v; want the waitlisted person promoted", c, err)
		}
		var got []string
		for _, a := range w.audit("public") {
			switch a.Action {
			case symposium.AuditCapacity:
				got = append(got, string(a.Before)+" → "+string(a.After))
			case symposium.AuditCategorySave:
				var before, after symposium.Category
				_ = json.Unmarshal(a.After, &after)
				if a.Before != nil {
					_ = json.Unmarshal(a.Before, &before)
				}
				got = append(got, "category "+capacity(before.Capacity)+" → "+capacity(after.Capacity))
			}
		}
		want := []string{"category none → 2", `{"capacity":null} → {"capacity":1}`, `{"capacity":1} → {"capacity":null}`, "category 2 → 3"}
		if strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Errorf("audit log = %q\nwant %q", got, want)
		}
	})
}

// capacity writes a capacity for a test's messages.
func capacity(n *int) string {
	if n == nil {
		return "none"
	}
	b, _ := json.Marshal(*n)
	return string(b)
}

func TestManageLinkOpensItsRegistrationOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		token := w.token("guest@example.kz")
		m, err := w.svc.Manage(ctx, nil, token)
		if err != nil || m.Registration.ID != w.registration["public"] && m.Registration.ID != w.registration["restricted"] &&
			m.Registration.ID != w.registration["draft"] || m.Registration.Ticket == "" || m.Category == nil {
			t.Fatalf("manage = %+v, %v; want the registration with its ticket and category", m, err)
		}
		if _, err := w.svc.Manage(ctx, w.stranger, "S1-forged"); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("a forged link = %v, want not found", err)
		}
		m, err = w.svc.UpdateOwn(ctx, nil, token, func(r *symposium.Registration) {
			r.Email, r.Status, r.Organization = "thief@example.org", symposium.RegConfirmed, "Astana IT University"
		})
		if err != nil || m.Registration.Email != "guest@example.kz" || m.Registration.Organization != "Astana IT University" {
			t.Errorf("updating through the link = %+v, %v; want the organization changed, not the email", m.Registration, err)
		}
		if err := w.svc.CancelOwn(ctx, nil, token); err != nil {
			t.Fatal(err)
		}
		stored, _ := s.Registration(ctx, m.Registration.ID)
		if stored.Status != symposium.RegCancelled || stored.Email != "guest@example.kz" {
			t.Errorf("after cancelling through the link: %+v", stored)
		}
		for _, a := range w.audit(m.Event.Slug) {
			if a.Action == symposium.AuditRegistration {
				t.Errorf("the registrant's own change is in the audit log: %+v", a)
			}
		}
	})
}
