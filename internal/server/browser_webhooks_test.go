package server_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/store/storetest"
)

// TestBrowserWebhooks opens the webhooks pages of an event — the list with
// its form, a hook with its secret and a delivery log, and the list after
// an empty form was sent — on a phone (390 and 320 px) in the four
// languages: the audit (axe-core, no sideways scrolling) must find
// nothing, and the empty form must name the fields in error.
func TestBrowserWebhooks(t *testing.T) {
	browsertest.RequireAxe(t)
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, token := e.user("admin@example.org", true)
	createSeedEvent(t, e, token, "pub", "public")
	api := "/api/v1/events/pub/webhooks"
	hook := e.mustAPI("POST", api, token, map[string]any{"url": "http://localhost:9/integrations/symposium/incoming-webhooks/registrations-and-abstracts",
		"types": []string{"registration.created", "registration.cancelled", "registration.checked_in", "abstract.submitted", "abstract.decided", "meeting.scheduled"}}, 201)
	id := hook["id"].(string)
	e.mustAPI("POST", api+"/"+id+"/test", token, nil, 200) // refused before connecting: a waiting delivery with its reason
	pages := []string{"/events/pub/webhooks", "/events/pub/webhooks/" + id}
	for _, width := range []int{390, 320} {
		for _, lang := range []string{"en", "kk", "ru", "zh"} {
			t.Run(fmt.Sprintf("%s-%d", lang, width), func(t *testing.T) {
				b := browsertest.New(t, width, 800)
				browserAs(t, b, e.srv.URL, "admin@example.org")
				browsertest.Allow(b, `status of 422 .* at .*/events/pub/webhooks`)
				for _, page := range pages {
					auditPage(t, b, e.srv.URL, page, lang, 0)
				}
				err := chromedp.Do(b,
					chromedp.Navigate(e.srv.URL+"/events/pub/webhooks?lang="+lang),
					chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('input[name="types"]').forEach(c => { c.checked = false })`),
					chromedp.Submit(chromedp.CSS("#url")),
					chromedp.WaitVisible(chromedp.CSS("#form-errors")),
				)
				if err != nil {
					t.Fatal(err)
				}
				errors, err := chromedp.Run(b, chromedp.Evaluate[int](`document.querySelectorAll('#form-errors a').length`))
				if err != nil {
					t.Fatal(err)
				}
				browsertest.AwaitAudit(b)
				if n := len(browsertest.Audited(b)); n < 3 {
					t.Errorf("%d pages audited, want 3", n)
				}
				if errors != 2 {
					t.Errorf("error summary links %d fields, want 2 (url, types)", errors)
				}
			})
		}
	}
}
