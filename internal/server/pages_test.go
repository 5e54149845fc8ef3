package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

func TestPagesInFourLanguages(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	want := map[string]string{"en": "Sign in", "zh": "登录", "kk": "Кіру", "ru": "Войти"}
	for _, lang := range []string{"en", "zh", "kk", "ru"} {
		signIn := want[lang]
		resp, body := e.do("GET", "/?lang="+lang, nil, nil)
		if resp.StatusCode != 200 || !strings.Contains(body, `<html lang="`+lang+`">`) || !strings.Contains(body, signIn) {
			t.Errorf("home in %s: %d, lang attribute or text missing", lang, resp.StatusCode)
		}
		if strings.Contains(body, "nav.") || strings.Contains(body, "layout.") {
			t.Errorf("home in %s shows a raw key", lang)
		}
	}
	// The last choice, Russian, is remembered in a cookie.
	_, body := e.do("GET", "/signin", nil, nil)
	if !strings.Contains(body, `<html lang="ru">`) {
		t.Error("the language cookie was not remembered")
	}
	// Without a choice, Accept-Language decides.
	e2 := start(t, storetest.SQLite(t), false)
	_, body = e2.do("GET", "/", nil, map[string]string{"Accept-Language": "zh-CN,zh;q=0.9"})
	if !strings.Contains(body, `<html lang="zh">`) {
		t.Error("Accept-Language zh-CN did not give Chinese")
	}
	resp, body := e2.do("GET", "/no/such/page?lang=kk", nil, nil)
	if resp.StatusCode != 404 || !strings.Contains(body, "Табылмады") {
		t.Errorf("404 page = %d", resp.StatusCode)
	}
}

func TestStaticAssetsAreHashedAndCached(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	_, body := e.do("GET", "/", nil, nil)
	m := regexp.MustCompile(`href="(/static/app\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no hashed stylesheet URL on the page")
	}
	resp, css := e.do("GET", m[1], nil, nil)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") || !strings.Contains(css, "--accent") {
		t.Errorf("stylesheet = %d %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	if resp, _ := e.do("GET", "/static/app.0000000000.css", nil, nil); resp.StatusCode != 404 {
		t.Errorf("a stale hash = %d, want 404", resp.StatusCode)
	}
}

func TestSignUpSignInSignOut(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		resp, body := e.form("/signup?lang=ru", url.Values{"name": {"Гүлнар"}, "email": {"not-an-email"}, "password": {"short"}}, nil)
		if resp.StatusCode != 422 || !strings.Contains(body, "Введите правильный адрес") || !strings.Contains(body, `value="Гүлнар"`) {
			t.Errorf("invalid sign-up = %d; want the form again, in Russian, with the name kept", resp.StatusCode)
		}
		resp, _ = e.form("/signup", url.Values{"name": {"Гүлнар"}, "email": {"gulnar@example.kz"}, "password": {"correct horse battery"}}, nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign-up = %d", resp.StatusCode)
		}
		cookie := sessionCookie(resp)
		if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode {
			t.Fatalf("session cookie = %+v", cookie)
		}
		_, body = e.do("GET", "/", nil, nil)
		if !strings.Contains(body, "Гүлнар") {
			t.Error("the signed-up account is not shown as signed in")
		}
		resp, _ = e.form("/signout", nil, nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Errorf("sign-out = %d", resp.StatusCode)
		}
		_, body = e.do("GET", "/", nil, nil)
		if strings.Contains(body, "Гүлнар") {
			t.Error("still signed in after signing out")
		}
		resp, _ = e.form("/signin", url.Values{"email": {"GULNAR@example.kz"}, "password": {"correct horse battery"}, "next": {"//evil.example/"}}, nil)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
			t.Errorf("sign-in = %d to %q; want a redirect home, not off-site", resp.StatusCode, resp.Header.Get("Location"))
		}
		if c := sessionCookie(resp); c == nil || c.Value == cookie.Value {
			t.Error("signing in did not give a new session")
		}
	})
}

func sessionCookie(resp *http.Response) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == "symposium_session" && c.Value != "" {
			return c
		}
	}
	return nil
}

func TestPasswordResetThroughOutbox(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		e.user("r@example.org", false)
		resp, body := e.form("/password/forgot?lang=kk", url.Values{"email": {"r@example.org"}}, nil)
		if resp.StatusCode != 200 || !strings.Contains(body, "сілтеме жіберілді") {
			t.Fatalf("forgot = %d", resp.StatusCode)
		}
		mails, _ := s.ListMail(ctx, "", 10)
		if len(mails) != 1 {
			t.Fatalf("%d mails queued", len(mails))
		}
		m := regexp.MustCompile(`/password/reset\?[^\s]+`).FindString(mails[0].Mail.Text)
		link, _ := url.Parse(m)
		token := link.Query().Get("token")
		if token == "" {
			t.Fatalf("no token in %q", mails[0].Mail.Text)
		}
		resp, _ = e.form("/password/reset", url.Values{"token": {token}, "password": {"a brand new password"}}, nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("reset = %d", resp.StatusCode)
		}
		resp, _ = e.form("/signin", url.Values{"email": {"r@example.org"}, "password": {"a brand new password"}}, nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Errorf("sign-in with the new password = %d", resp.StatusCode)
		}
		resp, body = e.form("/password/reset?lang=en", url.Values{"token": {token}, "password": {"yet another password"}}, nil)
		if resp.StatusCode != 422 || !strings.Contains(body, "invalid or has expired") {
			t.Errorf("reused reset link = %d", resp.StatusCode)
		}
	})
}

func TestAdminOutbox(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	e.user("admin@example.org", true)
	e.user("plain@example.org", false)
	e.form("/password/forgot", url.Values{"email": {"plain@example.org"}}, nil)
	if resp, _ := e.do("GET", "/admin/mail", nil, nil); resp.StatusCode != http.StatusSeeOther ||
		!strings.HasPrefix(resp.Header.Get("Location"), "/signin?") {
		t.Errorf("anonymous outbox = %d to %q, want the way to sign in", resp.StatusCode, resp.Header.Get("Location"))
	}
	e.form("/signin", url.Values{"email": {"plain@example.org"}, "password": {"correct horse battery"}}, nil)
	if resp, _ := e.do("GET", "/admin/mail", nil, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("non-admin outbox = %d, want 403", resp.StatusCode)
	}
	e.form("/signin", url.Values{"email": {"admin@example.org"}, "password": {"correct horse battery"}}, nil)
	resp, body := e.do("GET", "/admin/mail?lang=en", nil, nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "Mail is not configured") || !strings.Contains(body, "plain@example.org") {
		t.Errorf("admin outbox = %d; want the banner and the reset mail", resp.StatusCode)
	}
}
