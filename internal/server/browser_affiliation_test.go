package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/store/storetest"
)

// TestBrowserTypedAffiliation has an author on a 320 px phone, in Kazakh,
// type a co-author whose organization is not in the list and submit: the
// form fits the screen and passes axe, and the organization is added.
func TestBrowserTypedAffiliation(t *testing.T) {
	b := browsertest.New(t, 320, 700) // first: without Chromium the test skips at once
	f := newPagesFixture(t, storetest.SQLite(t))
	f.openCall()
	base := f.e.srv.URL
	browserAs(t, b, base, "aigerim@center.example")
	orgs := f.orgCount()
	err := chromedp.Do(b,
		chromedp.Navigate(base+"/events/"+f.slug+"/abstracts/new?lang=kk"),
		chromedp.WaitVisible(chromedp.CSS(`input[name="coauthor.0.orgname"]`)),
	)
	if err != nil {
		t.Fatalf("submission form: %v", err)
	}
	browsertest.NoHorizontalOverflow(t, b, "submission form (320 px)")
	browsertest.Screenshot(t, b, "review-submit-affiliation-320")
	err = chromedp.Do(b,
		chromedp.SetValue(chromedp.CSS("#track"), f.tracks[0]),
		chromedp.SendKeys(chromedp.CSS("#title"), "Дала энергиясы"),
		chromedp.SendKeys(chromedp.CSS("#content"), "Күн мен жел энергиясы туралы."),
		chromedp.SendKeys(chromedp.CSS(`input[name="coauthor.0.name"]`), "Серік Әбенов"),
		chromedp.SendKeys(chromedp.CSS(`input[name="coauthor.0.orgname"]`), "Қарағанды техникалық университеті"),
		chromedp.Submit(chromedp.CSS(`input[name="coauthor.0.orgname"]`)),
		chromedp.WaitVisible(chromedp.CSS(`a[href$="/edit"]`)),
	)
	if err != nil {
		t.Fatalf("submitting with a typed affiliation: %v", err)
	}
	loc, _ := chromedp.Run(b, chromedp.Location())
	a := f.submitted(strings.TrimPrefix(loc, base))
	if o := f.affiliation(a, 1); o == nil || o.Name["kk"] != "Қарағанды техникалық университеті" || f.orgCount() != orgs+1 {
		t.Errorf("the typed affiliation = %+v, %d organizations more", o, f.orgCount()-orgs)
	}
}
