package server_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/demo"
	"symposium/internal/store/storetest"
)

// anyRawKey finds a catalog key shown instead of its text, such as
// "registration.status.cancelled", or an enumeration's stored value.
var anyRawKey = regexp.MustCompile(`\b[a-z_]+\.(status|kind|tab|col|type)\.[a-z_]+\b|\b(cancelled|waitlisted|confirmed|true|false)\b`)

// TestBrowserPagesInKazakhRussianChinese opens the main pages of the demo
// event and of an event with registration, a call for abstracts and a
// check-in desk, as a visitor and as its manager, on a phone, in Kazakh,
// Russian and Chinese; it fails on a raw key or stored value on a page.
// With SYMPOSIUM_SCREENSHOTS set, it saves every page and writes the mails
// the registrations sent (mails-<lang>.txt), for a person to read.
func TestBrowserPagesInKazakhRussianChinese(t *testing.T) {
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	e := start(t, s, false)
	_, token := e.organizer("m@example.org")
	registrationEvent(t, e, token, map[string]any{"capacity": 1, "waitlist": true, "name": map[string]string{
		"en": "Participant", "kk": "Қатысушы", "ru": "Участник", "zh": "参会者"}})
	now := time.Now().UTC()
	e.mustAPI("PUT", "/api/v1/events/astana/cfp", token, map[string]any{
		"opens_at": now.Add(-time.Hour), "closes_at": now.Add(240 * time.Hour), "word_limit": 300,
		"tracks": []map[string]any{{"name": map[string]string{"en": "Economy", "kk": "Экономика", "ru": "Экономика", "zh": "经济"}}},
	}, 200)
	registerAndCancel(t, e)
	for _, lang := range []string{"kk", "ru", "zh"} {
		b := browsertest.New(t, 390, 844)
		for _, path := range []string{"/", "/events/" + demo.Slug, "/events/" + demo.Slug + "/timetable", "/events/astana/register",
			"/events/astana/cfp", "/signup"} {
			lookAt(t, b, e.srv.URL, path, lang)
		}
		checkSearchAll(t, b, e.srv.URL, lang)
		// The managers' pages are for a desk or a laptop.
		b = browsertest.New(t, 1280, 900)
		browserAs(t, b, e.srv.URL, "m@example.org")
		for _, path := range []string{"/events/astana/registrations", "/events/astana/checkin", "/events/astana/roles",
			"/events/astana/decisions", "/events/astana/cfp/edit", "/events/astana/registration-form"} {
			lookAt(t, b, e.srv.URL, path, lang)
		}
	}
}

// lookAt opens a page in a language, fails on a raw key or stored value
// in it or on a page wider than the screen, and takes its screenshot.
func lookAt(t *testing.T, b context.Context, base, path, lang string) {
	t.Helper()
	if err := chromedp.Do(b, chromedp.Navigate(base+path+sep(path)+"lang="+lang)); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(b, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	if k := anyRawKey.FindString(text); k != "" {
		t.Errorf("%s in %s shows %q", path, lang, k)
	}
	browsertest.NoHorizontalOverflow(t, b, path+" in "+lang)
	browsertest.Screenshot(t, b, "lang-"+lang+strings.NewReplacer("/", "-", "?", "-", "=", "-").Replace(path))
}

// checkSearchAll opens the phone header's search, types a name into it and reads the
// last suggestion, which the script builds from a message that places the
// query where the language puts it.
func checkSearchAll(t *testing.T, b context.Context, base, lang string) {
	t.Helper()
	want := map[string]string{"kk": "«Shaimer» бойынша барлық нәтиже", "ru": "Все результаты по запросу «Shaimer»",
		"zh": "查看“Shaimer”的全部结果"}[lang]
	all := `#site-search-list [data-url="/search?q=Shaimer"]`
	// On a phone the search sits behind the header's search button.
	if err := chromedp.Do(b, chromedp.Navigate(base+"/?lang="+lang)); err != nil {
		t.Fatal(err)
	}
	opened, err := chromedp.Run(b, chromedp.Evaluate[bool](`(function () {
		var b = document.querySelector('[data-toggle="site-search"]');
		if (!b || b.offsetParent === null) { return false; }
		b.click();
		return true;
	})()`))
	if err == nil {
		err = chromedp.Do(b, chromedp.SendKeys(chromedp.CSS("#site-search-q"), "Shaimer"), chromedp.WaitVisible(chromedp.CSS(all)))
	}
	if err != nil {
		t.Fatalf("search in %s: %v", lang, err)
	}
	if !opened {
		t.Errorf("the phone header in %s shows no search button", lang)
	}
	if got, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS(all))); strings.TrimSpace(got) != want {
		t.Errorf("the search's last suggestion in %s reads %q, want %q", lang, got, want)
	}
	browsertest.Screenshot(t, b, "lang-"+lang+"-search")
}

// sep returns the character that starts a path's next query parameter.
func sep(path string) string {
	if strings.Contains(path, "?") {
		return "&"
	}
	return "?"
}

// registerAndCancel registers one person in each of Kazakh, Russian and
// Chinese for the one seat of the "astana" event, so that one is
// confirmed and two wait, cancels the first, and writes each language's
// mails to the screenshot folder.
func registerAndCancel(t *testing.T, e *env) {
	t.Helper()
	cats := e.mustAPI("GET", "/api/v1/events/astana/registration-categories", "", nil, 200)
	cat := cats["items"].([]any)[0].(map[string]any)["id"].(string)
	people := map[string]map[string]string{
		"kk": {"kk": "Гүлнар Шаймергенова"}, "ru": {"ru": "Иван Петров"}, "zh": {"zh": "邢芳芳"}}
	for _, lang := range []string{"kk", "ru", "zh"} {
		e.mustAPI("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "language": lang,
			"email": lang + "@example.org", "name": people[lang]}, 201)
	}
	mails, err := e.store.ListMail(ctx, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mails {
		if m.Mail.To == "kk@example.org" {
			link := regexp.MustCompile(`/registrations/manage\?\S*token=([^\s&]+)`).FindStringSubmatch(m.Mail.Text)
			if link == nil {
				continue
			}
			if resp, _ := e.form("/registrations/manage", url.Values{"token": {link[1]}, "action": {"cancel"}}, nil); resp.StatusCode != 303 {
				t.Fatalf("cancel = %d", resp.StatusCode)
			}
			break
		}
	}
	dir := os.Getenv("SYMPOSIUM_SCREENSHOTS")
	if dir == "" {
		return
	}
	if mails, err = e.store.ListMail(ctx, "", 100); err != nil {
		t.Fatal(err)
	}
	texts := map[string]*strings.Builder{"kk": {}, "ru": {}, "zh": {}}
	for i := len(mails) - 1; i >= 0; i-- {
		m := mails[i].Mail
		if w := texts[strings.TrimSuffix(m.To, "@example.org")]; w != nil {
			w.WriteString("Subject: " + m.Subject + "\n\n" + m.Text + "\n----\n")
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for lang, w := range texts {
		if err := os.WriteFile(filepath.Join(dir, "mails-"+lang+".txt"), []byte(w.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
