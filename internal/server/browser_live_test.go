package server_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/store/storetest"
)

// signInBrowser signs a browser in with an account made by env.user.
func signInBrowser(t *testing.T, b context.Context, e *env, email string) {
	t.Helper()
	err := chromedp.Do(b,
		chromedp.Navigate(e.srv.URL+"/signin?lang=en"),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(".account-name")),
	)
	if err != nil {
		t.Fatalf("sign in %s: %v", email, err)
	}
}

// waitFor waits until a script's condition holds on a page, failing the
// test after 20 seconds with what.
func waitFor(t *testing.T, b context.Context, what, condition string) {
	t.Helper()
	if _, err := chromedp.Run(b, chromedp.Poll[bool](condition, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

// has is a condition that the live part of a page holds text.
func has(text string) string {
	return `document.getElementById("live-root").innerText.includes(` + strconv.Quote(text) + `)`
}

// TestBrowserLiveQuestions opens one contribution on an audience phone,
// the presenter's screen and a moderator's phone: a question asked on the
// phone waits for approval, shows everywhere once approved, gains a vote,
// is pinned and marked answered, and a poll is answered, each change seen
// live on the other screens without reloading.
func TestBrowserLiveQuestions(t *testing.T) {
	s := storetest.SQLite(t)
	e := startUnlimited(t, s)
	_, manager := e.organizer("moderator@example.org")
	e.user("audience@example.org", false)
	talk := liveEvent(t, e, manager, "live", "public", "speaker@example.org")
	e.api("PUT", "/api/v1/events/live/live-settings", manager, map[string]any{"moderation": "pre", "guests": false, "window_minutes": 30})
	live := e.srv.URL + "/live/" + talk

	screen := browsertest.New(t, 1280, 800)
	mod := browsertest.New(t, 390, 844)
	phone := browsertest.New(t, 390, 844)
	signInBrowser(t, mod, e, "moderator@example.org")
	signInBrowser(t, phone, e, "audience@example.org")
	for _, open := range []struct {
		b    context.Context
		path string
	}{{screen, "/presenter?lang=en"}, {mod, "/moderate?lang=en"}, {phone, "?lang=en"}} {
		if err := chromedp.Do(open.b, chromedp.Navigate(live+open.path), chromedp.WaitVisible(chromedp.CSS("#live-root"))); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(500 * time.Millisecond) // the streams connect

	question := "How is the hydrogen stored in winter?"
	if err := chromedp.Do(phone, chromedp.SendKeys(chromedp.CSS("#text"), question), chromedp.Click(chromedp.CSS(".live-ask button"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, mod, "the question on the moderator's phone", has(question))
	waitFor(t, mod, "the approve button", `!!document.querySelector('[data-action="approve"]')`)
	if err := chromedp.Do(mod, chromedp.Click(chromedp.CSS(`[data-action="approve"]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, screen, "the approved question on the presenter's screen", has(question))
	waitFor(t, phone, "the approved question on the audience's phone", has(question))

	if err := chromedp.Do(phone, chromedp.Click(chromedp.CSS(".live-vote button"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, screen, "the vote on the presenter's screen", `document.querySelector("[data-votes]").textContent === "1"`)
	waitFor(t, mod, "the vote on the moderator's phone", `document.querySelector("[data-votes]").textContent === "1"`)

	if err := chromedp.Do(mod, chromedp.Click(chromedp.CSS(`[data-action="pin"]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, screen, "the pin on the presenter's screen", `!!document.querySelector(".live-question.pinned")`)
	waitFor(t, phone, "the pin on the audience's phone", has("Pinned"))

	err := chromedp.Do(mod,
		chromedp.Click(chromedp.CSS(".live-new-poll summary")),
		chromedp.SendKeys(chromedp.CSS("#question"), "Which storage do you trust?"),
		chromedp.SendKeys(chromedp.CSS("#options"), "Salt caverns\nTanks"),
		chromedp.Click(chromedp.CSS(".live-new-poll button")),
		chromedp.WaitVisible(chromedp.CSS(".live-poll")),
	)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, phone, "the poll on the audience's phone", `!!document.querySelector('.live-poll input[value="0"]')`)
	if err := chromedp.Do(phone, chromedp.Click(chromedp.CSS(`.live-poll input[value="0"]`)), chromedp.Click(chromedp.CSS(".live-poll button"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, screen, "the poll's result on the presenter's screen", `(document.querySelector(".live-results strong") || {}).textContent === "1"`)

	if err := chromedp.Do(mod, chromedp.Click(chromedp.CSS(`[data-action="answered"]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, phone, "the answered mark on the audience's phone", has("Answered"))
	waitFor(t, screen, "the answered question leaving the presenter's top", `!`+has(question))

	for name, b := range map[string]context.Context{"live-presenter": screen, "live-moderator": mod, "live-audience": phone} {
		browsertest.Screenshot(t, b, name)
		browsertest.NoHorizontalOverflow(t, b, name)
	}
}
