package server_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/store/storetest"
)

// browserAs signs a browser in as an account, signing out whoever was in.
func browserAs(t *testing.T, b context.Context, base, email string) {
	t.Helper()
	err := chromedp.Do(b,
		chromedp.Navigate(base+"/?lang=en"),
		chromedp.Evaluate[chromedp.Void](`(() => { const f = document.querySelector('form[action="/signout"]'); if (f) { f.submit(); } })()`),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/signin"]`)),
		chromedp.Navigate(base+"/signin?lang=en"),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(".account-name")),
	)
	if err != nil {
		t.Fatalf("sign in as %s: %v", email, err)
	}
}

// TestBrowserReviewerReviews has a reviewer open their list and the first
// abstract, rate it, submit the review and follow "next unreviewed"; and
// looks at the submission form, the reviewer's page and the decision list
// on a desktop and a phone.
func TestBrowserReviewerReviews(t *testing.T) {
	b := browsertest.New(t, 1280, 900) // first: without Chromium the test skips at once
	f := newPagesFixture(t, storetest.SQLite(t))
	f.openCall()
	f.submitAbstracts()
	f.assignThroughThePage()
	base := f.e.srv.URL
	browserAs(t, b, base, f.reviewers[0])
	ids := f.assigned(f.reviewers[0])
	if err := chromedp.Do(b, chromedp.Navigate(base+"/events/"+f.slug+"/reviews?lang=en")); err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, b, "review-list-desktop")
	err := chromedp.Do(b,
		chromedp.Click(chromedp.CSS("a[data-start-reviewing]")),
		chromedp.WaitVisible(chromedp.CSS("#review form")),
	)
	if err != nil {
		t.Fatalf("start reviewing: %v", err)
	}
	if loc, _ := chromedp.Run(b, chromedp.Location()); !strings.Contains(loc, "/abstracts/"+ids[0]) {
		t.Fatalf("start reviewing opened %s, want the first assigned abstract", loc)
	}
	browsertest.Screenshot(t, b, "review-abstract-desktop")
	rateAndGoNext(t, f, b, ids)
	lookAtReviewPages(t, f, b, "desktop")
	lookAtReviewPages(t, f, browsertest.New(t, 390, 844), "phone")
}

// lookAtReviewPages screenshots the submission form with a co-author to
// choose, the reviewer's abstract and the decision list, and checks that
// none is wider than the screen.
func lookAtReviewPages(t *testing.T, f *pagesFixture, b context.Context, size string) {
	t.Helper()
	base := f.e.srv.URL
	browserAs(t, b, base, "marat@mail.example")
	// The form comes back 422 to choose the co-author among the candidates.
	browsertest.Allow(b, `status of 422 \(Unprocessable Entity\) at .*/abstracts/new$`)
	err := chromedp.Do(b,
		chromedp.Navigate(base+"/events/"+f.slug+"/abstracts/new?lang=en"),
		chromedp.SendKeys(chromedp.CSS("#title"), "Renewable energy in Central Asia"),
		chromedp.SendKeys(chromedp.CSS("#content"), "Solar and wind power across the steppe, and what stands in their way."),
		chromedp.SendKeys(chromedp.CSS(`input[name="coauthor.0.name"]`), "Ivan Petrov"),
		chromedp.Submit(chromedp.CSS("#title")),
		chromedp.WaitVisible(chromedp.CSS("fieldset.candidates")),
	)
	if err != nil {
		t.Fatalf("submission form (%s): %v", size, err)
	}
	count, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS("[data-word-count]")))
	if !strings.Contains(count, "13 of at most 50 words") {
		t.Errorf("the word count reads %q", count)
	}
	browsertest.NoHorizontalOverflow(t, b, "submission form ("+size+")")
	browsertest.Screenshot(t, b, "review-submit-form-"+size)
	browserAs(t, b, base, f.reviewers[1])
	if err := chromedp.Do(b, chromedp.Navigate(base+"/abstracts/"+f.assigned(f.reviewers[1])[0]+"?lang=en"), chromedp.WaitVisible(chromedp.CSS("#review"))); err != nil {
		t.Fatal(err)
	}
	browsertest.NoHorizontalOverflow(t, b, "reviewer's abstract ("+size+")")
	browsertest.Screenshot(t, b, "review-abstract-"+size)
	browserAs(t, b, base, "chair@example.org")
	if err := chromedp.Do(b, chromedp.Navigate(base+"/events/"+f.slug+"/decisions?lang=en"), chromedp.WaitVisible(chromedp.CSS(".decision-table"))); err != nil {
		t.Fatal(err)
	}
	browsertest.NoHorizontalOverflow(t, b, "decision list ("+size+")")
	browsertest.Screenshot(t, b, "review-decisions-"+size)
	for _, page := range []string{"cfp", "cfp/edit"} {
		if err := chromedp.Do(b, chromedp.Navigate(base+"/events/"+f.slug+"/"+page+"?lang=en")); err != nil {
			t.Fatal(err)
		}
		browsertest.NoHorizontalOverflow(t, b, page+" ("+size+")")
		browsertest.Screenshot(t, b, "review-"+strings.ReplaceAll(page, "/", "-")+"-"+size)
	}
}

// rateAndGoNext rates the open abstract, submits the review and follows
// "next unreviewed" to the second abstract assigned.
func rateAndGoNext(t *testing.T, f *pagesFixture, b context.Context, ids []string) {
	t.Helper()
	q := f.questions
	err := chromedp.Do(b,
		chromedp.Click(chromedp.CSS(`input[name="ratings.`+q[0]+`"][value="4"]`)),
		chromedp.Click(chromedp.CSS(`input[name="ratings.`+q[1]+`"][value="5"]`)),
		chromedp.Click(chromedp.CSS(`input[name="ratings.`+q[2]+`"][value="1"]`)),
		chromedp.SendKeys(chromedp.CSS("#comment_to_authors"), "A clear and timely study."),
		chromedp.Click(chromedp.CSS(`button[value="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".alert.success")),
	)
	if err != nil {
		t.Fatalf("submit the review: %v", err)
	}
	if notice, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS(".alert.success"))); !strings.Contains(notice, "Your review was submitted") {
		t.Errorf("after submitting, the notice reads %q", notice)
	}
	if rv := f.reviewOf(ids[0], f.reviewers[0]); rv == nil || !rv.Submitted || rv.Ratings[q[0]] != 4 || rv.CommentToAuthors != "A clear and timely study." {
		t.Errorf("the stored review = %+v", rv)
	}
	browsertest.Screenshot(t, b, "review-submitted-desktop")
	err = chromedp.Do(b, chromedp.Click(chromedp.CSS("a[data-next-unreviewed]")), chromedp.WaitVisible(chromedp.CSS("#review form")))
	if err != nil {
		t.Fatalf("next unreviewed: %v", err)
	}
	if loc, _ := chromedp.Run(b, chromedp.Location()); !strings.Contains(loc, "/abstracts/"+ids[1]) {
		t.Errorf("next unreviewed opened %s, want %s", loc, ids[1])
	}
}
