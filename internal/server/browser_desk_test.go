package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/store/storetest"
)

// countPointer counts, in the tab's session storage, every mouse or
// pointer event a page receives, so that a test can show it used none.
const countPointer = `for (const type of ["pointerdown", "mousedown", "mouseup", "pointerup", "wheel"]) {
	addEventListener(type, () => { sessionStorage.setItem("pointer-events", String(Number(sessionStorage.getItem("pointer-events") || 0) + 1)); }, true);
}`

// TestBrowserCheckInDeskByKeyboard works the check-in desk on a phone in
// Kazakh with the keyboard alone, as a volunteer with a scanner that types
// does: sign in, scan a ticket (the result is announced, the arrivals
// count grows), find a guest without a ticket by one Chinese character,
// check them in from the search, and see their status in words. Not one
// mouse or pointer event reaches the pages.
func TestBrowserCheckInDeskByKeyboard(t *testing.T) {
	b := browsertest.New(t, 360, 740)
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, token := e.organizer("desk@example.org")
	cat := registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Participant", "kk": "Қатысушы"}, "capacity": 10})
	names := []map[string]string{{"en": "Aigerim Nurgaliyeva", "kk": "Әйгерім Нұрғалиева"}, {"en": "Zhang Wei", "zh": "张伟"}, {"en": "Ivan Petrov"}}
	var tickets []string
	for i, name := range names {
		_, r := e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat,
			"email": fmt.Sprintf("guest%d@example.org", i), "name": name})
		tickets = append(tickets, r["ticket"].(string))
	}
	if _, err := chromedp.Call(b, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: countPointer}); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(b,
		chromedp.Navigate(e.srv.URL+"/signin?lang=kk"),
		chromedp.SendKeys(chromedp.CSS("#email"), "desk@example.org"),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery\r"),
		chromedp.WaitVisible(chromedp.CSS(".account-name")),
		chromedp.Navigate(e.srv.URL+"/events/astana/checkin?lang=kk"),
		chromedp.WaitReady(chromedp.CSS("#ticket")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if id := activeID(t, b); id != "ticket" {
		t.Fatalf("the desk opens with focus on %q; want the ticket field", id)
	}
	place, err := chromedp.Run(b, chromedp.Evaluate[[]float64](`[document.querySelector(".site-header").offsetHeight,
		document.querySelector("#ticket").getBoundingClientRect().top]`))
	if err != nil || len(place) != 2 || place[0] > 110 || place[1] > 400 {
		t.Errorf("on a phone the header is %v px high and the ticket field starts %v px down (%v); want a compact header and the field on the first screen", place[0], place[1], err)
	}
	if err := chromedp.Do(b, chromedp.KeyEvent(tickets[0]+"\r"), chromedp.WaitVisible(chromedp.CSS("#desk-result .ok"))); err != nil {
		t.Fatal(err)
	}
	result := textOf(t, b, "#desk-result")
	if !strings.Contains(result, "Келуі белгіленді") || !strings.Contains(result, "Әйгерім Нұрғалиева") {
		t.Errorf("the scan says %q", result)
	}
	waitText(t, b, "[data-arrived]", "1 / 3")
	if id := activeID(t, b); id != "ticket" {
		t.Errorf("after a scan focus is on %q; want the ticket field, for the next scan", id)
	}
	tabTo(t, b, "q")
	if err := chromedp.Do(b, chromedp.KeyEvent("张")); err != nil {
		t.Fatal(err)
	}
	waitText(t, b, "[data-found-count]", "Табылғаны: 1")
	found := textOf(t, b, "[data-found]")
	if !strings.Contains(found, "张伟") || !strings.Contains(found, "Расталды") && !strings.Contains(found, "расталды") {
		t.Errorf("the search found %q; want Zhang Wei, confirmed, in Kazakh", found)
	}
	tabTo(t, b, "")
	// The last scan's result goes, so that only the next page's shows.
	if err := chromedp.Do(b, chromedp.Evaluate[chromedp.Void](`document.querySelector("#desk-result").replaceChildren()`),
		chromedp.KeyEvent("\r"), chromedp.WaitVisible(chromedp.CSS("#desk-result .ok"))); err != nil {
		t.Fatal(err)
	}
	if result := textOf(t, b, "#desk-result"); !strings.Contains(result, "Zhang Wei") {
		t.Errorf("checking in from the search says %q", result)
	}
	waitText(t, b, "[data-arrived]", "2 / 3")
	if err := chromedp.Do(b, chromedp.KeyEvent(tickets[0]+"\r"), chromedp.WaitVisible(chromedp.CSS("#desk-result .bad"))); err != nil {
		t.Fatal(err)
	}
	browsertest.Allow(b, `status of 409 \(Conflict\)`)
	if result := textOf(t, b, "#desk-result"); !strings.Contains(result, "✗") || !strings.Contains(result, "бұрын белгіленген") {
		t.Errorf("a ticket scanned twice says %q", result)
	}
	mice, err := chromedp.Run(b, chromedp.Evaluate[string](`sessionStorage.getItem("pointer-events") || "0"`))
	if err != nil || mice != "0" {
		t.Errorf("%s mouse or pointer events reached the pages (%v)", mice, err)
	}
	browsertest.Screenshot(t, b, "desk-keyboard-kk")
}

// activeID returns the id of the focused element.
func activeID(t *testing.T, b context.Context) string {
	t.Helper()
	id, err := chromedp.Run(b, chromedp.Evaluate[string](`document.activeElement ? document.activeElement.id : ""`))
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// tabTo presses Tab until the element with the id has focus, or, for "",
// until a button of the desk's results has it.
func tabTo(t *testing.T, b context.Context, id string) {
	t.Helper()
	for i := 0; i < 30; i++ {
		if err := chromedp.Do(b, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		at, err := chromedp.Run(b, chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const a = document.activeElement;
			return %q ? a.id === %q : !!a.closest("[data-found] button"); })()`, id, id)))
		if err != nil {
			t.Fatal(err)
		}
		if at {
			return
		}
	}
	t.Fatalf("Tab never reached %q", id)
}

// waitText waits up to ten seconds for the element's text to contain want.
func waitText(t *testing.T, b context.Context, sel, want string) {
	t.Helper()
	var got string
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if got = textOf(t, b, sel); strings.Contains(got, want) {
			return
		}
	}
	t.Errorf("%s says %q; want %q", sel, got, want)
}
