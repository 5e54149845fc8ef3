package server_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/demo"
	"symposium/internal/store/storetest"
)

// rawKey finds catalog keys shown instead of text, such as "timetable.room".
var rawKey = regexp.MustCompile(`\b(event|timetable|contribution|editor|error|nav|layout|form|page)\.[a-z_]+\b`)

// TestBrowserDemoEventOnPhones reads the demo event's page and timetable in
// each language on a phone-sized screen.
func TestBrowserDemoEventOnPhones(t *testing.T) {
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	e := start(t, s, false)
	b := browsertest.New(t, 390, 844)
	want := map[string]string{"en": "Opening address", "zh": "开幕致辞", "kk": "Ашылу сөзі", "ru": "Приветственное слово"}
	for _, lang := range []string{"en", "zh", "kk", "ru"} {
		for _, page := range []string{"", "/timetable"} {
			url := e.srv.URL + "/events/" + demo.Slug + page + "?lang=" + lang
			if err := chromedp.Do(b, chromedp.Navigate(url)); err != nil {
				t.Fatal(err)
			}
			text, err := chromedp.Run(b, chromedp.Text(chromedp.CSS("main")))
			if err != nil {
				t.Fatal(err)
			}
			if k := rawKey.FindString(text); k != "" {
				t.Errorf("%s shows the raw key %q", url, k)
			}
			if page == "/timetable" && !strings.Contains(text, want[lang]) {
				t.Errorf("%s lacks %q", url, want[lang])
			}
			browsertest.NoHorizontalOverflow(t, b, url)
			browsertest.Screenshot(t, b, "demo"+strings.ReplaceAll(page, "/", "-")+"-"+lang)
		}
	}
}

// TestBrowserEditorMovesEntry signs in as a manager, moves a programme entry
// in the editor, and finds it moved in the public timetable.
func TestBrowserEditorMovesEntry(t *testing.T) {
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	e := start(t, s, false)
	e.user("admin@example.org", true)
	b := browsertest.New(t, 1280, 1000)
	err := chromedp.Do(b,
		chromedp.Navigate(e.srv.URL+"/signin?lang=en"),
		chromedp.SendKeys(chromedp.CSS("#email"), "admin@example.org"),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(".account-name")),
		chromedp.Navigate(e.srv.URL+"/events/"+demo.Slug+"/editor"),
	)
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, b, "editor")
	// The closing discussion moves from 16:00 in the main hall to 16:00 in
	// hall 2, with ten minutes less.
	id, err := chromedp.Run(b, chromedp.Evaluate[string](`[...document.querySelectorAll(".entry-row")].find(li => li.textContent.includes("Closing discussion")).id.replace("edit-", "")`))
	if err != nil || id == "" {
		t.Fatalf("closing discussion not in the editor: %v", err)
	}
	form := chromedp.CSS("#edit-" + id + " form")
	err = chromedp.Do(b,
		chromedp.SetValue(chromedp.CSS("#edit-"+id+` input[name="duration_minutes"]`), "50"),
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("#edit-`+id+` select[name=room_id]"); s.selectedIndex = 2; })()`),
		chromedp.Submit(form),
		chromedp.WaitVisible(chromedp.CSS("#entry-"+id+".moved")),
	)
	if err != nil {
		t.Fatalf("move: %v", err)
	}
	browsertest.Screenshot(t, b, "editor-moved")
	if err := chromedp.Do(b, chromedp.Navigate(e.srv.URL+"/events/"+demo.Slug+"/timetable?lang=en")); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(b, chromedp.Evaluate[string](`[...document.querySelectorAll(".tt-entry")].find(a => a.textContent.includes("Closing discussion")).textContent`))
	if err != nil || !strings.Contains(text, "16:00–16:50") || !strings.Contains(text, "Hall 2") {
		t.Errorf("in the timetable the closing discussion reads %q (%v); want 16:00–16:50 in Hall 2", text, err)
	}
	// A move onto a taken slot is refused with the conflict named.
	browsertest.Allow(b, `status of 409 \(Conflict\) at .*/editor/entries$`)
	err = chromedp.Do(b,
		chromedp.Navigate(e.srv.URL+"/events/"+demo.Slug+"/editor"),
		chromedp.SetValue(chromedp.CSS("#edit-"+id+` input[name="starts_at"]`), "2024-05-22T14:00"),
		chromedp.Submit(form),
		chromedp.WaitVisible(chromedp.CSS("#editor-alert .alert")),
	)
	if err != nil {
		t.Fatal(err)
	}
	alert, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS("#editor-alert")))
	if !strings.Contains(alert, "is taken by") {
		t.Errorf("conflict alert = %q", alert)
	}
	browsertest.Screenshot(t, b, "editor-conflict")

	// Dragging it with the mouse into the main hall at the same time moves it.
	if err := chromedp.Do(b, chromedp.Evaluate[chromedp.Void](`document.querySelector("#entry-`+id+`").scrollIntoView({block: "center"})`)); err != nil {
		t.Fatal(err)
	}
	box, err := chromedp.Run(b, chromedp.Evaluate[[]float64](`(() => {
		const e = document.querySelector("#entry-`+id+`").getBoundingClientRect();
		const hall = document.querySelector(".tt-room").getBoundingClientRect();
		return [e.left + 20, e.top + 10, hall.left + 20, e.top + 10];
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(b, chromedp.DragAndDropXY(box[0], box[1], box[2], box[3], 10), chromedp.WaitVisible(chromedp.CSS("#entry-"+id+".moved")))
	if err != nil {
		t.Fatalf("drag: %v", err)
	}
	col, _ := chromedp.Run(b, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("#entry-`+id+`")).gridColumnStart`))
	when, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS("#entry-"+id+" .tt-meta")))
	if col != "2" || !strings.HasPrefix(when, "16:00") {
		t.Errorf("after dragging into the main hall the entry is in column %s at %q, want column 2 at 16:00", col, when)
	}
}
