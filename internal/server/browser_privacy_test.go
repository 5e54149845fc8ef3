package server_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"symposium"
	"symposium/internal/browsertest"
	"symposium/internal/demo"
	"symposium/internal/store/storetest"
)

// TestBrowserPersonalDataPages opens the pages about personal data (a
// person's own data, erasing an account, an event's retention, and what
// the site keeps and for how long) in English and Kazakh on a desktop and
// at 320 px, as they are and with their errors shown: the audit every
// browser test runs (axe-core with the WCAG 2.2 A and AA rules, no
// sideways scrolling, no focus under a sticky header) must find nothing.
// The account has a registration with a long Kazakh name and address, so
// that the pages show what widens them.
func TestBrowserPersonalDataPages(t *testing.T) {
	browsertest.RequireAxe(t)
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	e := start(t, s, false)
	const email = "administrator.with.a.long.address@international-research-centre.example.org"
	_, token := e.user(email, true)
	a11yData(t, e, token)
	ev, err := e.store.EventBySlug(ctx, demo.Slug)
	if err != nil {
		t.Fatal(err)
	}
	cat := e.mustAPI("POST", "/api/v1/events/"+demo.Slug+"/registration-categories", token, map[string]any{
		"name": map[string]string{"en": "Invited speaker", "kk": "Шақырылған баяндамашы"}, "capacity": 5}, 201)["id"].(string)
	r := &symposium.Registration{EventID: ev.ID, CategoryID: cat, Email: email, Language: "kk", EmailConfirmed: true, Listed: true,
		Name: symposium.LocalizedText{"en": "Nurgaliyeva Aigerim Bakhytzhanovna", "kk": "Нұрғалиева Әйгерім Бақытжанқызы"}}
	if err := e.store.Register(ctx, r, "privacy-"+email, time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	pages := []string{"/account/data", "/account/erase", "/events/" + demo.Slug + "/retention", "/admin/data"}
	for _, width := range []int{1280, 320} {
		for _, lang := range []string{"en", "kk"} {
			t.Run(fmt.Sprintf("%s-%d", lang, width), func(t *testing.T) {
				b := browsertest.New(t, width, 800)
				browserAs(t, b, e.srv.URL, email)
				for _, page := range pages {
					auditPage(t, b, e.srv.URL, page, lang, 20)
					// Each section is named by its own heading.
					bad, err := chromedp.Run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("main section[aria-labelledby]")].filter(s => {
						const h = document.getElementById(s.getAttribute("aria-labelledby"));
						return !h || !/^H[1-6]$/.test(h.tagName) || !s.contains(h); }).map(s => s.id || s.getAttribute("aria-labelledby"))`))
					if err != nil || len(bad) > 0 {
						t.Errorf("%s: sections not named by their heading: %v (%v)", page, bad, err)
					}
				}
				if text := textOf(t, b, "main"); !strings.Contains(strings.ToLower(text), "sqlite") {
					t.Errorf("the data page names no database: %q", text)
				}
				// The same pages with their errors: erasing unconfirmed,
				// and a retention beyond its limit.
				browsertest.Allow(b, `status of 422 .* at .*/(account/erase|retention)$`)
				err := chromedp.Do(b,
					chromedp.Navigate(e.srv.URL+"/account/erase?lang="+lang),
					chromedp.Submit(chromedp.CSS(`form[action="/account/erase"]`)),
					chromedp.WaitVisible(chromedp.CSS(`#form-errors a[href="#confirm"]`)),
				)
				if err != nil {
					t.Fatalf("erase unconfirmed: %v", err)
				}
				browsertest.AwaitAudit(b)
				if link := textOf(t, b, `#form-errors a[href="#confirm"]`); strings.Contains(link, ".:") || !strings.Contains(link, ": ") {
					t.Errorf("the summary links the confirmation as %q; want its label, a colon and the error", link)
				}
				browsertest.Screenshot(t, b, strings.ReplaceAll(t.Name(), "/", "-")+"-erase-error")
				err = chromedp.Do(b,
					chromedp.Navigate(e.srv.URL+"/events/"+demo.Slug+"/retention?lang="+lang),
					chromedp.SetValue(chromedp.CSS(`#days`), "99999"),
					chromedp.Submit(chromedp.CSS(`#days`)),
					chromedp.WaitVisible(chromedp.CSS(`#form-errors a[href="#days"]`)),
				)
				if err != nil {
					t.Fatalf("retention beyond its limit: %v", err)
				}
				browsertest.AwaitAudit(b)
				browsertest.Screenshot(t, b, strings.ReplaceAll(t.Name(), "/", "-")+"-retention-error")
				if n := len(browsertest.Audited(b)); n < len(pages)+2 {
					t.Errorf("%d pages audited; want %d", n, len(pages)+2)
				}
				if me, _, _ := e.store.UserByEmail(ctx, email); me == nil {
					t.Fatal("the unconfirmed erasure erased the account")
				}
			})
		}
	}
}
