package store_test

import (
	"fmt"
	"testing"
	"time"

	"symposium"
	"symposium/internal/secret"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

func intp(n int) *int { return &n }

func newCategory(t *testing.T, s *store.Store, e *symposium.Event, c symposium.Category) *symposium.Category {
	t.Helper()
	c.EventID = e.ID
	if c.Name == nil {
		c.Name = symposium.Text("en", "Participant")
	}
	if err := s.CreateCategory(ctx, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

func registerAs(s *store.Store, e *symposium.Event, c *symposium.Category, email string, mails *[]string) (*symposium.Registration, error) {
	r := &symposium.Registration{EventID: e.ID, CategoryID: c.ID, Email: email, Name: symposium.Text("en", email), Language: "en"}
	err := s.Register(ctx, r, "hash-"+symposium.NewID(), time.Now(), recordMail(mails))
	return r, err
}

func recordMail(mails *[]string) store.RegistrationMail {
	return func(r *symposium.Registration, what string) (symposium.Mail, bool) {
		if mails != nil {
			*mails = append(*mails, r.Email+":"+what)
		}
		return symposium.Mail{To: r.Email, Subject: what, Text: what}, true
	}
}

func TestRegistrationCapacityAndWaitlist(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEvent(t, s, "reg", symposium.VisibilityPublic, nil)
		c := newCategory(t, s, e, symposium.Category{Capacity: intp(2), Waitlist: true})
		var mails []string
		var regs []*symposium.Registration
		for i := 0; i < 4; i++ {
			r, err := registerAs(s, e, c, fmt.Sprintf("p%d@example.org", i), &mails)
			if err != nil {
				t.Fatal(err)
			}
			regs = append(regs, r)
		}
		want := []string{"confirmed", "confirmed", "waitlisted", "waitlisted"}
		for i, r := range regs {
			if r.Status != want[i] {
				t.Errorf("registration %d = %s, want %s", i, r.Status, want[i])
			}
		}
		if _, err := registerAs(s, e, c, "p0@example.org", nil); symposium.ErrorCode(err) != symposium.ECONFLICT {
			t.Errorf("second registration of an email: %v", err)
		}
		// Cancelling a confirmed one promotes the first waitlisted.
		if _, err := s.ChangeRegistration(ctx, regs[0].ID, store.ChangeCancel, time.Now(), recordMail(&mails)); err != nil {
			t.Fatal(err)
		}
		if r, _ := s.Registration(ctx, regs[2].ID); r.Status != symposium.RegConfirmed {
			t.Errorf("first waitlisted after a cancellation = %s", r.Status)
		}
		if r, _ := s.Registration(ctx, regs[3].ID); r.Status != symposium.RegWaitlisted {
			t.Errorf("second waitlisted = %s", r.Status)
		}
		if last := mails[len(mails)-1]; last != "p2@example.org:promoted" {
			t.Errorf("mails = %v; want the promoted person told", mails)
		}
		cats, _ := s.Categories(ctx, e.ID)
		if cats[0].Confirmed != 2 || cats[0].Waitlisted != 1 {
			t.Errorf("counters = %d confirmed, %d waitlisted; want 2 and 1", cats[0].Confirmed, cats[0].Waitlisted)
		}
		counts, _ := s.RegistrationCounts(ctx, e.ID)
		if counts["confirmed"] != 2 || counts["waitlisted"] != 1 || counts["cancelled"] != 1 {
			t.Errorf("rows = %v; the counters disagree with the rows", counts)
		}
		// The cancelled email may register again.
		if r, err := registerAs(s, e, c, "p0@example.org", nil); err != nil || r.Status != symposium.RegWaitlisted {
			t.Errorf("re-registration after cancelling = %v, %v", r, err)
		}
		if _, err := s.ChangeRegistration(ctx, regs[0].ID, store.ChangeCancel, time.Now(), nil); symposium.ErrorCode(err) != symposium.ECONFLICT {
			t.Errorf("cancelling twice: %v", err)
		}
	})
}

func TestRegistrationRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEvent(t, s, "rules", symposium.VisibilityPublic, nil)
		full := newCategory(t, s, e, symposium.Category{Capacity: intp(1)})
		if r, err := registerAs(s, e, full, "a@example.org", nil); err != nil || r.Status != symposium.RegConfirmed {
			t.Fatalf("first = %v %v", r, err)
		}
		if _, err := registerAs(s, e, full, "b@example.org", nil); symposium.ErrorCode(err) != symposium.ECONFLICT {
			t.Errorf("full without a waiting list: %v", err)
		}
		past := time.Now().Add(-time.Hour)
		future := time.Now().Add(time.Hour)
		closed := newCategory(t, s, e, symposium.Category{ClosesAt: &past})
		if _, err := registerAs(s, e, closed, "c@example.org", nil); symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("closed category: %v", err)
		}
		notYet := newCategory(t, s, e, symposium.Category{OpensAt: &future})
		if _, err := registerAs(s, e, notYet, "d@example.org", nil); symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("category not open yet: %v", err)
		}
		other := newEvent(t, s, "other", symposium.VisibilityPublic, nil)
		if _, err := registerAs(s, other, full, "e@example.org", nil); symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("another event's category: %v", err)
		}
		// Approval: pending holds no seat; approving confirms while seats are free.
		vip := newCategory(t, s, e, symposium.Category{Capacity: intp(1), RequiresApproval: true, Waitlist: true})
		p1, _ := registerAs(s, e, vip, "v1@example.org", nil)
		p2, _ := registerAs(s, e, vip, "v2@example.org", nil)
		if p1.Status != symposium.RegPending || p2.Status != symposium.RegPending {
			t.Fatalf("approval category gave %s, %s", p1.Status, p2.Status)
		}
		if r, err := s.ChangeRegistration(ctx, p1.ID, store.ChangeApprove, time.Now(), nil); err != nil || r.Status != symposium.RegConfirmed {
			t.Errorf("approve = %v %v", r, err)
		}
		if r, err := s.ChangeRegistration(ctx, p2.ID, store.ChangeApprove, time.Now(), nil); err != nil || r.Status != symposium.RegWaitlisted {
			t.Errorf("approve when full = %v %v; want waitlisted", r, err)
		}
		if _, err := s.ChangeRegistration(ctx, p1.ID, store.ChangeReject, time.Now(), nil); err != nil {
			t.Fatal(err)
		}
		if r, _ := s.Registration(ctx, p2.ID); r.Status != symposium.RegConfirmed {
			t.Errorf("rejecting a confirmed registration did not promote the waitlisted one: %s", r.Status)
		}
		// An overall event capacity binds every category.
		capped := newEvent(t, s, "capped", symposium.VisibilityPublic, nil)
		_ = s.SetRegistrationCapacity(ctx, capped.ID, intp(1))
		a := newCategory(t, s, capped, symposium.Category{})
		b := newCategory(t, s, capped, symposium.Category{Waitlist: true})
		r1, _ := registerAs(s, capped, a, "x@example.org", nil)
		r2, err := registerAs(s, capped, b, "y@example.org", nil)
		if r1.Status != symposium.RegConfirmed || err != nil || r2.Status != symposium.RegWaitlisted {
			t.Errorf("event capacity 1: %s then %v %v", r1.Status, r2, err)
		}
	})
}

func TestCheckIn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEvent(t, s, "desk", symposium.VisibilityPublic, nil)
		c := newCategory(t, s, e, symposium.Category{Capacity: intp(1), Waitlist: true})
		r1, _ := registerAs(s, e, c, "in@example.org", nil)
		r2, _ := registerAs(s, e, c, "wait@example.org", nil)
		if got, err := s.CheckIn(ctx, e.ID, r1.ID, time.Now()); err != nil || got.CheckedInAt == nil {
			t.Fatalf("first check-in = %v %v", got, err)
		}
		if _, err := s.CheckIn(ctx, e.ID, r1.ID, time.Now()); symposium.ErrorCode(err) != symposium.ECONFLICT {
			t.Errorf("second check-in: %v", err)
		}
		if _, err := s.CheckIn(ctx, e.ID, r2.ID, time.Now()); symposium.ErrorCode(err) != symposium.ECONFLICT {
			t.Errorf("waitlisted check-in: %v", err)
		}
		if _, err := s.CheckIn(ctx, e.ID, symposium.NewID(), time.Now()); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("unknown registration: %v", err)
		}
		k1, err := s.EventKey(ctx, e.ID)
		k2, _ := s.EventKey(ctx, e.ID)
		if err != nil || !k1.Equal(k2) {
			t.Errorf("event key changed between calls: %v", err)
		}
	})
}

func TestRegisteredParticipantSeesRestrictedEvent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		manager := newUser(t, s, "m@example.org")
		guest := newUser(t, s, "guest@example.org")
		e := newEvent(t, s, "closed", symposium.VisibilityRestricted, manager)
		c := newCategory(t, s, e, symposium.Category{})
		visible := func() bool {
			a, err := s.EventAccess(ctx, e.ID, guest)
			list, _, _ := s.ListEvents(ctx, store.EventQuery{Viewer: guest, Limit: 10})
			return err == nil && a.CanSee(e) && len(list) == 1
		}
		if visible() {
			t.Fatal("an outsider sees the restricted event")
		}
		r, err := registerAs(s, e, c, "guest@example.org", nil)
		if err != nil {
			t.Fatal(err)
		}
		if !visible() {
			t.Error("a registered participant does not see the restricted event")
		}
		// An account whose email is not verified is not the registrant.
		unverified := &symposium.User{Email: "unverified@example.org", Name: "U", Language: "en"}
		if err := s.CreateUser(ctx, unverified, "h"); err != nil {
			t.Fatal(err)
		}
		if _, err := registerAs(s, e, c, "unverified@example.org", nil); err != nil {
			t.Fatal(err)
		}
		a, _ := s.EventAccess(ctx, e.ID, unverified)
		if list, _, _ := s.ListEvents(ctx, store.EventQuery{Viewer: unverified, Limit: 10}); a.CanSee(e) || len(list) != 0 {
			t.Error("an unverified account sees the restricted event through a registration under its email")
		}
		_, _ = s.ChangeRegistration(ctx, r.ID, store.ChangeCancel, time.Now(), nil)
		if visible() {
			t.Error("after cancelling, the event is still visible")
		}
	})
}

func TestHoldsAndPromotionDeadline(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEvent(t, s, "holds", symposium.VisibilityPublic, nil)
		e.HoldMinutes, e.PromotionHours = 30, 24
		if err := s.UpdateEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
		c := newCategory(t, s, e, symposium.Category{Capacity: intp(1), Waitlist: true})
		var mails []string
		links := map[string]string{}
		mail := func(r *symposium.Registration, what string) (symposium.Mail, bool) {
			mails = append(mails, r.Email+":"+what)
			if r.ManageToken != "" {
				links[r.Email] = r.ManageToken
			}
			return symposium.Mail{To: r.Email, Subject: what, Text: what}, true
		}
		now := time.Now()
		a := &symposium.Registration{EventID: e.ID, CategoryID: c.ID, Email: "a@example.org", Name: symposium.Text("en", "A"), Language: "en"}
		if err := s.Register(ctx, a, "hash-a", now, mail); err != nil {
			t.Fatal(err)
		}
		if a.Status != symposium.RegConfirmed || a.HoldUntil == nil || a.HoldUntil.Sub(now) < 29*time.Minute {
			t.Fatalf("anonymous registration = %s, hold %v; want confirmed, held 30 minutes", a.Status, a.HoldUntil)
		}
		b := &symposium.Registration{EventID: e.ID, CategoryID: c.ID, Email: "b@example.org", Name: symposium.Text("en", "B"), Language: "en", EmailConfirmed: true}
		if err := s.Register(ctx, b, "hash-b", now, mail); err != nil || b.Status != symposium.RegWaitlisted {
			t.Fatalf("second = %v, %v", b.Status, err)
		}
		if n, err := s.ReleaseExpiredHolds(ctx, now.Add(10*time.Minute), 10, mail); err != nil || n != 0 {
			t.Errorf("release before the hold ends = %d, %v", n, err)
		}
		if n, err := s.ReleaseExpiredHolds(ctx, now.Add(31*time.Minute), 10, mail); err != nil || n != 1 {
			t.Fatalf("release after the hold = %d, %v", n, err)
		}
		ra, _ := s.Registration(ctx, a.ID)
		rb, _ := s.Registration(ctx, b.ID)
		if ra.Status != symposium.RegCancelled || rb.Status != symposium.RegConfirmed || rb.HoldUntil == nil {
			t.Fatalf("after the release: a %s, b %s (hold %v); want a cancelled, b promoted with a deadline", ra.Status, rb.Status, rb.HoldUntil)
		}
		if mails[len(mails)-2] != "a@example.org:expired" || mails[len(mails)-1] != "b@example.org:promoted" || links["b@example.org"] == "" {
			t.Errorf("mails %v; want a told it expired and b promoted with a new manage link", mails)
		}
		// b confirms through the new link: the seat is kept.
		if err := s.ConfirmRegistration(ctx, secret.Hash(links["b@example.org"])); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.ReleaseExpiredHolds(ctx, now.Add(48*time.Hour), 10, mail); n != 0 {
			t.Errorf("a confirmed seat was released")
		}
		cats, _ := s.Categories(ctx, e.ID)
		if cats[0].Confirmed != 1 || cats[0].Waitlisted != 0 {
			t.Errorf("counters %d/%d", cats[0].Confirmed, cats[0].Waitlisted)
		}
	})
}
