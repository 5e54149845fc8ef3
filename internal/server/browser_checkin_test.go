package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// setOffline cuts the browser's network, or restores it.
func setOffline(offline bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1})
		if err != nil {
			return err
		}
		_, err = cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1}}})
		return err
	})
}

// TestBrowserOfflineCheckIn checks a ticket in, loses the network, checks
// two more in, gets the network back, and finds all three checked in once.
func TestBrowserOfflineCheckIn(t *testing.T) {
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, token := e.organizer("desk@example.org")
	cat := registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Participant"}, "capacity": 10})
	var tickets []string
	for i := 0; i < 3; i++ {
		_, r := e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat,
			"email": fmt.Sprintf("guest%d@example.org", i), "name": map[string]string{"en": fmt.Sprintf("Guest %d", i)}})
		tickets = append(tickets, r["ticket"].(string))
	}
	b := browsertest.New(t, 1024, 800)
	// A ticket scanned twice is answered 409, and offline requests fail:
	// the desk shows both, and the test expects the browser to log them.
	browsertest.Allow(b, `status of 409 \(Conflict\) at .*/checkins$`)
	browsertest.Allow(b, `net::ERR_INTERNET_DISCONNECTED at .*/checkins$`)
	err := chromedp.Do(b,
		chromedp.Navigate(e.srv.URL+"/signin?lang=en"),
		chromedp.SendKeys(chromedp.CSS("#email"), "desk@example.org"),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(".account-name")),
		chromedp.Navigate(e.srv.URL+"/events/astana/checkin?lang=en"),
		chromedp.WaitVisible(chromedp.CSS("#ticket")),
	)
	if err != nil {
		t.Fatal(err)
	}
	scan := func(ticket, want string) {
		t.Helper()
		err := chromedp.Do(b,
			chromedp.Evaluate[chromedp.Void](`document.getElementById("desk-result").innerHTML = ""`),
			chromedp.SendKeys(chromedp.CSS("#ticket"), ticket+"\n"),
			chromedp.WaitVisible(chromedp.CSS("#desk-result .desk-result")),
		)
		if err != nil {
			t.Fatal(err)
		}
		text, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS("#desk-result")))
		if !strings.Contains(text, want) {
			t.Errorf("after scanning: %q, want %q", text, want)
		}
	}
	scan(tickets[0], "Checked in. Welcome!")
	scan(tickets[0], "Already checked in")
	scan(tickets[1][:50]+"x"+tickets[1][51:], "Unknown or forged ticket")

	if err := chromedp.Do(b, setOffline(true)); err != nil {
		t.Fatal(err)
	}
	scan(tickets[1], "Checked in offline")
	scan(tickets[2], "Checked in offline")
	if queue, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS("[data-queue]"))); queue != "2 check-ins waiting to be sent" {
		t.Errorf("the desk shows %q for two queued check-ins", queue)
	}
	browsertest.Screenshot(t, b, "checkin-offline")
	if n := checkedIn(t, s); n != 1 {
		t.Fatalf("while offline the server counts %d check-ins, want 1", n)
	}
	if err := chromedp.Do(b, setOffline(false), chromedp.Evaluate[chromedp.Void](`window.dispatchEvent(new Event("online"))`)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for checkedIn(t, s) < 3 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if n := checkedIn(t, s); n != 3 {
		t.Errorf("after the network returned the server counts %d check-ins, want 3", n)
	}
	// The desk empties its queue once the server's answer is read, a
	// moment after the server counted the check-in.
	var queue string
	for {
		queue, _ = chromedp.Run(b, chromedp.Evaluate[string](`localStorage.getItem(Object.keys(localStorage).find(k => k.includes("queue")))`))
		if queue == "[]" || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if queue != "[]" {
		t.Errorf("the queue still holds %s", queue)
	}
}

// checkedIn counts the registrations the server has checked in.
func checkedIn(t *testing.T, s *store.Store) int {
	t.Helper()
	list, _, err := s.Registrations(ctx, store.RegistrationQuery{EventID: eventID(t, s, "astana"), Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range list {
		if r.CheckedInAt != nil {
			n++
		}
	}
	return n
}

// TestBrowserPluralsInScript writes the desk's count of queued check-ins,
// which its script builds, for numbers that take each CLDR plural form, in
// the four languages: the browser's plural rules pick the catalog's form.
func TestBrowserPluralsInScript(t *testing.T) {
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, token := e.organizer("desk@example.org")
	registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Participant"}, "capacity": 10})
	b := browsertest.New(t, 1024, 800)
	err := chromedp.Do(b,
		chromedp.Navigate(e.srv.URL+"/signin?lang=en"),
		chromedp.SendKeys(chromedp.CSS("#email"), "desk@example.org"),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(".account-name")),
	)
	if err != nil {
		t.Fatal(err)
	}
	const nb = "\u00a0"
	for lang, want := range map[string][]string{
		"ru": {"1 отметка о прибытии ждёт отправки", "2 отметки о прибытии ждут отправки", "5 отметок о прибытии ждут отправки",
			"11 отметок о прибытии ждут отправки", "21 отметка о прибытии ждёт отправки", "22 отметки о прибытии ждут отправки",
			"1" + nb + "000 отметок о прибытии ждут отправки"},
		"kk": {"1 келу белгісі жіберуді күтуде", "2 келу белгісі жіберуді күтуде"},
		"zh": {"1 条签到记录待上传", "2 条签到记录待上传"},
		"en": {"1 check-in waiting to be sent", "2 check-ins waiting to be sent"},
	} {
		var got []string
		err := chromedp.Do(b,
			chromedp.Navigate(e.srv.URL+"/events/astana/checkin?lang="+lang),
			chromedp.WaitVisible(chromedp.CSS("#ticket")),
		)
		if err != nil {
			t.Fatal(err)
		}
		got, err = chromedp.Run(b, chromedp.Evaluate[[]string](`[1, 2, 5, 11, 21, 22, 1000].map(n =>
			symposiumPlural(document.querySelector("[data-checkin]").dataset.msgWaiting, n))`))
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range want {
			if got[i] != w {
				t.Errorf("%s: %q, want %q", lang, got[i], w)
			}
		}
	}
}
