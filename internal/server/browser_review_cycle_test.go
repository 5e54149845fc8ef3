package server_test

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"symposium"
	"symposium/internal/browsertest"
	"symposium/internal/store/storetest"
)

// cycleAbstract is one submission of the browser's review cycle: who
// sends it, in what language, and what becomes of it.
type cycleAbstract struct {
	author, lang, title, content string
	track                        int    // index into the call's tracks
	typ                          string // talk or poster
	rating                       int    // what every reviewer gives it, on both questions
	decision                     string // the value chosen on the decision list
}

// cycleAbstracts are the three submissions, in Kazakh, Chinese and
// Russian: the first two are accepted, the third is not.
var cycleAbstracts = []cycleAbstract{
	{author: "aigerim@center.example", lang: "kk", title: "Қазақстан мен Қытай арасындағы цифрлық экономика",
		content: "Цифрлық сауда мен логистиканың дамуы.", track: 0, typ: "talk", rating: 5, decision: "accept:talk"},
	{author: "lina@tsinghua.example", lang: "zh", title: "中哈科技合作的新阶段",
		content: "本文讨论中哈两国在科技领域的合作。", track: 1, typ: "talk", rating: 4, decision: "accept:poster"},
	{author: "marat@mail.example", lang: "ru", title: "Водные ресурсы Центральной Азии",
		content: "Доклад о совместном управлении водными ресурсами.", track: 1, typ: "poster", rating: 2, decision: "reject"},
}

// TestBrowserReviewCycle runs a whole call for abstracts in the browser,
// through the pages alone: the manager opens the call, three authors
// submit, the manager adds reviewers and assigns them automatically, the
// reviewers review, the manager decides and releases, and the accepted
// abstracts wait unscheduled in the programme editor.
func TestBrowserReviewCycle(t *testing.T) {
	b := browsertest.New(t, 1280, 900) // first: without Chromium the test skips at once
	f := newPagesFixture(t, storetest.SQLite(t))
	openCallInBrowser(t, f, b)
	submitInBrowser(t, f, b)
	assignInBrowser(t, f, b)
	reviewInBrowser(t, f, b)
	decideInBrowser(t, f, b)
	releaseInBrowser(t, f, b)
	checkEditorInBrowser(t, f, b)
}

// loadAfterClick clicks an element that submits a form and waits for the
// page the browser lands on, which must come with status 200.
func loadAfterClick(t *testing.T, b context.Context, sel, step string) {
	t.Helper()
	resp, err := chromedp.RunResponse(b, chromedp.Click(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if resp.Status != http.StatusOK {
		t.Fatalf("%s: the page came with status %d", step, resp.Status)
	}
}

// textOf returns the text of the first element matching a selector.
func textOf(t *testing.T, b context.Context, sel string) string {
	t.Helper()
	text, err := chromedp.Run(b, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("read %s: %v", sel, err)
	}
	return text
}

// openCallInBrowser has the manager fill the call's setup form: open
// since two hours ago for two hours more, 50 words, two tracks and two
// rating questions; blind review, talks and posters are the defaults.
func openCallInBrowser(t *testing.T, f *pagesFixture, b context.Context) {
	t.Helper()
	base := f.e.srv.URL
	browserAs(t, b, base, "chair@example.org")
	err := chromedp.Do(b,
		chromedp.Navigate(base+"/events/"+f.slug+"/cfp/edit?lang=en"),
		chromedp.SetValue(chromedp.CSS("#opens_at"), local(time.Now().Add(-2*time.Hour))),
		chromedp.SetValue(chromedp.CSS("#closes_at"), local(time.Now().Add(2*time.Hour))),
		chromedp.SetValue(chromedp.CSS("#word_limit"), "50"),
		chromedp.SendKeys(chromedp.CSS(`input[name="tracks.0.name.en"]`), "Economy"),
		chromedp.SendKeys(chromedp.CSS(`input[name="tracks.1.name.en"]`), "Technology"),
		chromedp.SendKeys(chromedp.CSS(`input[name="questions.0.text.en"]`), "Originality"),
		chromedp.SetValue(chromedp.CSS(`select[name="questions.0.kind"]`), symposium.ReviewRating),
		chromedp.SendKeys(chromedp.CSS(`input[name="questions.0.min"]`), "1"),
		chromedp.SendKeys(chromedp.CSS(`input[name="questions.0.max"]`), "5"),
		chromedp.SendKeys(chromedp.CSS(`input[name="questions.0.weight"]`), "2"),
		chromedp.SendKeys(chromedp.CSS(`input[name="questions.1.text.en"]`), "Clarity"),
		chromedp.SetValue(chromedp.CSS(`select[name="questions.1.kind"]`), symposium.ReviewRating),
		chromedp.SendKeys(chromedp.CSS(`input[name="questions.1.min"]`), "1"),
		chromedp.SendKeys(chromedp.CSS(`input[name="questions.1.max"]`), "5"),
	)
	if err != nil {
		t.Fatalf("fill the call's form: %v", err)
	}
	loadAfterClick(t, b, `form[action$="/cfp/edit"] button[type="submit"]`, "save the call")
	if page := textOf(t, b, "main"); !strings.Contains(page, "Economy") || !strings.Contains(page, "Technology") {
		t.Errorf("the call's page lacks its tracks: %q", page)
	}
	c, err := f.s.Call(ctx, f.event)
	if err != nil || len(c.Tracks) != 2 || len(c.Questions) != 2 || !c.Blind || c.WordLimit != 50 || c.Questions[0].Weight != 2 {
		t.Fatalf("stored call = %+v, %v", c, err)
	}
	for _, tr := range c.Tracks {
		f.tracks = append(f.tracks, tr.ID)
	}
	for _, q := range c.Questions {
		f.questions = append(f.questions, q.ID)
	}
}

// submitInBrowser has each author sign in and submit an abstract through
// the submission form, and keeps the abstracts' IDs in f.abstracts.
func submitInBrowser(t *testing.T, f *pagesFixture, b context.Context) {
	t.Helper()
	for _, a := range cycleAbstracts {
		f.abstracts = append(f.abstracts, submitOne(t, f, b, a))
	}
	list, err := f.s.EventAbstracts(ctx, f.event)
	if err != nil || len(list) != len(cycleAbstracts) {
		t.Fatalf("the event's abstracts = %d, %v", len(list), err)
	}
	for i, a := range cycleAbstracts {
		got, err := f.s.Abstract(ctx, f.abstracts[i])
		if err != nil || got.Language != a.lang || got.Title[a.lang] != a.title || got.Content[a.lang] != a.content ||
			got.TrackID != f.tracks[a.track] || got.Type != a.typ || got.Status != symposium.AbstractSubmitted {
			t.Errorf("the stored %s abstract = %+v, %v", a.lang, got, err)
		}
	}
}

// submitOne fills and sends the submission form as the abstract's
// author, and returns the ID of the abstract the browser lands on.
func submitOne(t *testing.T, f *pagesFixture, b context.Context, a cycleAbstract) string {
	t.Helper()
	base := f.e.srv.URL
	browserAs(t, b, base, a.author)
	err := chromedp.Do(b,
		chromedp.Navigate(base+"/events/"+f.slug+"/abstracts/new?lang=en"),
		chromedp.SetValue(chromedp.CSS("#language"), a.lang),
		chromedp.SetValue(chromedp.CSS("#track"), f.tracks[a.track]),
		chromedp.Click(chromedp.CSS(`input[name="type"][value="`+a.typ+`"]`)),
		chromedp.SendKeys(chromedp.CSS("#title"), a.title),
		chromedp.SendKeys(chromedp.CSS("#content"), a.content),
	)
	if err != nil {
		t.Fatalf("fill the %s submission: %v", a.lang, err)
	}
	loadAfterClick(t, b, `form.abstract-form button[type="submit"]`, "submit the "+a.lang+" abstract")
	if notice := textOf(t, b, ".alert.success"); !strings.Contains(notice, "Your abstract was submitted") {
		t.Errorf("after submitting the %s abstract, the notice reads %q", a.lang, notice)
	}
	if title := textOf(t, b, "article.abstract h2"); title != a.title {
		t.Errorf("the %s abstract's page is titled %q", a.lang, title)
	}
	loc, err := chromedp.Run(b, chromedp.Location())
	if err != nil || !strings.Contains(loc, "/abstracts/") {
		t.Fatalf("after submitting the %s abstract the browser is at %q, %v", a.lang, loc, err)
	}
	return strings.Split(loc[strings.Index(loc, "/abstracts/")+len("/abstracts/"):], "?")[0]
}

// assignInBrowser has the manager add the three reviewers on the decision
// list, preview an automatic assignment of two reviewers an abstract and
// apply it.
func assignInBrowser(t *testing.T, f *pagesFixture, b context.Context) {
	t.Helper()
	base := f.e.srv.URL
	browserAs(t, b, base, "chair@example.org")
	for _, r := range f.reviewers {
		err := chromedp.Do(b,
			chromedp.Navigate(base+"/events/"+f.slug+"/decisions?lang=en"),
			chromedp.SendKeys(chromedp.CSS("#reviewer_email"), r),
		)
		if err != nil {
			t.Fatalf("type the reviewer %s: %v", r, err)
		}
		loadAfterClick(t, b, `#reviewers form button[type="submit"]`, "add the reviewer "+r)
		if list := textOf(t, b, "#reviewers .entry-list"); !strings.Contains(list, r) {
			t.Errorf("the reviewers listed lack %s: %q", r, list)
		}
	}
	if err := chromedp.Do(b, chromedp.SetValue(chromedp.CSS(`#assign input[name="k"]`), "2")); err != nil {
		t.Fatal(err)
	}
	loadAfterClick(t, b, `#assign button[value="preview"]`, "preview the assignment")
	if proposal := textOf(t, b, ".proposal h4"); !strings.Contains(proposal, "Proposed: 6 new assignments") {
		t.Errorf("the preview reads %q", proposal)
	}
	if list, _ := f.s.EventAssignments(ctx, f.event); len(list) != 0 {
		t.Fatalf("the preview assigned %d reviewers", len(list))
	}
	loadAfterClick(t, b, `.proposal button[value="apply"]`, "apply the assignment")
	if notice := textOf(t, b, ".alert.success"); !strings.Contains(notice, "6 reviewers were assigned") {
		t.Errorf("after applying, the notice reads %q", notice)
	}
	if list, _ := f.s.EventAssignments(ctx, f.event); len(list) != 6 {
		t.Fatalf("assignments = %d, want 6", len(list))
	}
}

// reviewInBrowser has every reviewer rate and submit a review of each
// abstract assigned to them.
func reviewInBrowser(t *testing.T, f *pagesFixture, b context.Context) {
	t.Helper()
	for _, r := range f.reviewers {
		browserAs(t, b, f.e.srv.URL, r)
		ids := f.assigned(r)
		if len(ids) != 2 {
			t.Fatalf("%s has %d abstracts to review, want 2", r, len(ids))
		}
		for _, id := range ids {
			reviewOne(t, f, b, r, id)
		}
	}
}

// reviewOne opens an abstract as its reviewer, rates it on both
// questions, writes to the authors and submits the review.
func reviewOne(t *testing.T, f *pagesFixture, b context.Context, reviewer, id string) {
	t.Helper()
	rating := cycleAbstracts[indexOf(t, f, id)].rating
	value := strconv.Itoa(rating)
	q := f.questions
	err := chromedp.Do(b,
		chromedp.Navigate(f.e.srv.URL+"/abstracts/"+id+"?lang=en"),
		chromedp.WaitVisible(chromedp.CSS("#review form")),
		chromedp.Click(chromedp.CSS(`input[name="ratings.`+q[0]+`"][value="`+value+`"]`)),
		chromedp.Click(chromedp.CSS(`input[name="ratings.`+q[1]+`"][value="`+value+`"]`)),
		chromedp.SendKeys(chromedp.CSS("#comment_to_authors"), "Reviewed in the browser."),
	)
	if err != nil {
		t.Fatalf("%s rates %s: %v", reviewer, id, err)
	}
	loadAfterClick(t, b, `button[value="submit"]`, reviewer+" submits the review of "+id)
	if notice := textOf(t, b, ".alert.success"); !strings.Contains(notice, "Your review was submitted") {
		t.Errorf("after %s submitted, the notice reads %q", reviewer, notice)
	}
	if rv := f.reviewOf(id, reviewer); rv == nil || !rv.Submitted || rv.Ratings[q[0]] != rating || rv.Ratings[q[1]] != rating ||
		rv.CommentToAuthors != "Reviewed in the browser." {
		t.Errorf("the stored review by %s = %+v", reviewer, rv)
	}
}

// indexOf returns the position of an abstract in f.abstracts.
func indexOf(t *testing.T, f *pagesFixture, id string) int {
	t.Helper()
	for i, a := range f.abstracts {
		if a == id {
			return i
		}
	}
	t.Fatalf("abstract %s was not submitted in this test", id)
	return -1
}

// decideInBrowser has the manager choose a decision on each row of the
// decision list and save it, accepting two abstracts and rejecting one.
func decideInBrowser(t *testing.T, f *pagesFixture, b context.Context) {
	t.Helper()
	browserAs(t, b, f.e.srv.URL, "chair@example.org")
	path := f.e.srv.URL + "/events/" + f.slug + "/decisions?lang=en"
	if err := chromedp.Do(b, chromedp.Navigate(path)); err != nil {
		t.Fatal(err)
	}
	if table := textOf(t, b, ".decision-table"); strings.Count(table, "2 of 2") != 3 {
		t.Errorf("the decision list does not count two reviews of each abstract: %q", table)
	}
	for i, a := range cycleAbstracts {
		id := f.abstracts[i]
		if err := chromedp.Do(b, chromedp.SetValue(chromedp.CSS(`select[name="decision.`+id+`"]`), a.decision)); err != nil {
			t.Fatal(err)
		}
		loadAfterClick(t, b, `button[name="one"][value="`+id+`"]`, "decide on the "+a.lang+" abstract")
		if status := statusCell(t, b, id); !strings.Contains(status, "not released") {
			t.Errorf("the %s abstract's status reads %q before the release", a.lang, status)
		}
	}
	if bar := textOf(t, b, ".release-bar"); !strings.Contains(bar, "3 decisions wait to be released.") {
		t.Errorf("the release bar reads %q", bar)
	}
	for i, a := range cycleAbstracts {
		got, _ := f.s.Abstract(ctx, f.abstracts[i])
		if got.Decision == nil || got.Decision.Released || (a.decision == "reject") != (got.Decision.Outcome == "reject") {
			t.Errorf("the %s abstract's stored decision = %+v", a.lang, got.Decision)
		}
	}
}

// statusCell returns the status column of an abstract's row on the
// decision list.
func statusCell(t *testing.T, b context.Context, id string) string {
	t.Helper()
	return textOf(t, b, `.decision-table tr:has(input[name="ids"][value="`+id+`"]) td:nth-child(8)`)
}

// releaseInBrowser has the manager release the decisions, and checks the
// list's statuses and the store.
func releaseInBrowser(t *testing.T, f *pagesFixture, b context.Context) {
	t.Helper()
	if err := chromedp.Do(b, chromedp.Click(chromedp.CSS(`.release-confirm summary`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/decisions/release"] button[type="submit"]`))); err != nil {
		t.Fatalf("open the release's confirmation: %v", err)
	}
	if ask := textOf(t, b, `form[action$="/decisions/release"] p`); !regexp.MustCompile(`Releasing sends [1-9]\d* mails? to the authors`).MatchString(ask) {
		t.Errorf("the release's confirmation reads %q; want how many mails go out", ask)
	}
	loadAfterClick(t, b, `form[action$="/decisions/release"] button[type="submit"]`, "release the decisions")
	if notice := textOf(t, b, ".alert.success"); !strings.Contains(notice, "3 decisions were released") {
		t.Errorf("after the release, the notice reads %q", notice)
	}
	want := map[string]string{"accept:talk": "Accepted", "accept:poster": "Accepted", "reject": "Not accepted"}
	status := map[string]string{"accept:talk": symposium.AbstractAccepted, "accept:poster": symposium.AbstractAccepted, "reject": symposium.AbstractRejected}
	for i, a := range cycleAbstracts {
		id := f.abstracts[i]
		if cell := statusCell(t, b, id); !strings.HasPrefix(cell, want[a.decision]) || strings.Contains(cell, "not released") {
			t.Errorf("the %s abstract's status reads %q, want %s", a.lang, cell, want[a.decision])
		}
		got, _ := f.s.Abstract(ctx, id)
		if got.Status != status[a.decision] || got.Decision == nil || !got.Decision.Released {
			t.Errorf("the %s abstract is stored %s, decision %+v", a.lang, got.Status, got.Decision)
		}
	}
}

// checkEditorInBrowser opens the programme editor and finds the two
// accepted abstracts in its tray of unscheduled entries, and not the
// rejected one; the store holds the same two contributions.
func checkEditorInBrowser(t *testing.T, f *pagesFixture, b context.Context) {
	t.Helper()
	if err := chromedp.Do(b, chromedp.Navigate(f.e.srv.URL+"/events/"+f.slug+"/editor?lang=en")); err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, b, "review-cycle-editor")
	entries := textOf(t, b, `aside[aria-labelledby="tray-heading"]`)
	for _, a := range cycleAbstracts {
		shown := strings.Contains(entries, a.title)
		if accepted := a.decision != "reject"; shown != accepted {
			t.Errorf("the editor shows the %s abstract: %v, want %v", a.lang, shown, accepted)
		}
	}
	n, err := chromedp.Run(b, chromedp.Evaluate[int](`document.querySelectorAll('aside[aria-labelledby="tray-heading"] .entry-list > li').length`))
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("the tray lists %d unscheduled entries, want 2: %q", n, entries)
	}
	list, err := f.s.Contributions(ctx, f.event)
	if err != nil || len(list) != 2 {
		t.Fatalf("contributions = %d, %v", len(list), err)
	}
	want := map[string]string{cycleAbstracts[0].title: "talk", cycleAbstracts[1].title: "poster"}
	for _, c := range list {
		title := c.Title[cycleAbstracts[0].lang] + c.Title[cycleAbstracts[1].lang]
		if kind, ok := want[title]; !ok || c.Kind != kind || c.StartsAt != nil {
			t.Errorf("contribution %q is a %s starting at %v", title, c.Kind, c.StartsAt)
		}
		delete(want, title)
	}
}
