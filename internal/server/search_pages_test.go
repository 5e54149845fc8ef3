package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"symposium/internal/demo"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// marked finds a spelling highlighted as the one a search matched.
var marked = regexp.MustCompile(`<mark>([^<]+)</mark>`)

// dismissForm finds the two people of each pair in the queue.
var dismissForm = regexp.MustCompile(`name="a" value="([^"]+)">\s*<input type="hidden" name="b" value="([^"]+)"`)

// offersPair reports whether the queue's page offers the pair a, b.
func offersPair(body, a, b string) bool {
	for _, m := range dismissForm.FindAllStringSubmatch(body, -1) {
		if m[1] == a && m[2] == b || m[1] == b && m[2] == a {
			return true
		}
	}
	return false
}

func TestSearchPageFindsTheDirectorInEveryScript(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	if _, err := demo.Load(ctx, e.store); err != nil {
		t.Fatal(err)
	}
	director := personNamed(t, e, "", "Гүлнар Шаймергенова")
	for _, lang := range []string{"en", "ru", "zh", "kk"} {
		resp, body := e.do("GET", "/search?"+url.Values{"q": {"Shaimergnova"}, "lang": {lang}}.Encode(), nil, nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("search page in %s = %d", lang, resp.StatusCode)
		}
		if !strings.Contains(body, `href="/people/`+director+`"`) {
			t.Errorf("in %s the search page does not link the director", lang)
		}
		m := marked.FindStringSubmatch(body)
		if m == nil || !strings.Contains(m[1], "Shaimergenova") && !strings.Contains(m[1], "Шаймергенова") {
			t.Errorf("in %s the matching spelling is not highlighted: %v", lang, m)
		}
		for _, spelling := range []string{"Гүлнар Шаймергенова", "Gulnar Shaimergenova", "古丽娜尔·沙伊梅尔格诺娃"} {
			if !strings.Contains(body, spelling) {
				t.Errorf("in %s the director is not shown as %s", lang, spelling)
			}
		}
	}
	// Every page carries the header's box, which works without script.
	_, home := e.do("GET", "/", nil, nil)
	if !strings.Contains(home, `role="search" action="/search" method="get"`) || !strings.Contains(home, `<label for="site-search-q"`) {
		t.Error("the home page lacks the labelled search box")
	}
	// Filters alone list people; a search with nothing to look for finds nothing and says nothing.
	_, body := e.do("GET", "/search?country=KZ&type=person", nil, nil)
	if !strings.Contains(body, `href="/people/`+director+`"`) {
		t.Error("the people of Kazakhstan do not include the director")
	}
	if resp, body := e.do("GET", "/search", nil, nil); resp.StatusCode != 200 || strings.Contains(body, `class="results"`) {
		t.Errorf("the empty search page = %d, with results", resp.StatusCode)
	}
}

func TestSearchPageNamesBadFilters(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	if _, err := demo.Load(ctx, e.store); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query, field, message string
	}{
		{"q=x&country=Kazakhstan", "country", "Use a two-letter country code"},
		{"q=x&topic=99", "topic", "Unknown field of science."},
		{"q=x&type=planet", "type", "Choose one of:"},
		{"q=x&organization=..%2F..", "organization", "Nothing with this identifier exists here."},
		{"q=x&event=no-such-event", "event", "Nothing with this identifier exists here."},
		{"q=x&event=" + demo.Slug + "&role=registrant", "role", "Only the event&#39;s managers and check-in staff may see who registered."},
		{"q=x&role=author", "role", "Choose one of:"},
		{"q=x&country=%00", "country", "Use a two-letter country code"},
	} {
		resp, body := e.do("GET", "/search?"+c.query, nil, nil)
		if resp.StatusCode < 400 || resp.StatusCode >= 500 {
			t.Errorf("%s = %d, want 4xx", c.query, resp.StatusCode)
			continue
		}
		if !strings.Contains(body, `<a href="#search-`+c.field+`">`) || !strings.Contains(body, `id="search-`+c.field+`-error"`) ||
			!strings.Contains(body, c.message) {
			t.Errorf("%s: the page does not name %s with %q", c.query, c.field, c.message)
		}
	}
	// In the reader's language.
	_, body := e.do("GET", "/search?q=x&country=Kazakhstan&lang=ru", nil, nil)
	if !strings.Contains(body, "Код страны (KZ, CN, …)</a>") {
		t.Error("the summary does not name the field in Russian")
	}
	// A manager of the event may ask for its registrants.
	e.user("admin@example.org", true)
	e.signIn("admin@example.org")
	if resp, _ := e.do("GET", "/search?q=x&event="+demo.Slug+"&role=registrant", nil, nil); resp.StatusCode != http.StatusOK {
		t.Errorf("registrants asked by an administrator = %d, want 200", resp.StatusCode)
	}
}

func TestDuplicatesQueueIsForManagers(t *testing.T) {
	f := newMergeFixture(t, storetest.SQLite(t))
	e := f.e
	resp, _ := e.do("GET", "/people/duplicates", nil, nil)
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/signin") {
		t.Errorf("anonymous queue = %d %s, want a redirect to sign in", resp.StatusCode, resp.Header.Get("Location"))
	}
	e.user("participant@example.org", false)
	e.signIn("participant@example.org")
	resp, body := e.do("GET", "/people/duplicates", nil, nil)
	if resp.StatusCode != http.StatusForbidden || strings.Contains(body, f.other) {
		t.Errorf("a participant's queue = %d, want 403 without the people", resp.StatusCode)
	}
	if _, home := e.do("GET", "/", nil, nil); strings.Contains(home, `href="/people/duplicates"`) {
		t.Error("the header links the queue for a participant")
	}
	form := url.Values{"survivor": {f.one}, "merged": {f.other}}
	if resp, _ := e.form("/people/merges", form, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a participant's merge = %d, want 403", resp.StatusCode)
	}
	e.signIn("admin@example.org")
	resp, body = e.do("GET", "/people/duplicates", nil, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the admin's queue = %d", resp.StatusCode)
	}
	if !offersPair(body, f.one, f.other) {
		t.Error("the queue does not offer the two records of Gulnar Shaimergenova")
	}
	for _, want := range []string{`href="/people/` + f.one + `"`, `href="/people/` + f.other + `"`, "names alike",
		"Гүлнар Шаймергенова", "gulnar@center.example", "g.shaimergenova@mail.example", `action="/people/duplicates/dismiss"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the queue lacks %s", want)
		}
	}
	if _, home := e.do("GET", "/", nil, nil); !strings.Contains(home, `href="/people/duplicates"`) {
		t.Error("the header does not link the queue for an administrator")
	}
	_, body = e.do("GET", "/people/duplicates?lang=kk", nil, nil)
	if !strings.Contains(body, "есімдері ұқсас") {
		t.Error("the evidence is not in Kazakh")
	}
}

func TestMergeAndUndoThroughTheForms(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newMergeFixture(t, s)
		e := f.e
		e.signIn("admin@example.org")
		resp, _ := e.form("/people/merges", url.Values{"survivor": {f.one}, "merged": {f.other}}, nil)
		done := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(done, "/people/duplicates?") {
			t.Fatalf("merge = %d %s", resp.StatusCode, done)
		}
		_, body := e.do("GET", done, nil, nil)
		undo := regexp.MustCompile(`action="(/people/merges/[^/"]+/undo)"`).FindStringSubmatch(body)
		if !strings.Contains(body, "was merged into") || undo == nil {
			t.Fatalf("no confirmation with an undo button after the merge")
		}
		if offersPair(body, f.one, f.other) {
			t.Error("the queue still offers the merged pair")
		}
		f.checkMerged(t)
		resp, _ = e.do("GET", "/people/"+f.other, nil, nil)
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/people/"+f.one) {
			t.Errorf("the merged person's page = %d %s, want a redirect to the survivor", resp.StatusCode, loc)
		}
		_, body = e.do("GET", "/people/"+f.one+"?notice=merged", nil, nil)
		if !strings.Contains(body, "was merged into this one") || !strings.Contains(body, `action="`+undo[1]+`"`) {
			t.Error("the survivor's page lacks the notice or the merge with its undo button")
		}
		resp, _ = e.form(undo[1], url.Values{"next": {"/people/duplicates"}}, nil)
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != "/people/duplicates?notice=undone" {
			t.Fatalf("undo = %d %s", resp.StatusCode, loc)
		}
		if resp, _ := e.do("GET", "/people/"+f.other, nil, nil); resp.StatusCode != http.StatusOK {
			t.Errorf("after undo the merged person's page = %d, want 200", resp.StatusCode)
		}
		_, body = e.do("GET", "/people/duplicates?notice=undone", nil, nil)
		if !strings.Contains(body, "The merge was undone.") || !offersPair(body, f.one, f.other) {
			t.Error("after undo the queue does not confirm it or offer the pair again")
		}
		if resp, body := e.form(undo[1], nil, nil); resp.StatusCode != http.StatusConflict || !strings.Contains(body, "already been undone") {
			t.Errorf("undoing twice = %d, want 409 saying so", resp.StatusCode)
		}
		// Not the same person: the pair leaves the queue.
		resp, _ = e.form("/people/duplicates/dismiss", url.Values{"a": {f.one}, "b": {f.other}}, nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("dismiss = %d", resp.StatusCode)
		}
		_, body = e.do("GET", resp.Header.Get("Location"), nil, nil)
		if offersPair(body, f.one, f.other) || !strings.Contains(body, "two different people") {
			t.Error("a dismissed pair is still offered, or the dismissal is not confirmed")
		}
	})
}

func TestPersonFormOffersExistingPeopleFirst(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	if _, err := demo.Load(ctx, e.store); err != nil {
		t.Fatal(err)
	}
	e.organizer("editor@example.org")
	e.signIn("editor@example.org")
	director := personNamed(t, e, "", "Гүлнар Шаймергенова")
	count := func() int {
		return len(searchItems(t, e, "", url.Values{"q": {"Gulnar Shaimergenova"}, "type": {"person"}}))
	}
	before := count()
	values := url.Values{"name.en": {"Gulnar Shaimergenova"}, "aliases": {"Gulnara Shaimergenova\n\nШаймергенова Гульнар "}, "country": {"KZ"}}
	resp, body := e.form("/people/new", values, nil)
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, `href="/people/`+director+`"`) ||
		!strings.Contains(body, `name="confirm_new" value="yes"`) || !strings.Contains(body, "Гүлнар Шаймергенова") {
		t.Fatalf("a likely duplicate = %d; want the form again offering the director first", resp.StatusCode)
	}
	if !strings.Contains(body, "Шаймергенова Гульнар") || !strings.Contains(body, `value="KZ"`) {
		t.Error("the form did not keep what was entered")
	}
	if n := count(); n != before {
		t.Fatalf("a person was created without confirmation: %d people, want %d", n, before)
	}
	values.Set("confirm_new", "yes")
	resp, _ = e.form("/people/new", values, nil)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/people/") || loc == "/people/"+director {
		t.Fatalf("confirmed = %d %s, want the new person's page", resp.StatusCode, loc)
	}
	_, person := e.api("GET", "/api/v1"+loc, "", nil)
	if aliases := toJSON(person["aliases"]); aliases != `["Gulnara Shaimergenova","Шаймергенова Гульнар"]` {
		t.Errorf("aliases = %s", aliases)
	}
	// Someone unlike anyone here is created at once.
	resp, _ = e.form("/people/new", url.Values{"name.kk": {"Жанар Әбдірахманова"}}, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a new person = %d, want 303", resp.StatusCode)
	}
	// A bad alias is named on its field.
	resp, body = e.form("/people/new", url.Values{"name.en": {"Aru Bek"}, "aliases": {strings.Repeat("x", 300)}}, nil)
	if resp.StatusCode != 422 || !strings.Contains(body, `id="aliases-error"`) {
		t.Errorf("a long alias = %d, want 422 with the error on the field", resp.StatusCode)
	}
}
