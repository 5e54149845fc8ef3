package accounts_test

import (
	"testing"

	"symposium"
	"symposium/internal/accounts"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// mailTo returns the newest mail queued for an address, or fails.
func mailTo(t *testing.T, s *store.Store, address string) symposium.Mail {
	t.Helper()
	list, err := s.ListMail(ctx, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range list {
		if m.Mail.To == address {
			return m.Mail
		}
	}
	t.Fatalf("no mail to %s", address)
	return symposium.Mail{}
}

func TestSignUpVerifyAndChangeEmail(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		svc := newService(t, s)
		u := &symposium.User{Email: "a@example.org", Name: "A", IsAdmin: true, IsCurator: true, Verified: true}
		if err := svc.SignUp(ctx, u, "correct horse battery", linkMail); err != nil {
			t.Fatal(err)
		}
		got, _, _ := s.UserByEmail(ctx, "a@example.org")
		if got.Verified || got.IsAdmin || got.IsCurator || got.CanCreateEvents {
			t.Errorf("a signed-up account = %+v; want unverified, with no grants", got)
		}
		first := mailTo(t, s, "a@example.org").Text
		if err := svc.ResendVerification(ctx, "a@example.org", linkMail); err != nil {
			t.Fatal(err)
		}
		second := mailTo(t, s, "a@example.org").Text
		if second == first {
			t.Fatal("no new link was mailed")
		}
		if err := svc.ResendVerification(ctx, "nobody@example.org", linkMail); err != nil {
			t.Errorf("resend to no account = %v, want nothing said", err)
		}
		if _, err := svc.Verify(ctx, "forged"); symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("a forged link = %v", err)
		}
		if got, err := svc.Verify(ctx, first); err != nil || !got.Verified {
			t.Fatalf("verify = %+v %v", got, err)
		}
		if _, err := svc.Verify(ctx, first); symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("a link used twice = %v", err)
		}
		// Changing the email keeps the old one until the new one is verified.
		u, _ = s.UserByID(ctx, u.ID)
		other := &symposium.User{Email: "taken@example.org", Name: "T"}
		_ = svc.AddUser(ctx, other, "correct horse battery")
		if err := svc.ChangeEmail(ctx, u, "taken@example.org", "correct horse battery", linkMail); symposium.ErrorCode(err) != symposium.ECONFLICT {
			t.Errorf("changing to another account's address = %v, want a conflict", err)
		}
		if err := svc.ChangeEmail(ctx, u, "b@example.org", "wrong password", linkMail); fieldOf(err) != "password" {
			t.Errorf("changing with a wrong password = %v, want an error on password", err)
		}
		if err := svc.ChangeEmail(ctx, u, "b@example.org", "correct horse battery", linkMail); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.UserByID(ctx, u.ID); got.Email != "a@example.org" || got.PendingEmail != "b@example.org" || !got.Verified {
			t.Errorf("while the change is pending, the account = %+v", got)
		}
		if got, err := svc.Verify(ctx, mailTo(t, s, "b@example.org").Text); err != nil || got.Email != "b@example.org" || got.PendingEmail != "" {
			t.Errorf("after verifying the new address: %+v %v", got, err)
		}
		if _, err := svc.Verify(ctx, second); symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("a link to the old address after the change = %v, want invalid", err)
		}
	})
}

// fieldOf returns the first field an error names, or "".
func fieldOf(err error) string {
	if e := symposium.AsError(err); e != nil && len(e.Fields) > 0 {
		return e.Fields[0].Field
	}
	return ""
}

func TestResetVerifiesTheAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		svc := newService(t, s)
		u := &symposium.User{Email: "squat@example.org", Name: "Squatter"}
		_ = svc.SignUp(ctx, u, "correct horse battery", linkMail)
		write := func(u *symposium.User, token string) symposium.Mail { return linkMail(u, u.Email, token) }
		if err := svc.RequestReset(ctx, "squat@example.org", write); err != nil {
			t.Fatal(err)
		}
		got, err := svc.ResetPassword(ctx, mailTo(t, s, "squat@example.org").Text, "the owner's own password")
		if err != nil || !got.Verified {
			t.Errorf("after a reset through the mailed link, the account = %+v %v; want verified", got, err)
		}
	})
}

func TestSignInLinkClearsTheThrottle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		svc := newService(t, s)
		_ = svc.AddUser(ctx, &symposium.User{Email: "o@example.org", Name: "O", Verified: true}, "correct horse battery")
		_ = svc.SignUp(ctx, &symposium.User{Email: "u@example.org", Name: "U"}, "correct horse battery", linkMail)
		for i := 0; i < testConfig().AccountLimit+1; i++ {
			_, _, _ = svc.SignIn(ctx, "o@example.org", "wrong", "192.0.2.1", "")
		}
		if _, _, err := svc.SignIn(ctx, "o@example.org", "correct horse battery", "198.51.100.1", ""); symposium.ErrorCode(err) != symposium.ETOOMANY {
			t.Fatalf("throttled: %v", err)
		}
		before, _ := s.ListMail(ctx, "", 100)
		if err := svc.RequestSignInLink(ctx, "u@example.org", linkMail); err != nil {
			t.Fatal(err)
		}
		if after, _ := s.ListMail(ctx, "", 100); len(after) != len(before) {
			t.Error("an unverified account was mailed a sign-in link")
		}
		if err := svc.RequestSignInLink(ctx, "o@example.org", linkMail); err != nil {
			t.Fatal(err)
		}
		link := mailTo(t, s, "o@example.org").Text
		if u, session, err := svc.SignInWithLink(ctx, link, ""); err != nil || u.Email != "o@example.org" || session == "" {
			t.Fatalf("sign in with the link = %v %q %v", u, session, err)
		}
		if _, _, err := svc.SignInWithLink(ctx, link, ""); symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("the link used twice = %v", err)
		}
		if _, _, err := svc.SignIn(ctx, "o@example.org", "correct horse battery", "198.51.100.1", ""); err != nil {
			t.Errorf("the password after the link = %v; want the count cleared", err)
		}
	})
}

func TestGrantsAndSiteAreForAdministrators(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		svc := newService(t, s)
		admin := &symposium.User{Email: "admin@example.org", Name: "Admin", IsAdmin: true, Verified: true}
		someone := &symposium.User{Email: "someone@example.org", Name: "Someone", Verified: true}
		_ = svc.AddUser(ctx, admin, "correct horse battery")
		_ = svc.AddUser(ctx, someone, "correct horse battery")
		yes := true
		for _, c := range []struct {
			caller *symposium.User
			code   string
		}{{nil, symposium.EUNAUTHORIZED}, {someone, symposium.EFORBIDDEN}} {
			if _, err := svc.SetGrants(ctx, c.caller, someone.ID, symposium.Grants{CanCreateEvents: &yes}); symposium.ErrorCode(err) != c.code {
				t.Errorf("grant by %v = %v, want %s", c.caller, err, c.code)
			}
			if _, _, err := svc.Users(ctx, c.caller, store.UserQuery{}); symposium.ErrorCode(err) != c.code {
				t.Errorf("list by %v = %v, want %s", c.caller, err, c.code)
			}
			if _, err := svc.SetSite(ctx, c.caller, symposium.Site{OpenEventCreation: true}); symposium.ErrorCode(err) != c.code {
				t.Errorf("set site by %v = %v, want %s", c.caller, err, c.code)
			}
		}
		if site, _ := svc.Site(ctx); site.OpenEventCreation || someone.MayCreateEvents(site) {
			t.Errorf("event creation is open by default: %+v", site)
		}
		got, err := svc.SetGrants(ctx, admin, someone.ID, symposium.Grants{CanCreateEvents: &yes})
		if err != nil || !got.CanCreateEvents || got.IsCurator {
			t.Errorf("grant = %+v %v", got, err)
		}
		if list, _, err := svc.Users(ctx, admin, store.UserQuery{Text: "SOMEONE"}); err != nil || len(list) != 1 || list[0].ID != someone.ID {
			t.Errorf("finding an account = %v %v", list, err)
		}
		if site, err := svc.SetSite(ctx, admin, symposium.Site{OpenEventCreation: true}); err != nil || !site.OpenEventCreation {
			t.Errorf("open event creation = %+v %v", site, err)
		}
		unverified := &symposium.User{Email: "new@example.org", Name: "New"}
		_ = svc.SignUp(ctx, unverified, "correct horse battery", linkMail)
		if site, _ := svc.Site(ctx); !someone.MayCreateEvents(site) || unverified.MayCreateEvents(site) {
			t.Error("with event creation open, a verified account may not create events, or an unverified one may")
		}
	})
}

var _ = accounts.LinkMail(linkMail)
