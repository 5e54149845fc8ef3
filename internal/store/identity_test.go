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

// newPerson stores a person with a name and an email.
func newPerson(t *testing.T, s *store.Store, name, email string) *symposium.Person {
	t.Helper()
	p := &symposium.Person{Name: symposium.Text("en", name), Email: email}
	if err := s.CreatePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRegistrationsPerson checks who the person behind a registration is:
// only a registration whose address is confirmed has one, and only while
// exactly one person carries the email.
func TestRegistrationsPerson(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEvent(t, s, "people", symposium.VisibilityPublic, nil)
		c := newCategory(t, s, e, symposium.Category{})
		register := func(email string, confirmed bool) (*symposium.Registration, string) {
			t.Helper()
			token := secret.New("")
			r := &symposium.Registration{EventID: e.ID, CategoryID: c.ID, Email: email, Name: symposium.Text("en", email), Language: "en", EmailConfirmed: confirmed}
			if err := s.Register(ctx, r, secret.Hash(token), time.Now(), nil); err != nil {
				t.Fatal(err)
			}
			return r, token
		}
		one := newPerson(t, s, "One", "one@example.org")
		if r, _ := register("one@example.org", true); r.PersonID != one.ID {
			t.Errorf("a confirmed registration's person = %q, want %s", r.PersonID, one.ID)
		}
		anonymous, token := register("anon@example.org", false)
		anon := newPerson(t, s, "Anon", "anon@example.org")
		if r, _ := s.Registration(ctx, anonymous.ID); r.PersonID != "" {
			t.Errorf("an unconfirmed registration became %q's when the person was created", r.PersonID)
		}
		if err := s.ConfirmRegistration(ctx, secret.Hash(token)); err != nil {
			t.Fatal(err)
		}
		if r, _ := s.Registration(ctx, anonymous.ID); r.PersonID != anon.ID || !r.EmailConfirmed {
			t.Errorf("after its link was opened, the registration = %+v; want %s's", r, anon.ID)
		}
		// Two people with one email: neither is chosen.
		newPerson(t, s, "Twin A", "twin@example.org")
		newPerson(t, s, "Twin B", "twin@example.org")
		if r, _ := register("twin@example.org", true); r.PersonID != "" {
			t.Errorf("with two people carrying the email, the registration's person = %q, want none", r.PersonID)
		}
		// A person created after a confirmed registration becomes its person.
		late, _ := register("late@example.org", true)
		person := newPerson(t, s, "Late", "late@example.org")
		if r, _ := s.Registration(ctx, late.ID); r.PersonID != person.ID {
			t.Errorf("a person created later: the registration's person = %q, want %s", r.PersonID, person.ID)
		}
	})
}

// TestManageLinks checks that every manage link mailed keeps working until
// the registrant asks for one to replace them all.
func TestManageLinks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEvent(t, s, "links", symposium.VisibilityPublic, nil)
		c := newCategory(t, s, e, symposium.Category{})
		r := &symposium.Registration{EventID: e.ID, CategoryID: c.ID, Email: "r@example.org", Name: symposium.Text("en", "R"), Language: "en"}
		if err := s.Register(ctx, r, "first", time.Now(), nil); err != nil {
			t.Fatal(err)
		}
		var tokens []string
		keep := func(r *symposium.Registration, what string) (symposium.Mail, bool) {
			tokens = append(tokens, r.ManageToken)
			return symposium.Mail{To: r.Email, Subject: what, Text: r.ManageToken}, true
		}
		if err := s.RenewManageLink(ctx, r.ID, false, keep); err != nil {
			t.Fatal(err)
		}
		for _, hash := range []string{"first", secret.Hash(tokens[0])} {
			if got, err := s.RegistrationByManageToken(ctx, hash); err != nil || got.ID != r.ID {
				t.Errorf("link %s after a resend = %v %v", hash, got, err)
			}
		}
		if err := s.RenewManageLink(ctx, r.ID, true, keep); err != nil {
			t.Fatal(err)
		}
		for _, hash := range []string{"first", secret.Hash(tokens[0])} {
			if _, err := s.RegistrationByManageToken(ctx, hash); symposium.ErrorCode(err) != symposium.ENOTFOUND {
				t.Errorf("link %s after the registrant replaced them = %v, want not found", hash, err)
			}
		}
		if got, err := s.RegistrationByManageToken(ctx, secret.Hash(tokens[1])); err != nil || got.ID != r.ID {
			t.Errorf("the replacing link = %v %v", got, err)
		}
	})
}

// TestAccountPeople checks who an account is: every person with its
// verified email, and nobody before it is verified.
func TestAccountPeople(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		verified := newUser(t, s, "v@example.org")
		unverified := &symposium.User{Email: "u@example.org", Name: "U", Language: "en"}
		if err := s.CreateUser(ctx, unverified, "h"); err != nil {
			t.Fatal(err)
		}
		a, b := newPerson(t, s, "V One", "v@example.org"), newPerson(t, s, "V Two", "v@example.org")
		newPerson(t, s, "U", "u@example.org")
		got, err := s.AccountsPeople(ctx, []symposium.User{*verified, *unverified})
		if err != nil {
			t.Fatal(err)
		}
		if len(got[verified.ID]) != 2 || len(got[unverified.ID]) != 0 {
			t.Errorf("people = %v; want both of v@ and none for the unverified account", got)
		}
		for _, p := range got[verified.ID] {
			if p.ID != a.ID && p.ID != b.ID {
				t.Errorf("unexpected person %s", p.ID)
			}
		}
		if list, _ := s.AccountPeople(ctx, unverified); len(list) != 0 {
			t.Errorf("an unverified account is %v", list)
		}
		if list, _ := s.PeopleWithEmail(ctx, "v@example.org"); len(list) != 2 {
			t.Errorf("people with v@ = %d, want 2", len(list))
		}
	})
}

// TestUsersAndLinks pages through accounts, grants, and uses and sweeps
// mailed links.
func TestUsersAndLinks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		for i := 0; i < 5; i++ {
			newUser(t, s, fmt.Sprintf("user%d@example.org", i))
		}
		other := newUser(t, s, "someone@else.example")
		var seen []string
		cursor := ""
		for {
			page, next, err := s.Users(ctx, store.UserQuery{Text: "EXAMPLE.org", Limit: 2, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range page {
				seen = append(seen, u.Email)
			}
			if next == "" {
				break
			}
			cursor = next
		}
		if len(seen) != 5 || seen[0] != "user0@example.org" || seen[4] != "user4@example.org" {
			t.Errorf("pages of accounts = %v", seen)
		}
		yes := true
		if u, err := s.SetGrants(ctx, other.ID, symposium.Grants{IsCurator: &yes}); err != nil || !u.IsCurator || u.CanCreateEvents {
			t.Errorf("grant = %+v %v", u, err)
		}
		if _, err := s.SetGrants(ctx, symposium.NewID(), symposium.Grants{IsCurator: &yes}); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("grant to no account = %v", err)
		}
		now := time.Now()
		m := symposium.Mail{To: other.Email, Subject: "link", Text: "link"}
		link := store.EmailLink{TokenHash: "in", UserID: other.ID, Purpose: store.LinkSignIn, Email: other.Email, Expires: now.Add(time.Minute)}
		if err := s.CreateEmailLink(ctx, link, m); err != nil {
			t.Fatal(err)
		}
		if _, err := s.VerifyEmail(ctx, "in", now); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("a sign-in link used to verify = %v, want not found", err)
		}
		if _, err := s.UseSignInLink(ctx, "in", now.Add(2*time.Minute)); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("an expired link = %v, want not found", err)
		}
		if u, err := s.UseSignInLink(ctx, "in", now); err != nil || u.ID != other.ID {
			t.Errorf("sign-in link = %v %v", u, err)
		}
		link.TokenHash, link.Expires = "old", now.Add(-time.Minute)
		_ = s.CreateEmailLink(ctx, link, m)
		if n, err := s.DeleteExpired(ctx, now); err != nil || n != 1 {
			t.Errorf("DeleteExpired = %d %v; want the expired link gone", n, err)
		}
	})
}
