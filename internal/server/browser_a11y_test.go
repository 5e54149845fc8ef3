package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"symposium"
	"symposium/internal/browsertest"
	"symposium/internal/demo"
	"symposium/internal/store/storetest"
)

// a11yPages are the pages the accessibility audit opens as an
// administrator of the demo event, who sees every part of them.
func a11yPages(ev string) []string {
	return []string{"/", "/events/new", ev, ev + "/edit", ev + "/timetable", ev + "/speakers", ev + "/roles",
		ev + "/registrations", ev + "/registration-form", ev + "/participants", ev + "/invitations", ev + "/checkin",
		ev + "/checkin?q=a", ev + "/register", ev + "/cfp", ev + "/cfp/edit", ev + "/audit", "/search?q=Shaimer",
		"/people/new", "/people/duplicates", "/organizations/new", "/admin/users", "/admin/site", "/admin/mail",
		"/admin/audit", "/account", "/account/tokens", "/my"}
}

// a11yPublicPages are the pages the audit opens signed out.
var a11yPublicPages = []string{"/signin", "/signup", "/password/forgot", "/signin/email"}

// TestBrowserAccessibility opens every kind of page in English and Kazakh
// on a desktop and at 320 px: the audit every browser test runs (axe-core
// with the WCAG 2.2 A and AA rules, no sideways scrolling, no focused
// element under a sticky header) must find nothing. It also tabs through
// the first stops of each page, so that the focus check sees them.
func TestBrowserAccessibility(t *testing.T) {
	browsertest.RequireAxe(t)
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	e := start(t, s, false)
	_, token := e.user("admin@example.org", true)
	a11yData(t, e, token)
	ev := "/events/" + demo.Slug
	for _, width := range []int{1280, 320} {
		for _, lang := range []string{"en", "kk"} {
			t.Run(fmt.Sprintf("%s-%d", lang, width), func(t *testing.T) {
				b := browsertest.New(t, width, 800)
				for _, page := range a11yPublicPages {
					auditPage(t, b, e.srv.URL, page, lang, 0)
				}
				browserAs(t, b, e.srv.URL, "admin@example.org")
				for _, page := range a11yPages(ev) {
					auditPage(t, b, e.srv.URL, page, lang, 25)
				}
				if n := len(browsertest.Audited(b)); n < len(a11yPages(ev))+len(a11yPublicPages) {
					t.Errorf("%d pages audited; want at least %d", n, len(a11yPages(ev))+len(a11yPublicPages))
				}
			})
		}
	}
}

// auditPage opens one page in the language, waits for its audit and
// presses Tab up to tabs times, so that each focused element is checked.
func auditPage(t *testing.T, b context.Context, base, page, lang string, tabs int) {
	t.Helper()
	sep := "?"
	if strings.Contains(page, "?") {
		sep = "&"
	}
	if err := chromedp.Do(b, chromedp.Navigate(base+page+sep+"lang="+lang)); err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	browsertest.AwaitAudit(b)
	for i := 0; i < tabs; i++ {
		if err := chromedp.Do(b, chromedp.KeyEvent("\t")); err != nil {
			t.Fatalf("%s: tab: %v", page, err)
		}
	}
	browsertest.Screenshot(t, b, strings.ReplaceAll(t.Name(), "/", "-")+strings.NewReplacer("/", "-", "?", "-", "=", "-").Replace(page))
}

// a11yData gives the demo event what the manager's tables show, with the
// long names and addresses that widen them: registrations, an invitation
// and a team member.
func a11yData(t *testing.T, e *env, token string) {
	t.Helper()
	api := "/api/v1/events/" + demo.Slug
	cat := e.mustAPI("POST", api+"/registration-categories", token, map[string]any{
		"name": map[string]string{"en": "Participant", "kk": "Қатысушы"}, "capacity": 50, "waitlist": true}, 201)["id"]
	people := []map[string]string{
		{"en": "Nurgaliyeva Aigerim Bakhytzhanovna", "kk": "Нұрғалиева Әйгерім Бақытжанқызы"},
		{"en": "Zhang Wei", "zh": "张伟"},
		{"en": "Konstantinopolskaya Yekaterina", "ru": "Константинопольская Екатерина"},
	}
	// The demo event is over, so its registration is closed: the
	// registrations go straight into the store.
	ev, err := e.store.EventBySlug(ctx, demo.Slug)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range people {
		email := fmt.Sprintf("participant.with.a.long.address.%d@international-research-centre.example.org", i)
		r := &symposium.Registration{EventID: ev.ID, CategoryID: cat.(string), Email: email, Name: symposium.LocalizedText(name),
			Organization: "Kazakhstan–China Research Center", Language: "en", EmailConfirmed: true}
		if err := e.store.Register(ctx, r, "a11y-"+email, time.Now(), nil); err != nil {
			t.Fatal(err)
		}
	}
	e.mustAPI("POST", api+"/invitations", token, map[string]any{"email": "official.delegation.head@ministry-of-science.example.kz",
		"category_id": cat, "name": map[string]string{"kk": "Делегация басшысы"}, "language": "kk"}, 201)
	e.user("checkin.volunteer.with.a.long.address@international-research-centre.example.org", false)
	e.mustAPI("POST", api+"/roles", token, map[string]any{"email": "checkin.volunteer.with.a.long.address@international-research-centre.example.org", "role": "checkin"}, 201)
}

// TestBrowserErrorsAndConfirmations sends the registration form empty
// and finds the error summary focused, listing each field as a link in
// the form's order, and the fields marked invalid and described by their
// errors; then asks to cancel registrations in bulk and finds the question
// before anything changed.
func TestBrowserErrorsAndConfirmations(t *testing.T) {
	b := browsertest.New(t, 1024, 800)
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	e := start(t, s, false)
	_, token := e.user("admin@example.org", true)
	a11yData(t, e, token)
	ev := e.srv.URL + "/events/" + demo.Slug
	browserAs(t, b, e.srv.URL, "admin@example.org")
	browsertest.Allow(b, `status of 422 .* at .*/register$`)
	err := chromedp.Do(b,
		chromedp.Navigate(ev+"/register?lang=kk"),
		chromedp.Submit(chromedp.CSS(`form[action$="/register"]`)),
		chromedp.WaitVisible(chromedp.CSS("#form-errors")),
		chromedp.Click(chromedp.CSS(`[name=category_id]`)),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#name").value = ""; document.querySelector("#email").value = "not an address"`),
		chromedp.Submit(chromedp.CSS(`form[action$="/register"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#form-errors a[href="#name"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(b, chromedp.Evaluate[map[string]any](`(() => {
		const s = document.querySelector("#form-errors");
		const links = [...s.querySelectorAll("a")].map(a => a.getAttribute("href"));
		const name = document.querySelector("#name"), email = document.querySelector("#email");
		return {focused: document.activeElement === s, links: links, text: s.textContent,
			name: name.getAttribute("aria-invalid") + " " + name.getAttribute("aria-describedby"),
			email: email.getAttribute("aria-invalid") + " " + email.getAttribute("aria-describedby")};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got["focused"] != true {
		t.Error("the error summary does not take focus")
	}
	links, _ := got["links"].([]any)
	// The demo event is over, so the category is refused too, before the
	// name and the email in the form's order.
	if len(links) != 3 || links[0] != "#category_id" || links[1] != "#name" || links[2] != "#email" {
		t.Errorf("the summary links %v; want the category, the name and the email, in the form's order", links)
	}
	if got["name"] != "true name-error" || got["email"] != "true email-error" {
		t.Errorf("invalid fields are marked %v", got)
	}
	if text, _ := got["text"].(string); !strings.Contains(text, "Аты-жөні") && !strings.Contains(text, "Аты") {
		t.Errorf("the summary does not name the fields: %q", text)
	}
	before := e.mustAPI("GET", "/api/v1/events/"+demo.Slug+"/registrations", token, nil, 200)
	err = chromedp.Do(b,
		chromedp.Navigate(ev+"/registrations?lang=en"),
		chromedp.Click(chromedp.CSS(`input[name=ids]`)),
		chromedp.SetValue(chromedp.CSS(`select[name=action]`), "cancel"),
		chromedp.Submit(chromedp.CSS(`select[name=action]`)),
		chromedp.WaitVisible(chromedp.CSS(".confirm-panel")),
	)
	if err != nil {
		t.Fatal(err)
	}
	question, err := chromedp.Run(b, chromedp.Text(chromedp.CSS(".confirm-panel .alert-title")))
	if err != nil || !strings.Contains(question, "Cancel 1 registration?") {
		t.Errorf("the question is %q (%v)", question, err)
	}
	after := e.mustAPI("GET", "/api/v1/events/"+demo.Slug+"/registrations", token, nil, 200)
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Error("asking to cancel changed the registrations before the confirmation")
	}
	if err := chromedp.Do(b, chromedp.Click(chromedp.CSS(".confirm-panel button")), chromedp.WaitVisible(chromedp.CSS(`.alert.success`))); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(after) == fmt.Sprint(e.mustAPI("GET", "/api/v1/events/"+demo.Slug+"/registrations", token, nil, 200)) {
		t.Error("the confirmed cancellation changed nothing")
	}
}
