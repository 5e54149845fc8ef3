package accounts_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"symposium"
	"symposium/internal/accounts"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

var ctx = context.Background()

// testConfig keeps hashing cheap so tests stay fast under the race detector.
func testConfig() accounts.Config {
	c := accounts.DefaultConfig()
	c.Hash = accounts.HashParams{MemoryKiB: 64, Passes: 1, Threads: 1}
	return c
}

// linkMail writes a mail carrying a link's token as its text.
func linkMail(u *symposium.User, to, token string) symposium.Mail {
	return symposium.Mail{To: to, Subject: "link for " + u.Name, Text: token}
}

func newService(t *testing.T, s *store.Store) *accounts.Service {
	t.Helper()
	svc, err := accounts.New(s, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

func TestSignUpValidation(t *testing.T) {
	svc := newService(t, storetest.SQLite(t))
	tests := []struct {
		email, name, password string
		fields                []string
	}{
		{"", "", "", []string{"email", "name", "password"}},
		{"not-an-email", "Ann", "long enough password", []string{"email"}},
		{"a@example.org", "Ann", "short", []string{"password"}},
		{"a@example.org", "Ann\x07", "long enough password", []string{"name"}},
		{"a@example.org", strings.Repeat("я", 201), "long enough password", []string{"name"}},
	}
	for _, tt := range tests {
		err := svc.SignUp(ctx, &symposium.User{Email: tt.email, Name: tt.name}, tt.password, linkMail)
		e := symposium.AsError(err)
		if e == nil || e.Code != symposium.EINVALID {
			t.Errorf("SignUp(%q, %q): err = %v, want invalid", tt.email, tt.name, err)
			continue
		}
		var got []string
		for _, f := range e.Fields {
			got = append(got, f.Field)
		}
		if strings.Join(got, ",") != strings.Join(tt.fields, ",") {
			t.Errorf("SignUp(%q, %q): fields %v, want %v", tt.email, tt.name, got, tt.fields)
		}
	}
}

func TestSignInAndSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		svc := newService(t, s)
		u := &symposium.User{Email: " Gulnar@Example.org ", Name: "Гүлнар", Language: "kk"}
		if err := svc.AddUser(ctx, u, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		if u.Email != "gulnar@example.org" {
			t.Errorf("email stored as %q", u.Email)
		}
		if _, _, err := svc.SignIn(ctx, "gulnar@example.org", "wrong password", "10.0.0.1", ""); symposium.ErrorCode(err) != symposium.EUNAUTHORIZED {
			t.Errorf("wrong password: err = %v", err)
		}
		if _, _, err := svc.SignIn(ctx, "nobody@example.org", "correct horse battery", "10.0.0.1", ""); symposium.ErrorCode(err) != symposium.EUNAUTHORIZED {
			t.Errorf("unknown email: err = %v", err)
		}
		_, first, err := svc.SignIn(ctx, "GULNAR@example.org", "correct horse battery", "10.0.0.1", "")
		if err != nil {
			t.Fatal(err)
		}
		if got, err := svc.SessionUser(ctx, first); err != nil || got.ID != u.ID {
			t.Fatalf("SessionUser = %v, %v", got, err)
		}
		_, second, err := svc.SignIn(ctx, "gulnar@example.org", "correct horse battery", "10.0.0.1", first)
		if err != nil || second == first {
			t.Fatalf("second sign-in: %v (token rotated: %v)", err, second != first)
		}
		if _, err := svc.SessionUser(ctx, first); symposium.ErrorCode(err) != symposium.EUNAUTHORIZED {
			t.Errorf("the replaced session still works: %v", err)
		}
		if err := svc.SignOut(ctx, second); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SessionUser(ctx, second); symposium.ErrorCode(err) != symposium.EUNAUTHORIZED {
			t.Errorf("signed-out session still works: %v", err)
		}
	})
}

func TestSignInThrottling(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		svc := newService(t, s)
		_ = svc.AddUser(ctx, &symposium.User{Email: "t@example.org", Name: "T"}, "correct horse battery")
		codes := map[string]int{}
		for i := 0; i < 20; i++ {
			_, _, err := svc.SignIn(ctx, "t@example.org", "wrong", "192.0.2.7", "")
			codes[symposium.ErrorCode(err)]++
		}
		limit := testConfig().AccountLimit
		if codes[symposium.EUNAUTHORIZED] != limit || codes[symposium.ETOOMANY] != 20-limit {
			t.Errorf("20 wrong passwords gave %v; want %d refusals then throttling", codes, limit)
		}
		// Even the right password is refused while throttled.
		if _, _, err := svc.SignIn(ctx, "t@example.org", "correct horse battery", "198.51.100.1", ""); symposium.ErrorCode(err) != symposium.ETOOMANY {
			t.Errorf("right password while throttled: %v", err)
		}
		// One address trying many accounts is throttled too.
		var last error
		for i := 0; i < testConfig().AddressLimit+1; i++ {
			_, _, last = svc.SignIn(ctx, fmt.Sprintf("x%d@example.org", i), "wrong", "203.0.113.9", "")
		}
		if symposium.ErrorCode(last) != symposium.ETOOMANY {
			t.Errorf("address limit: last err = %v, want too many", last)
		}
	})
}

func TestTokensAndReset(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		svc := newService(t, s)
		u := &symposium.User{Email: "r@example.org", Name: "R", Language: "ru"}
		_ = svc.AddUser(ctx, u, "correct horse battery")
		token, err := svc.CreateToken(ctx, "R@example.org", "cli")
		if err != nil || !strings.HasPrefix(token, "sym_") {
			t.Fatalf("CreateToken = %q, %v", token, err)
		}
		if got, err := svc.TokenUser(ctx, token); err != nil || got.ID != u.ID {
			t.Errorf("TokenUser = %v, %v", got, err)
		}
		if _, err := svc.TokenUser(ctx, token+"x"); symposium.ErrorCode(err) != symposium.EUNAUTHORIZED {
			t.Errorf("altered token: %v", err)
		}
		var link string
		write := func(u *symposium.User, token string) symposium.Mail {
			link = token
			return symposium.Mail{To: u.Email, Subject: "reset " + u.Language, Text: token}
		}
		if err := svc.RequestReset(ctx, "nobody@example.org", write); err != nil || link != "" {
			t.Errorf("reset for unknown email: %v, link %q", err, link)
		}
		if err := svc.RequestReset(ctx, "r@example.org", write); err != nil || link == "" {
			t.Fatalf("RequestReset: %v", err)
		}
		if _, err := svc.ResetPassword(ctx, link, "short"); symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("short new password: %v", err)
		}
		if _, err := svc.ResetPassword(ctx, link, "a brand new password"); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.ResetPassword(ctx, link, "another new password"); symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("reset link reused: %v", err)
		}
		if _, _, err := svc.SignIn(ctx, "r@example.org", "a brand new password", "10.1.1.1", ""); err != nil {
			t.Errorf("sign in with the new password: %v", err)
		}
	})
}
