package server_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/demo"
	"symposium/internal/store/storetest"
)

// reflowPublicPages are the main pages a visitor reads signed out.
func reflowPublicPages(ev string) []string {
	return []string{"/", "/news", ev, ev + "/timetable", ev + "/speakers", ev + "/register", ev + "/report",
		ev + "/minutes", ev + "/photos", "/search?q=Shaimer", "/signin", "/signup"}
}

// reflowOrganizerPages are the main pages an organizer works in.
func reflowOrganizerPages(ev string) []string {
	return []string{"/events/new", ev + "/edit", ev + "/editor", ev + "/registrations", ev + "/registration-categories",
		ev + "/registration-form", ev + "/invitations", ev + "/roles", ev + "/participants", ev + "/checkin", ev + "/cfp", ev + "/cfp/edit",
		ev + "/report/edit", ev + "/materials", ev + "/retention", "/account", "/account/data",
		"/admin/data", ev + "/live-settings", ev + "/matchmaking/settings", ev + "/agreements"}
}

// TestBrowserReflow opens the main public and organizer pages in English
// and Kazakh on a 320-pixel screen and in a 1280-pixel window zoomed to
// 200% (640 CSS pixels, each two device pixels wide): none may scroll
// sideways (WCAG 1.4.10, 1.4.4), and each passes the audit every browser
// test runs (axe-core, focus under sticky headers).
func TestBrowserReflow(t *testing.T) {
	browsertest.RequireAxe(t)
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	e := start(t, s, false)
	_, token := e.user("admin@example.org", true)
	a11yData(t, e, token)
	ev := "/events/" + demo.Slug
	for _, screen := range []struct {
		name                  string
		width, height, zoomed int
	}{{"320", 320, 800, 100}, {"zoom200", 1280, 900, 200}} {
		for _, lang := range []string{"en", "kk"} {
			t.Run(fmt.Sprintf("%s-%s", lang, screen.name), func(t *testing.T) {
				b := browsertest.New(t, screen.width, screen.height)
				browsertest.Zoom(t, b, screen.width, screen.height, screen.zoomed)
				for _, page := range reflowPublicPages(ev) {
					auditPage(t, b, e.srv.URL, page, lang, 0)
				}
				css, err := chromedp.Run(b, chromedp.Evaluate[[]float64](`[innerWidth, devicePixelRatio]`))
				if want := []float64{float64(screen.width * 100 / screen.zoomed), float64(screen.zoomed) / 100}; err != nil || fmt.Sprint(css) != fmt.Sprint(want) {
					t.Fatalf("the pages are laid out [width, pixel ratio] %v; want %v (%v)", css, want, err)
				}
				browserAs(t, b, e.srv.URL, "admin@example.org")
				for _, page := range reflowOrganizerPages(ev) {
					auditPage(t, b, e.srv.URL, page, lang, 0)
				}
				want := len(reflowPublicPages(ev)) + len(reflowOrganizerPages(ev))
				if n := len(browsertest.Audited(b)); n < want {
					t.Errorf("%d pages audited; want at least %d", n, want)
				}
			})
		}
	}
}
