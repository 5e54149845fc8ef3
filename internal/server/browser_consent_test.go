package server_test

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"symposium"
	"symposium/internal/browsertest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestBrowserManageLinkWithdrawsPhotoConsent opens a registrant's manage
// link, signed out, on phones of 320 and 390 px in English and Kazakh:
// the page passes the audit without sideways scrolling, and choosing "no"
// under the photo question withdraws consent.
func TestBrowserManageLinkWithdrawsPhotoConsent(t *testing.T) {
	browsertest.RequireAxe(t)
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, admin := e.user("admin@example.org", true)
	cat := futureEvent(t, e, admin, "fest", 30)
	resp, r := e.api("POST", "/api/v1/events/fest/registrations", "", map[string]any{"category_id": cat, "email": "dana@example.org",
		"name": map[string]string{"kk": "Дана Ахметова"}, "photo_consent": "yes", "language": "kk"})
	if resp.StatusCode != 201 {
		t.Fatalf("register = %d %v", resp.StatusCode, r)
	}
	link, _ := url.Parse(manageLinkOf(t, e, "dana@example.org"))
	page := "/registrations/manage?token=" + url.QueryEscape(link.Query().Get("token"))
	for _, width := range []int{320, 390} {
		for _, lang := range []string{"en", "kk"} {
			t.Run(fmt.Sprintf("%s-%d", lang, width), func(t *testing.T) {
				b := browsertest.New(t, width, 800)
				auditPage(t, b, e.srv.URL, page, lang, 10)
				browsertest.NoHorizontalOverflow(t, b, page)
			})
		}
	}
	b := browsertest.New(t, 390, 800)
	auditPage(t, b, e.srv.URL, page, "kk", 0)
	if err := chromedp.Do(b,
		chromedp.Click(chromedp.CSS(`input[name="photo_consent"][value="no"]`)),
		chromedp.Submit(chromedp.CSS(`input[name="photo_consent"][value="no"]`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name="photo_consent"][value="no"]:checked`)),
	); err != nil {
		t.Fatal(err)
	}
	browsertest.AwaitAudit(b)
	// The radio button is checked before the form is sent: wait for the
	// answer to arrive rather than read the store at once.
	var regs []symposium.Registration
	var err error
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		regs, _, err = s.Registrations(ctx, store.RegistrationQuery{EventID: r["event_id"].(string), Limit: 10})
		if err != nil || len(regs) != 1 || regs[0].PhotoConsent == symposium.PhotoConsentNo {
			break
		}
	}
	if err != nil || len(regs) != 1 || regs[0].PhotoConsent != symposium.PhotoConsentNo {
		t.Errorf("after withdrawing in the browser the registration reads %v, %v; want no", regs, err)
	}
}
