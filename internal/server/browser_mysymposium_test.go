package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/store/storetest"
)

// TestBrowserMySymposium opens Ada's "My Symposium" from the header's
// account menu on a phone, in Chinese: her ticket's QR code, her talk,
// her place in the queue and her review to do, without sideways scroll.
func TestBrowserMySymposium(t *testing.T) {
	b := browsertest.New(t, 390, 844) // first: without Chromium the test skips at once
	e := start(t, storetest.SQLite(t), false)
	mySymposiumWorld(t, e)
	browserAs(t, b, e.srv.URL, "ada@example.org")
	err := chromedp.Do(b,
		chromedp.Navigate(e.srv.URL+"/?lang=zh"),
		chromedp.Click(chromedp.CSS(`.account a[href="/my"]`)),
		chromedp.WaitVisible(chromedp.CSS(".my-event .ticket svg")),
	)
	if err != nil {
		t.Fatalf("open My Symposium: %v", err)
	}
	text, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"我的研讨会", "Notes on Menabrea", "候补名单第 2 位", "待完成的评审", "Songs of the engine"} {
		if !strings.Contains(text, want) {
			t.Errorf("My Symposium lacks %q:\n%s", want, text)
		}
	}
	browsertest.NoHorizontalOverflow(t, b, "my symposium")
	browsertest.Screenshot(t, b, "my-symposium")
	err = chromedp.Do(b,
		chromedp.Click(chromedp.CSS(`.my-event a[href*="/contributions/"]`)),
		chromedp.WaitVisible(chromedp.CSS(".contribution-session")),
	)
	if err != nil {
		t.Fatalf("open the talk from My Symposium: %v", err)
	}
	if text, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS(".contribution-session"))); !strings.Contains(text, "Analytical engines") {
		t.Errorf("the talk's page names its session and chair as %q", text)
	}
	browsertest.NoHorizontalOverflow(t, b, "talk")
}
