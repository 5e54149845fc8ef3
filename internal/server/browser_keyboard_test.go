package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"symposium/internal/browsertest"
	"symposium/internal/store/storetest"
)

// TestBrowserOrganizerJourneyByKeyboard walks a new organizer's journey
// with the keyboard alone, in English and Kazakh on a desktop and in
// Kazakh at 320 px, where the grid is a list: sign in, create an
// event, add two rooms, add programme entries in the editor, meet a
// conflict twice (from the entry form and from moving an entry on the grid
// with the arrow keys) and resolve both, resize an entry and take it out
// of the timetable from the grid, open registration with a category with
// a capacity and a waiting list, and publish. Only Tab, Shift+Tab, Enter,
// Space, the arrow keys and typing are used: not one mouse or pointer
// event reaches the pages, and nothing is set by a script.
func TestBrowserOrganizerJourneyByKeyboard(t *testing.T) {
	browsertest.RequireAxe(t)
	for _, run := range []struct {
		lang  string
		width int
	}{{"en", 1280}, {"kk", 1280}, {"kk", 320}} {
		t.Run(fmt.Sprintf("%s-%d", run.lang, run.width), func(t *testing.T) {
			s := storetest.SQLite(t)
			e := start(t, s, false)
			e.organizer("organizer@example.org")
			b := browsertest.New(t, run.width, 800)
			if _, err := chromedp.Call(b, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: countPointer}); err != nil {
				t.Fatal(err)
			}
			k := &keyboard{t: t, b: b, base: e.srv.URL}
			k.journey(run.lang)
			mice, err := chromedp.Run(b, chromedp.Evaluate[string](`sessionStorage.getItem("pointer-events") || "0"`))
			if err != nil || mice != "0" {
				t.Errorf("%s mouse or pointer events reached the pages (%v)", mice, err)
			}
			if n := len(browsertest.Audited(b)); n < 6 {
				t.Errorf("%d pages audited; want the journey's pages", n)
			}
		})
	}
}

// journey is the organizer's walk, page by page.
func (k *keyboard) journey(lang string) {
	solarTitle := map[string]string{"en": "Solar steppe", "kk": "Күн сәулелі дала"}[lang]
	k.open("/signin?lang=" + lang)
	k.fill(`#email`, "organizer@example.org")
	k.fill(`#password`, "correct horse battery")
	k.send(`form[action="/signin"] button[type=submit]`, 200)

	k.open("/events/new")
	k.check(`input[name="lang.en"]`)
	k.check(`input[name="lang.kk"]`)
	k.choose(`#default_language`, "kk")
	k.fill(`input[name="title.en"]`, "Steppe Science Forum")
	k.fill(`input[name="title.kk"]`, "Дала ғылым форумы")
	k.fill(`#slug`, "steppe-2030")
	k.choose(`#kind`, "forum")
	k.dateTime(`#starts_at`, "2030-09-10T09:00")
	k.dateTime(`#ends_at`, "2030-09-11T18:00")
	k.fill(`#timezone`, "Asia/Almaty")
	k.send(`form.event-form button[type=submit]`, 200)
	k.expectPath("/events/steppe-2030/editor")

	// Two rooms: the form is open while there is none, then behind its
	// disclosure.
	const rooms = `form[action$="/editor/rooms"]`
	for i, room := range []string{"Hall A", "Hall B"} {
		if i > 0 {
			k.disclose(`#rooms-heading ~ details > summary`)
		}
		k.fill(rooms+` input[name="room_name.en"]`, room)
		k.fill(rooms+` input[name="room_name.kk"]`, room+" залы")
		k.fill(rooms+` input[name="capacity"]`, "120")
		k.send(rooms+` button[type=submit]`, 200)
	}

	// The first entry, 25 minutes in Hall A.
	const add = `#add-heading ~ details form`
	k.disclose(`#add-heading ~ details > summary`)
	k.entry(add, "Opening", "Ашылу", "address", "2030-09-10T09:00", "25", "Hall A")
	k.send(add+` button[type=submit]`, 200)
	if got := k.text(`.tt-grid .tt-entry`); !strings.Contains(got, "09:00–09:25") {
		k.t.Errorf("the first entry reads %q, want 09:00–09:25", got)
	}
	if !k.focused(`.tt-entry.moved`) {
		k.t.Error("after adding an entry focus is not on it in the grid")
	}

	// The second clashes with the first in Hall A: the conflict takes
	// focus, the form keeps what was typed, and Hall B resolves it.
	browsertest.Allow(k.b, `status of 409 \(Conflict\) at .*/editor/entries$`)
	k.disclose(`#add-heading ~ details > summary`)
	k.entry(add, "Solar steppe", "Күн сәулелі дала", "talk", "2030-09-10T09:10", "45", "Hall A")
	k.send(add+` button[type=submit]`, 409)
	k.conflictFocused()
	if v := k.value(add + ` input[name="title.kk"]`); v != "Күн сәулелі дала" {
		k.t.Errorf("after the conflict the Kazakh title reads %q", v)
	}
	k.chooseText(add+` select[name="room_id"]`, "Hall B")
	k.send(add+` button[type=submit]`, 200)
	if n := k.count(`.tt-grid .tt-entry`); n != 2 {
		k.t.Errorf("the grid shows %d entries, want 2", n)
	}

	// On the grid: moving the second entry into Hall A with the arrow
	// keys meets the first; the refusal takes focus. Moving it after the
	// first and making it five minutes longer resolves it, and the live
	// region says where it went.
	solar := `.tt-grid .tt-entry[data-start="2030-09-10T09:10"]`
	k.tabTo(solar)
	k.press(kb.ArrowLeft)
	k.waitText(`#editor-status`, "09:10–09:55")
	k.sendKey("\r", 409)
	k.conflictFocused()
	k.tabTo(solar)
	k.press(kb.ArrowLeft)
	for i := 0; i < 3; i++ {
		k.press(kb.ArrowDown)
	}
	k.press(kb.ArrowDown, chromedp.ModifierShift)
	k.waitText(`#editor-status`, "09:25–10:15")
	k.sendKey("\r", 200)
	moved := `.tt-grid .tt-entry[data-start="2030-09-10T09:25"]`
	if !k.focused(moved) {
		k.t.Errorf("after the move focus is on %s; want the moved entry", k.activeElement())
	}
	k.waitText(`#editor-status`, solarTitle)
	// A screen reader reads the entry alone: its room is in its text.
	if got := k.text(moved); !strings.Contains(got, "09:25–10:15") || !strings.Contains(got, "Hall A") {
		k.t.Errorf("the moved entry reads %q, want 09:25–10:15 in Hall A", got)
	}
	if k.count(`#editor-alert .alert`) != 0 {
		k.t.Error("a conflict is still shown after it was resolved")
	}

	// Delete takes the focused entry out of the timetable, into the tray;
	// its form there places it again.
	k.sendKey(kb.Delete, 200)
	if n := k.count(`.tt-grid .tt-entry`); n != 1 {
		k.t.Errorf("after unscheduling the grid shows %d entries, want 1", n)
	}
	const tray = `[data-tray] .entry-row form[action$="/editor/entries"]`
	k.waitText(`#editor-status`, solarTitle)
	k.dateTime(tray+` input[name="starts_at"]`, "2030-09-10T10:00")
	k.chooseText(tray+` select[name="room_id"]`, "Hall B")
	k.send(tray+` button[type=submit]`, 200)
	if n := k.count(`.tt-grid .tt-entry`); n != 2 {
		k.t.Errorf("after placing it again the grid shows %d entries, want 2", n)
	}

	// Registration, by the event's tab: a category of two seats with a
	// waiting list.
	k.follow(`.event-nav a[href="/events/steppe-2030/register"]`)
	k.follow(`a[href="/events/steppe-2030/registration-categories"]`)
	const cat = `form[action="/events/steppe-2030/registration-categories"]`
	k.fill(cat+` input[name="name.en"]`, "Participant")
	k.fill(cat+` input[name="name.kk"]`, "Қатысушы")
	k.fill(`#capacity`, "2")
	k.fill(`#price`, "0")
	k.check(`#waitlist`)
	k.send(cat+` button[type=submit]`, 200)
	if got := k.text(`.entry-list`); !strings.Contains(got, "Participant") && !strings.Contains(got, "Қатысушы") {
		k.t.Errorf("the categories read %q", got)
	}
	k.fill(`#overall_capacity`, "150")
	k.send(`form[action="/events/steppe-2030/registration-capacity"] button[type=submit]`, 200)
	if v := k.value(`#overall_capacity`); v != "150" {
		k.t.Errorf("the overall capacity reads %q", v)
	}

	// Publish, through the event's manage menu.
	k.disclose(`.manage-menu > summary`)
	k.follow(`.manage-menu a[href="/events/steppe-2030/edit"]`)
	k.choose(`#status`, "published")
	k.send(`form.event-form button[type=submit]`, 200)
	k.follow(`.event-nav a[href="/events/steppe-2030/register"]`)
	if k.count(`input[name="category_id"]`) == 0 {
		k.t.Error("the published event offers no category to register in")
	}
}

// keyboard drives the browser with keys alone.
type keyboard struct {
	t     *testing.T
	b     context.Context
	base  string
	pages int
}

// open loads a page by its address, as typed into the address bar.
func (k *keyboard) open(path string) {
	k.t.Helper()
	resp, err := chromedp.RunResponse(k.b, chromedp.Navigate(k.base+path))
	if err != nil || resp.Status != 200 {
		k.t.Fatalf("open %s: %v %v", path, resp, err)
	}
	k.settle()
}

// settle waits for the page's audit, then checks it is no wider than the
// screen.
func (k *keyboard) settle() {
	k.t.Helper()
	browsertest.AwaitAudit(k.b)
	browsertest.NoHorizontalOverflow(k.t, k.b, k.path())
	k.pages++
	browsertest.Screenshot(k.t, k.b, fmt.Sprintf("%s-%02d", strings.ReplaceAll(k.t.Name(), "/", "-"), k.pages))
}

// press presses one key, with modifiers.
func (k *keyboard) press(key string, mods ...chromedp.Modifier) {
	k.t.Helper()
	if err := chromedp.Do(k.b, chromedp.KeyEvent(key, chromedp.KeyModifiers(mods...))); err != nil {
		k.t.Fatalf("press %q: %v", key, err)
	}
}

// focused reports whether the focused element matches sel.
func (k *keyboard) focused(sel string) bool {
	k.t.Helper()
	at, err := chromedp.Run(k.b, chromedp.Evaluate[bool](fmt.Sprintf(`!!document.activeElement && document.activeElement.matches(%q)`, sel)))
	if err != nil {
		k.t.Fatal(err)
	}
	return at
}

// activeElement describes the focused element, for messages.
func (k *keyboard) activeElement() string {
	d, _ := chromedp.Run(k.b, chromedp.Evaluate[string](`(() => { const a = document.activeElement;
		return a ? a.tagName + "#" + a.id + "." + a.className + " " + (a.getAttribute("name") || "") : "none"; })()`))
	return d
}

// tabTo presses Tab until the element matching sel has focus; when it is
// not ahead, Shift+Tab goes back for it.
func (k *keyboard) tabTo(sel string) {
	k.t.Helper()
	for _, mods := range [][]chromedp.Modifier{nil, {chromedp.ModifierShift}} {
		for i := 0; i < 200; i++ {
			if k.focused(sel) {
				return
			}
			k.press("\t", mods...)
		}
	}
	k.t.Fatalf("%s: neither Tab nor Shift+Tab reached %s", k.path(), sel)
}

// fill tabs to a text field, which selects what it holds, and types.
func (k *keyboard) fill(sel, text string) {
	k.t.Helper()
	k.tabTo(sel)
	if err := chromedp.Do(k.b, chromedp.KeyEvent(text)); err != nil {
		k.t.Fatal(err)
	}
	if v := k.value(sel); v != text {
		k.t.Fatalf("%s: typed %q into %s, which holds %q", k.path(), text, sel, v)
	}
}

// check tabs to a checkbox and ticks it with Space, unless it is ticked.
func (k *keyboard) check(sel string) {
	k.t.Helper()
	checked := func() bool {
		on, err := chromedp.Run(k.b, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector(%q).checked`, sel)))
		if err != nil {
			k.t.Fatal(err)
		}
		return on
	}
	k.tabTo(sel)
	if checked() {
		return
	}
	k.press(" ")
	if !checked() {
		k.t.Fatalf("%s: Space did not tick %s", k.path(), sel)
	}
}

// choose tabs to a list and moves through it with the arrow keys until
// the option whose value is value is chosen.
func (k *keyboard) choose(sel, value string) {
	k.t.Helper()
	k.chooseBy(sel, fmt.Sprintf(`el.value === %q`, value))
}

// chooseText is choose for the option whose text contains text.
func (k *keyboard) chooseText(sel, text string) {
	k.t.Helper()
	k.chooseBy(sel, fmt.Sprintf(`el.selectedIndex >= 0 && el.options[el.selectedIndex].text.includes(%q)`, text))
}

func (k *keyboard) chooseBy(sel, test string) {
	k.t.Helper()
	k.tabTo(sel)
	check := fmt.Sprintf(`(() => { const el = document.querySelector(%q); return %s; })()`, sel, test)
	for _, key := range []string{kb.ArrowDown, kb.ArrowUp} {
		for i := 0; i < 12; i++ {
			ok, err := chromedp.Run(k.b, chromedp.Evaluate[bool](check))
			if err != nil {
				k.t.Fatal(err)
			}
			if ok {
				return
			}
			k.press(key)
		}
	}
	k.t.Fatalf("%s: the arrow keys never chose %s in %s", k.path(), test, sel)
}

// dateTime tabs to a date and time field and types the date and time
// into its parts, as Chromium's en-US field orders them: month, day,
// year, then (after the right arrow) hours, minutes and AM or PM.
func (k *keyboard) dateTime(sel, value string) {
	k.t.Helper()
	k.tabTo(sel)
	at, err := time.Parse("2006-01-02T15:04", value)
	if err != nil {
		k.t.Fatal(err)
	}
	k.press(at.Format("01022006"))
	k.press(kb.ArrowRight)
	k.press(at.Format("0304") + strings.ToLower(at.Format("PM")[:1]))
	if v := k.value(sel); v != value {
		k.t.Fatalf("%s: typed %s into %s, which holds %q", k.path(), value, sel, v)
	}
}

// entry fills the entry form: titles, kind, start, length and room.
func (k *keyboard) entry(form, en, kk, kind, start, minutes, room string) {
	k.t.Helper()
	k.fill(form+` input[name="title.en"]`, en)
	k.fill(form+` input[name="title.kk"]`, kk)
	k.choose(form+` select[name="kind"]`, kind)
	k.dateTime(form+` input[name="starts_at"]`, start)
	k.fill(form+` input[name="duration_minutes"]`, minutes)
	k.chooseText(form+` select[name="room_id"]`, room)
}

// disclose tabs to a disclosure's summary and opens it with Enter.
func (k *keyboard) disclose(summary string) {
	k.t.Helper()
	open, err := chromedp.Run(k.b, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector(%q).parentElement.open`, summary)))
	if err != nil {
		k.t.Fatal(err)
	}
	if open {
		return
	}
	k.tabTo(summary)
	k.press("\r")
	if open, _ := chromedp.Run(k.b, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector(%q).parentElement.open`, summary))); !open {
		k.t.Fatalf("%s: Enter did not open %s", k.path(), summary)
	}
}

// send tabs to a button and presses Enter; the page it loads must answer
// want.
func (k *keyboard) send(button string, want int) {
	k.t.Helper()
	k.tabTo(button)
	k.sendKey("\r", want)
}

// follow tabs to a link and follows it with Enter.
func (k *keyboard) follow(link string) {
	k.t.Helper()
	k.send(link, 200)
}

// sendKey presses a key that loads a page, which must answer want.
func (k *keyboard) sendKey(key string, want int) {
	k.t.Helper()
	from := k.path()
	resp, err := chromedp.RunResponse(k.b, chromedp.KeyEvent(key))
	if err != nil {
		k.t.Fatalf("%s: pressing %q loaded nothing: %v", from, key, err)
	}
	if resp.Status != int64(want) {
		k.t.Fatalf("%s: pressing %q answered %d, want %d", from, key, resp.Status, want)
	}
	k.settle()
}

// conflictFocused checks that a refusal names the conflict and that the
// alert holding it has focus, so that it is read first.
func (k *keyboard) conflictFocused() {
	k.t.Helper()
	if k.count(`#editor-alert .alert li`) == 0 {
		k.t.Error("the conflict is not named")
	}
	if !k.focused(`#editor-alert`) {
		k.t.Errorf("after the conflict focus is on %s; want the alert", k.activeElement())
	}
}

// waitText waits up to five seconds for the element's text to hold want.
func (k *keyboard) waitText(sel, want string) {
	k.t.Helper()
	var got string
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if got = k.text(sel); strings.Contains(got, want) {
			return
		}
	}
	k.t.Errorf("%s: %s says %q; want %q", k.path(), sel, got, want)
}

func (k *keyboard) path() string {
	p, _ := chromedp.Run(k.b, chromedp.Evaluate[string](`location.pathname + location.search`))
	return p
}

func (k *keyboard) expectPath(path string) {
	k.t.Helper()
	if got, _ := chromedp.Run(k.b, chromedp.Evaluate[string](`location.pathname`)); got != path {
		k.t.Fatalf("the browser is at %s, want %s", got, path)
	}
}

func (k *keyboard) count(sel string) int {
	k.t.Helper()
	n, err := chromedp.Run(k.b, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)))
	if err != nil {
		k.t.Fatal(err)
	}
	return n
}

func (k *keyboard) value(sel string) string {
	k.t.Helper()
	v, err := chromedp.Run(k.b, chromedp.Evaluate[string](fmt.Sprintf(`(document.querySelector(%q) || {value: "(no such field)"}).value`, sel)))
	if err != nil {
		k.t.Fatal(err)
	}
	return v
}

func (k *keyboard) text(sel string) string {
	k.t.Helper()
	q, _ := json.Marshal(sel)
	v, err := chromedp.Run(k.b, chromedp.Evaluate[string](`[...document.querySelectorAll(`+string(q)+`)].map(e => e.textContent).join(" | ")`))
	if err != nil {
		k.t.Fatal(err)
	}
	return v
}
