package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/store/storetest"
)

// TestBrowserOrganizerJourney walks a new organizer's journey through the
// pages alone, without a single call of the API: create an event, its
// rooms, a session and entries, meet a conflict and resolve it, open
// registration with a capacity and a waiting list, publish, and open the
// call for abstracts; in English and Kazakh, on a desktop, a phone and a
// 320-pixel screen, no page wider than the screen.
func TestBrowserOrganizerJourney(t *testing.T) {
	for _, lang := range []string{"en", "kk"} {
		for _, screen := range []struct {
			name          string
			width, height int
		}{{"desktop", 1280, 900}, {"phone", 390, 844}, {"320", 320, 740}} {
			t.Run(lang+"-"+screen.name, func(t *testing.T) {
				b := browsertest.New(t, screen.width, screen.height)
				j := &journey{t: t, b: b, shot: "organizer-" + lang + "-" + screen.name}
				j.walk(lang)
			})
		}
	}
}

// journey is one walk through the organizer's pages.
type journey struct {
	t     *testing.T
	b     context.Context
	base  string
	shot  string
	pages int
}

func (j *journey) walk(lang string) {
	s := storetest.SQLite(j.t)
	e := start(j.t, s, false)
	e.organizer("organizer@example.org")
	j.base = e.srv.URL
	j.open("/signin?lang=" + lang)
	j.submit(`form[action="/signin"]`, map[string]string{"email": "organizer@example.org", "password": "correct horse battery"}, 200)

	// The event, in English and Kazakh only.
	j.open("/events/new")
	j.submit(`form.event-form`, map[string]string{"slug": "steppe-2030", "title.en": "Steppe Science Forum", "title.kk": "Дала ғылым форумы",
		"kind": "forum", "starts_at": "2030-09-10T09:00", "ends_at": "2030-09-11T18:00", "timezone": "Asia/Almaty", "status": "draft",
		"visibility": "public", "lang.en": "on", "lang.kk": "on", "lang.zh": "", "lang.ru": "", "default_language": "kk"}, 200)
	j.expectPath("/events/steppe-2030/editor")
	if j.count(`input[name="title.zh"]:not(details input)`) != 0 || j.count(`details.lt-more input[name="title.zh"]`) == 0 {
		j.t.Error("the entry form shows a Chinese column in the open for an English and Kazakh event")
	}

	// Rooms and a session come before the entries.
	for _, room := range []string{"Hall A", "Hall B"} {
		j.openDetails(`#rooms-heading`)
		j.submit(`form[action$="/editor/rooms"]`, map[string]string{"room_name.en": room, "room_name.kk": room + " залы", "capacity": "120"}, 200)
	}
	j.openDetails(`#sessions-heading`)
	j.submit(`form[action$="/editor/sessions"]`, map[string]string{"session_title.en": "Energy", "session_title.kk": "Энергетика"}, 200)

	// The first entry, 25 minutes long: no multiple of the old step.
	j.openDetails(`#add-heading`)
	j.pickRoom(`form[action$="/editor/entries"].stack`, 1)
	j.submit(`#add-heading ~ details form`, map[string]string{"title.en": "Opening", "title.kk": "Ашылу", "kind": "address",
		"starts_at": "2030-09-10T09:00", "duration_minutes": "25", "new_speaker": "Айгүл Сәрсенова"}, 200)
	if got := j.text(`.tt-grid .tt-entry`); !strings.Contains(got, "09:00–09:25") {
		j.t.Errorf("the first entry reads %q, want 09:00–09:25", got)
	}

	// The second entry clashes with the first in Hall A; the conflict is
	// named, every choice is kept, and choosing Hall B resolves it.
	browsertest.Allow(j.b, `status of 409 \(Conflict\) at .*/editor/entries$`)
	j.openDetails(`#add-heading`)
	j.pickRoom(`#add-heading ~ details form`, 1)
	j.submit(`#add-heading ~ details form`, map[string]string{"title.en": "Solar steppe", "title.kk": "Күн сәулелі дала", "kind": "talk",
		"starts_at": "2030-09-10T09:10", "duration_minutes": "45"}, 409)
	if j.count(`#editor-alert .alert li`) == 0 {
		j.t.Error("the conflict is not named")
	}
	if v := j.value(`#add-heading ~ details form input[name="title.kk"]`); v != "Күн сәулелі дала" {
		j.t.Errorf("after the conflict the Kazakh title reads %q", v)
	}
	if v := j.value(`#add-heading ~ details form input[name="duration_minutes"]`); v != "45" {
		j.t.Errorf("after the conflict the length reads %q", v)
	}
	j.pickRoom(`#add-heading ~ details form`, 2)
	j.submit(`#add-heading ~ details form`, map[string]string{}, 200)
	if n := j.count(`.tt-grid .tt-entry`); n != 2 {
		j.t.Errorf("the grid shows %d entries, want 2", n)
	}

	// Registration: one category with two seats and a waiting list, and
	// an overall capacity.
	j.open("/events/steppe-2030/register")
	j.click(`a[href="/events/steppe-2030/registration-categories"].button`)
	j.submit(`form[action="/events/steppe-2030/registration-categories"]`, map[string]string{"name.en": "Participant", "name.kk": "Қатысушы",
		"capacity": "2", "waitlist": "on", "price": "0"}, 200)
	j.submit(`form[action="/events/steppe-2030/registration-capacity"]`, map[string]string{"overall_capacity": "150"}, 200)
	if j.count(`#category-form ~ section input[value="150"]`) != 1 {
		j.t.Error("the overall capacity is not shown as set")
	}

	// Publish.
	j.open("/events/steppe-2030/edit")
	j.submit(`form.event-form`, map[string]string{"status": "published"}, 200)
	j.open("/events/steppe-2030/register")
	if j.count(`input[name="category_id"]`) == 0 {
		j.t.Error("the published event offers no category to register in")
	}

	// Open the call for abstracts.
	j.open("/events/steppe-2030/cfp/edit")
	j.submit(`form[action="/events/steppe-2030/cfp/edit"]`, map[string]string{"opens_at": "2029-01-01T09:00", "closes_at": "2030-06-01T18:00",
		"word_limit": "300", "type.talk": "on", "tracks.0.name.en": "Energy", "tracks.0.name.kk": "Энергетика"}, 200)
	j.open("/events/steppe-2030")
	if j.count(`a[href="/events/steppe-2030/cfp"]`) == 0 {
		j.t.Error("the event page does not lead to the call")
	}
	if j.pages < 10 {
		j.t.Errorf("the journey saw %d pages", j.pages)
	}
}

// open loads a page of the site, which must answer 200.
func (j *journey) open(path string) {
	j.t.Helper()
	resp, err := chromedp.RunResponse(j.b, chromedp.Navigate(j.base+path))
	if err != nil {
		j.t.Fatalf("open %s: %v", path, err)
	}
	if resp.Status != 200 {
		j.t.Fatalf("open %s: status %d", path, resp.Status)
	}
	j.look(path)
}

// look checks the page the browser shows: no raw catalog key, nothing
// wider than the screen; and keeps a screenshot of it.
func (j *journey) look(what string) {
	j.t.Helper()
	j.pages++
	text, err := chromedp.Run(j.b, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		j.t.Fatal(err)
	}
	if k := rawKey.FindString(text); k != "" {
		j.t.Errorf("%s shows the raw key %q", what, k)
	}
	browsertest.NoHorizontalOverflow(j.t, j.b, what)
	browsertest.Screenshot(j.t, j.b, fmt.Sprintf("%s-%02d", j.shot, j.pages))
}

// submit fills a form's fields by name (checkboxes "on" or "") and
// presses its submit button, like a person; the page it lands on must
// answer want.
func (j *journey) submit(formSel string, values map[string]string, want int) {
	j.t.Helper()
	js, _ := json.Marshal(values)
	sel, _ := json.Marshal(formSel)
	err := chromedp.Do(j.b, chromedp.Evaluate[chromedp.Void](`(() => {
		const form = document.querySelector(`+string(sel)+`);
		for (const [name, value] of Object.entries(`+string(js)+`)) {
			const el = form.elements[name];
			if (!el) { throw new Error("no field " + name); }
			if (el.type === "checkbox") { el.checked = value !== ""; } else { el.value = value; }
		}
		form.querySelector("button[type=submit], button:not([type])").scrollIntoView({block: "center"});
	})()`))
	if err != nil {
		j.t.Fatalf("fill %s: %v", formSel, err)
	}
	resp, err := chromedp.RunResponse(j.b, chromedp.Click(chromedp.CSS(formSel+` button[type=submit]`)))
	if err != nil {
		j.t.Fatalf("submit %s: %v", formSel, err)
	}
	if resp.Status != int64(want) {
		j.t.Fatalf("submit %s: status %d, want %d", formSel, resp.Status, want)
	}
	j.look("after " + formSel)
}

// click follows a link or presses a button that loads a page.
func (j *journey) click(sel string) {
	j.t.Helper()
	resp, err := chromedp.RunResponse(j.b, chromedp.Click(chromedp.CSS(sel)))
	if err != nil || resp.Status != 200 {
		j.t.Fatalf("click %s: %v", sel, err)
	}
	j.look("after " + sel)
}

// openDetails opens the disclosure that follows a heading, as a person
// clicks its summary.
func (j *journey) openDetails(heading string) {
	j.t.Helper()
	sel := heading + ` ~ details > summary`
	open, err := chromedp.Run(j.b, chromedp.Evaluate[bool](`document.querySelector("`+heading+` ~ details").open`))
	if err != nil {
		j.t.Fatalf("find %s: %v", sel, err)
	}
	if !open {
		if err := chromedp.Do(j.b, chromedp.Click(chromedp.CSS(sel))); err != nil {
			j.t.Fatalf("open %s: %v", sel, err)
		}
	}
}

// pickRoom chooses the form's n-th room (0 is no room).
func (j *journey) pickRoom(formSel string, n int) {
	j.t.Helper()
	err := chromedp.Do(j.b, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).elements["room_id"].selectedIndex = %d`, formSel, n)))
	if err != nil {
		j.t.Fatalf("pick room: %v", err)
	}
}

func (j *journey) count(sel string) int {
	j.t.Helper()
	n, err := chromedp.Run(j.b, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)))
	if err != nil {
		j.t.Fatal(err)
	}
	return n
}

func (j *journey) value(sel string) string {
	j.t.Helper()
	v, err := chromedp.Run(j.b, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).value`, sel)))
	if err != nil {
		j.t.Fatal(err)
	}
	return v
}

func (j *journey) text(sel string) string {
	j.t.Helper()
	v, err := chromedp.Run(j.b, chromedp.Evaluate[string](fmt.Sprintf(`[...document.querySelectorAll(%q)].map(e => e.textContent).join(" | ")`, sel)))
	if err != nil {
		j.t.Fatal(err)
	}
	return v
}

func (j *journey) expectPath(path string) {
	j.t.Helper()
	got, _ := chromedp.Run(j.b, chromedp.Evaluate[string](`location.pathname`))
	if got != path {
		j.t.Fatalf("the browser is at %s, want %s", got, path)
	}
}
