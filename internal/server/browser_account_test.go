package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/store/storetest"
)

// TestBrowserVerifyAndAdminister signs up on a phone, sees the account
// unverified, opens the mailed link and presses its button; then an
// administrator makes the account an organizer on the accounts page.
func TestBrowserVerifyAndAdminister(t *testing.T) {
	b := browsertest.New(t, 390, 844) // first: without Chromium the test skips at once
	e := start(t, storetest.SQLite(t), false)
	e.user("admin@example.org", true)
	err := chromedp.Do(b,
		chromedp.Navigate(e.srv.URL+"/signup?lang=kk"),
		chromedp.SendKeys(chromedp.CSS("#name"), "Гүлнар Шаймергенова"),
		chromedp.SendKeys(chromedp.CSS("#email"), "gulnar@example.kz"),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(".badge.bad")),
	)
	if err != nil {
		t.Fatalf("sign up: %v", err)
	}
	browsertest.NoHorizontalOverflow(t, b, "account (unverified)")
	browsertest.Screenshot(t, b, "account-unverified")
	token := tokenOf(t, e, "gulnar@example.kz", "/verify")
	err = chromedp.Do(b,
		chromedp.Navigate(e.srv.URL+"/verify?lang=kk&token="+token),
		chromedp.Click(chromedp.CSS(`form[action="/verify"] button`)),
		chromedp.WaitVisible(chromedp.CSS(".badge.ok")),
	)
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if text, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(text, "Электрондық поштаңыз расталды") {
		t.Errorf("the account page after verifying says %q", text)
	}
	browserAs(t, b, e.srv.URL, "admin@example.org")
	err = chromedp.Do(b,
		chromedp.Navigate(e.srv.URL+"/admin/users?lang=en&q=gulnar"),
		chromedp.Click(chromedp.CSS(`input[name="can_create_events"]`)),
		chromedp.Click(chromedp.CSS(`form[id^="grants-"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert.success`)),
	)
	if err != nil {
		t.Fatalf("grant on the accounts page: %v", err)
	}
	browsertest.NoHorizontalOverflow(t, b, "accounts page")
	browsertest.Screenshot(t, b, "admin-users")
	if u, _, err := e.store.UserByEmail(ctx, "gulnar@example.kz"); err != nil || !u.CanCreateEvents || u.IsCurator {
		t.Errorf("after the page's grant: %+v %v; want an organizer only", u, err)
	}
}
