package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/demo"
	"symposium/internal/store/storetest"
)

// TestBrowserPagesUnderPolicy opens every kind of page as an administrator
// on the demo event: the browser watch fails the test on anything the
// Content-Security-Policy refuses, any console error and any exception.
// It also checks that the timetable, placed by script now that style
// attributes are refused, is still a grid of rooms.
func TestBrowserPagesUnderPolicy(t *testing.T) {
	b := browsertest.New(t, 1280, 900)
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	e := start(t, s, false)
	e.user("admin@example.org", true)
	base := e.srv.URL
	browserAs(t, b, base, "admin@example.org")
	ev := "/events/" + demo.Slug
	pages := []string{"/", "/signup", "/password/forgot", "/events/new", ev, ev + "/edit", ev + "/editor", ev + "/timetable",
		ev + "/timetable/print", ev + "/speakers", ev + "/roles", ev + "/registrations", ev + "/registration-form",
		ev + "/participants", ev + "/invitations", ev + "/checkin", ev + "/register", ev + "/cfp/edit",
		"/search?q=Shaimer", "/people/new", "/people/duplicates", "/organizations/new", "/admin/mail", "/account/tokens"}
	for _, page := range pages {
		if err := chromedp.Do(b, chromedp.Navigate(base+page)); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		browsertest.Screenshot(t, b, "policy"+strings.NewReplacer("/", "-", "?", "-", "=", "-").Replace(page))
	}
	if err := chromedp.Do(b, chromedp.Navigate(base+ev+"/speakers")); err != nil {
		t.Fatal(err)
	}
	links, err := chromedp.Run(b, chromedp.Evaluate[[]string](`[document.querySelector('main a[href^="/people/"]'),
		document.querySelector('main a[href^="/organizations/"]')].filter(Boolean).map(a => a.getAttribute("href"))`))
	if err != nil || len(links) == 0 {
		t.Fatalf("no person on the speakers page: %v", err)
	}
	for _, page := range links {
		if err := chromedp.Do(b, chromedp.Navigate(base+page)); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
	}
	if err := chromedp.Do(b, chromedp.Navigate(base+ev+"/timetable?lang=en")); err != nil {
		t.Fatal(err)
	}
	grid, err := chromedp.Run(b, chromedp.Evaluate[[]string](`(() => {
		const g = document.querySelector(".tt-grid"), e = g.querySelector(".tt-entry");
		return [getComputedStyle(g).display, g.className, getComputedStyle(e).gridRowStart, getComputedStyle(e).gridColumnStart];
	})()`))
	if err != nil || len(grid) != 4 || grid[0] != "grid" || grid[2] == "auto" || grid[3] == "auto" {
		t.Errorf("the timetable's grid: %v (%v); want a grid with its entries placed", grid, err)
	}
}

// TestBrowserTokensOnAPhone makes an API token on a phone: the new token,
// the list and the header with its link to the page fit the screen.
func TestBrowserTokensOnAPhone(t *testing.T) {
	b := browsertest.New(t, 390, 844)
	e := start(t, storetest.SQLite(t), false)
	e.user("gulnar@example.kz", false)
	browserAs(t, b, e.srv.URL, "gulnar@example.kz")
	browsertest.NoHorizontalOverflow(t, b, "the front page, signed in")
	err := chromedp.Do(b,
		chromedp.Navigate(e.srv.URL+"/account/tokens?lang=kk"),
		chromedp.SendKeys(chromedp.CSS("#name"), "Зертхана компьютері"),
		chromedp.SetValue(chromedp.CSS("#lifetime"), "90"),
		chromedp.Submit(chromedp.CSS("#name")),
		chromedp.WaitVisible(chromedp.CSS("[data-token]")),
	)
	if err != nil {
		t.Fatal(err)
	}
	token, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS("[data-token]")))
	if !strings.HasPrefix(token, "sym_") || len(token) != 47 {
		t.Errorf("the new token reads %q", token)
	}
	browsertest.NoHorizontalOverflow(t, b, "the tokens page with a new token")
	browsertest.Screenshot(t, b, "tokens-phone")
}
