package server_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/matchmaking/mmtest"
	"symposium/internal/store/storetest"
)

// TestBrowserMatchmaking runs matchmaking in Chromium: the manager opens
// it, three participants write their profiles in Kazakh, Chinese and
// Russian, Aigerim reads her recommendations with their reasons and asks
// Wei and Olga for meetings, Wei accepts and Olga declines, the manager
// previews and publishes the schedule, Aigerim finds her meeting at her
// booth's table, subscribes to her calendar feed and marks "we met", and
// the dashboard counts it all; on a desktop and a phone.
func TestBrowserMatchmaking(t *testing.T) {
	b := browsertest.New(t, 1280, 900) // first: without Chromium the test skips at once
	s := storetest.SQLite(t)
	m := newMMEnv(t, s)
	base := m.e.srv.URL
	mm := base + "/events/astana/matchmaking"

	browserAs(t, b, base, "manager@example.org")
	mmRun(t, b, "open matchmaking",
		chromedp.Navigate(mm+"/settings?lang=en"),
		chromedp.SetValue(chromedp.CSS("#opens_at"), "2024-01-01T09:00"),
		chromedp.SetValue(chromedp.CSS("#closes_at"), "2099-01-01T09:00"),
		chromedp.SetValue(chromedp.CSS("#requests_per_person"), "5"),
		chromedp.Click(chromedp.CSS(`input[name="industry_science"]`)),
		chromedp.SetValue(chromedp.CSS("#periods"), "2030-05-22 15:00-16:00 20 2"),
		chromedp.SetValue(chromedp.CSS("#tables"), "10 | Booth A | "+m.person["aigerim"]),
		chromedp.Submit(chromedp.CSS("#periods")),
		chromedp.WaitVisible(chromedp.CSS(".mm-steps, .print-table")),
	)
	browsertest.Screenshot(t, b, "mm-home-manager")

	for _, p := range []struct{ who, lang, offers, seeks string }{
		{"aigerim", "kk", "Катализ жабдықтары; catalysis equipment", "hydrogen storage research partners"},
		{"wei", "zh", "氢能储存研究; hydrogen storage research", "industrial catalysis partners"},
		{"olga", "ru", "Катализаторы и их испытания", "Партнёры по водородной энергетике"},
	} {
		browserAs(t, b, base, m.email[p.who])
		mmRun(t, b, "profile of "+p.who,
			chromedp.Navigate(mm+"/profile?lang="+p.lang),
			chromedp.SetValue(chromedp.CSS(`textarea[name="offers.`+p.lang+`"]`), p.offers),
			chromedp.SetValue(chromedp.CSS(`textarea[name="seeks.`+p.lang+`"]`), p.seeks),
			chromedp.Evaluate[chromedp.Void](`document.querySelector('#topics option[value="2.4"]').selected = true`),
			chromedp.Click(chromedp.CSS(`input[name="languages"][value="en"]`)),
		)
		if p.who == "aigerim" {
			browsertest.Screenshot(t, b, "mm-profile-kk")
		}
		mmRun(t, b, "save the profile of "+p.who, chromedp.Submit(chromedp.CSS(`textarea[name="seeks.`+p.lang+`"]`)),
			chromedp.WaitVisible(chromedp.CSS("#recommendations")))
	}

	browserAs(t, b, base, m.email["aigerim"])
	mmRun(t, b, "recommendations", chromedp.Navigate(mm+"/recommendations?lang=en"), chromedp.WaitVisible(chromedp.CSS(".mm-reasons")))
	reasons := mmText(t, b, ".mm-recommendations > li:first-child .mm-reasons")
	if !strings.Contains(reasons, "seeks what you offer") || !strings.Contains(reasons, "industry meets science") {
		t.Errorf("Aigerim's first recommendation says %q", reasons)
	}
	browsertest.Screenshot(t, b, "mm-recommendations-desktop")
	for _, to := range []string{"wei", "olga"} {
		mmRun(t, b, "ask "+to,
			chromedp.Navigate(mm+"/people/"+m.person[to]+"?lang=en"),
			chromedp.SetValue(chromedp.CSS("#priority"), "3"),
			chromedp.SetValue(chromedp.CSS("#message"), "Shall we talk about catalysis?"),
			chromedp.Submit(chromedp.CSS("#message")),
			chromedp.WaitVisible(chromedp.CSS(".notice, .mm-requests")),
		)
	}
	answerInBrowser(t, b, base, m.email["wei"], mm+"/requests?lang=zh", "accept")
	browsertest.Screenshot(t, b, "mm-requests-zh")
	answerInBrowser(t, b, base, m.email["olga"], mm+"/requests?lang=ru", "decline")

	browserAs(t, b, base, "manager@example.org")
	mmRun(t, b, "preview", chromedp.Navigate(mm+"/schedule?lang=en"), chromedp.Click(chromedp.CSS(`button[value="preview"]`)),
		chromedp.WaitVisible(chromedp.CSS(".mm-score")))
	mmRun(t, b, "publish", chromedp.Click(chromedp.CSS(`button[value="publish"]`)), chromedp.WaitVisible(chromedp.CSS(".alert.success")))
	if score := mmText(t, b, ".mm-score"); !strings.Contains(score, "Total weight 3; no schedule can exceed 3") {
		t.Errorf("schedule: %q", score)
	}
	browsertest.Screenshot(t, b, "mm-schedule")
	if live := mmtest.CheckPublished(t, s, m.eventID); len(live) != 1 {
		t.Fatalf("%d meetings published, want 1", len(live))
	}

	browserAs(t, b, base, m.email["aigerim"])
	mmRun(t, b, "agenda", chromedp.Navigate(mm+"/agenda?lang=en"), chromedp.WaitVisible(chromedp.CSS(".mm-meeting")))
	if table := mmText(t, b, ".mm-meeting .mm-table"); table != "Table Booth A" {
		t.Errorf("Aigerim's meeting is at %q", table)
	}
	feed, err := chromedp.Run(b, chromedp.Evaluate[string](`document.querySelector('a.mm-feed').getAttribute('href')`))
	if err != nil {
		t.Fatal(err)
	}
	checkFeed(t, m.e, feed, 1)
	browsertest.Screenshot(t, b, "mm-agenda-desktop")
	mmRun(t, b, "phone", chromedp.EmulateViewport(390, 844))
	browsertest.NoHorizontalOverflow(t, b, "the agenda on a phone")
	browsertest.Screenshot(t, b, "mm-agenda-phone")
	mmRun(t, b, "we met", chromedp.Click(chromedp.CSS(`.mm-meeting form input[value="held"] ~ button`)),
		chromedp.WaitNotPresent(chromedp.CSS(`.mm-meeting form[action$="/mark"]`)))
	mmRun(t, b, "follow-up planned", chromedp.Click(chromedp.CSS(`.mm-follow-up input[value="yes"]`)),
		chromedp.SetValue(chromedp.CSS(`.mm-follow-up input[name="text"]`), "A joint catalysis pilot"),
		chromedp.Submit(chromedp.CSS(`.mm-follow-up input[name="text"]`)),
		chromedp.WaitVisible(chromedp.CSS(".mm-follow-up strong")))
	browsertest.NoHorizontalOverflow(t, b, "the follow-up on a phone")
	mmRun(t, b, "scan form", chromedp.Navigate(mm+"/meet?lang=kk"), chromedp.WaitVisible(chromedp.CSS("#ticket")))
	browsertest.NoHorizontalOverflow(t, b, "the scan form on a phone")
	mmRun(t, b, "scan the table", chromedp.SetValue(chromedp.CSS("#table"), "10"), chromedp.Submit(chromedp.CSS("#table")),
		chromedp.WaitVisible(chromedp.CSS(".mm-meeting")))
	if table := mmText(t, b, ".mm-meeting .mm-table"); !strings.Contains(table, "Booth A") {
		t.Errorf("the scan of table 10 finds %q", table)
	}
	browsertest.Screenshot(t, b, "mm-meet-phone-kk")
	mmRun(t, b, "catalogue", chromedp.Navigate(mm+"/people?lang=en&q=Olga+Ivanova"), chromedp.WaitVisible(chromedp.CSS(".mm-cards")))
	if found := mmText(t, b, ".mm-cards"); !strings.Contains(found, "Ольга Иванова") || strings.Contains(found, "王伟") {
		t.Errorf("searching Olga Ivanova finds %q", found)
	}
	browsertest.NoHorizontalOverflow(t, b, "the catalogue on a phone")
	browsertest.Screenshot(t, b, "mm-catalogue-phone")

	browserAs(t, b, base, "manager@example.org")
	mmRun(t, b, "table codes", chromedp.Navigate(mm+"/tables?lang=zh"), chromedp.WaitVisible(chromedp.CSS(".mm-code svg")))
	browsertest.NoHorizontalOverflow(t, b, "the table codes on a phone")
	mmRun(t, b, "dashboard", chromedp.Navigate(mm+"/dashboard?lang=ru"), chromedp.WaitVisible(chromedp.CSS(".mm-counts")))
	browsertest.NoHorizontalOverflow(t, b, "the dashboard on a phone")
	browsertest.Screenshot(t, b, "mm-dashboard-phone-ru")
	for count, want := range map[string]string{"sent": "2", "accepted": "1", "declined": "1", "held": "1", "no_shows": "0"} {
		if got := mmText(t, b, `dd[data-count="`+count+`"]`); got != want {
			t.Errorf("dashboard %s = %s, want %s", count, got, want)
		}
	}
}

// mmRun runs browser actions and fails the test, naming the step, on error.
func mmRun(t *testing.T, b context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b, actions...); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// mmText returns the text of the first element matching a selector.
func mmText(t *testing.T, b context.Context, sel string) string {
	t.Helper()
	js, _ := json.Marshal(sel)
	s, err := chromedp.Run(b, chromedp.Evaluate[string](`(document.querySelector(`+string(js)+`) || {innerText: ""}).innerText.trim()`))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// answerInBrowser signs in as the receiver and accepts or declines the first
// request they received.
func answerInBrowser(t *testing.T, b context.Context, base, email, page, action string) {
	t.Helper()
	browserAs(t, b, base, email)
	mmRun(t, b, action+" as "+email, chromedp.Navigate(page),
		chromedp.Click(chromedp.CSS(`form[action$="/`+action+`"] button`)),
		chromedp.WaitNotPresent(chromedp.CSS(`form[action$="/`+action+`"]`)))
}
