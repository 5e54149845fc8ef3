package server_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/demo"
	"symposium/internal/store/storetest"
)

// TestBrowserEventAccent gives the demo event a logo and the palest accent colour
// that passes (#6b6b6b, 4.54:1 on the palest ground it meets) and opens its pages on a
// desktop and a phone: the stylesheet of its own reaches the page under
// the content security policy (the header's rule and the buttons take the
// colour), the logo shows in the header without widening the page, and
// axe-core finds nothing.
func TestBrowserEventAccent(t *testing.T) {
	browsertest.RequireAxe(t)
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	e := start(t, s, false)
	_, token := e.user("admin@example.org", true)
	e.mustAPI("PATCH", "/api/v1/events/"+demo.Slug, token, map[string]any{"accent": "#6b6b6b"}, 200)
	e.signIn("admin@example.org")
	if resp, _ := e.postLogo(t, demo.Slug, "logo.png", pngOf(t, 1600, 400)); resp.StatusCode != 303 {
		t.Fatalf("upload logo = %d", resp.StatusCode)
	}
	ev := "/events/" + demo.Slug
	for _, width := range []int{1280, 390} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			b := browsertest.New(t, width, 800)
			browserAs(t, b, e.srv.URL, "admin@example.org")
			for _, page := range []string{ev, ev + "/timetable", ev + "/edit", ev + "/register"} {
				auditPage(t, b, e.srv.URL, page, "en", 0)
				got, err := chromedp.Run(b, chromedp.Evaluate[[]string](`(() => {
					const b = document.querySelector('main .button, main button[type=submit]');
					return [getComputedStyle(document.querySelector('.event-header')).borderTopColor,
						b ? getComputedStyle(b).backgroundColor : 'rgb(107, 107, 107)',
						(() => { const l = document.querySelector('.event-logo'); return l && l.complete && l.naturalWidth === 800 ? 'loaded' : 'missing' })()];
				})()`))
				if err != nil {
					t.Fatal(err)
				}
				rule, button, logo := got[0], got[1], got[2]
				if logo != "loaded" {
					t.Errorf("%s: logo %s", page, logo)
				}
				if rule != "rgb(107, 107, 107)" || button != "rgb(107, 107, 107)" {
					t.Errorf("%s: header rule %s, button %s; want the accent rgb(107, 107, 107)", page, rule, button)
				}
			}
		})
	}
}
