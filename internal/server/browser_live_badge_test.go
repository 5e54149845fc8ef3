package server_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/store/storetest"
)

// TestBrowserJoinLiveByBadge joins a contribution's live questions on a
// narrow phone without an account, at an event that takes no guests: the
// live page offers the badge, a wrong code is refused on the field, the
// badge's code lets the phone ask under the registrant's name.
func TestBrowserJoinLiveByBadge(t *testing.T) {
	s := storetest.SQLite(t)
	e := startUnlimited(t, s)
	_, manager := e.organizer("moderator@example.org")
	talk := liveEvent(t, e, manager, "live", "public", "speaker@example.org")
	token := checkedInTicket(t, s, "live", "Ольга Петрова")
	phone := browsertest.New(t, 320, 700)
	browsertest.Allow(phone, `status of 422 .* at .*/badge$`) // the wrong code, refused on purpose
	err := chromedp.Do(phone,
		chromedp.Navigate(e.srv.URL+"/live/"+talk+"?lang=ru"),
		chromedp.WaitVisible(chromedp.CSS("#live-root")),
		chromedp.Click(chromedp.CSS(`a[href$="/badge"]`)),
		chromedp.WaitVisible(chromedp.CSS("#ticket")),
		chromedp.SendKeys(chromedp.CSS("#ticket"), "S1 not a badge"),
		chromedp.Submit(chromedp.CSS("#ticket")),
		chromedp.WaitVisible(chromedp.CSS("#ticket-error")),
	)
	if err != nil {
		t.Fatal(err)
	}
	browsertest.NoHorizontalOverflow(t, phone, "live-badge-refused")
	err = chromedp.Do(phone,
		chromedp.SetValue(chromedp.CSS("#ticket"), token),
		chromedp.Submit(chromedp.CSS("#ticket")),
		chromedp.WaitVisible(chromedp.CSS(".live-badge-joined")),
		chromedp.SendKeys(chromedp.CSS("#text"), "Сколько стоит хранение?"),
		chromedp.Click(chromedp.CSS(".live-ask button")),
	)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, phone, "the badge's question on the phone", has("Ольга Петрова"))
	browsertest.NoHorizontalOverflow(t, phone, "live-badge-joined")
}
