package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"symposium/internal/browsertest"
	"symposium/internal/demo"
	"symposium/internal/store/storetest"
)

// TestBrowserHeaderSearch types part of the director's name into the
// header's box, on a desktop and on a phone, finds her in the list with
// the matching spelling marked, and opens her page: with the keyboard on
// the desktop, with a tap on the phone.
func TestBrowserHeaderSearch(t *testing.T) {
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	e := start(t, s, false)
	for _, screen := range []struct {
		name          string
		width, height int
	}{{"desktop", 1280, 900}, {"phone", 390, 844}} {
		b := browsertest.New(t, screen.width, screen.height)
		// On a phone the search box waits behind a button of the compact
		// header, which stays short.
		reveal := chromedp.Steps()
		if screen.name == "phone" {
			reveal = chromedp.Click(chromedp.CSS(`[data-toggle="site-search"]`))
		}
		err := chromedp.Do(b,
			chromedp.Navigate(e.srv.URL+"/?lang=en"),
			reveal,
			chromedp.SendKeys(chromedp.CSS("#site-search-q"), "Shaimer"),
			// The list for the whole word, not one for the letters typed before.
			chromedp.WaitVisible(chromedp.CSS(`#site-search-list [data-url="/search?q=Shaimer"]`)),
		)
		if err != nil {
			t.Fatalf("%s: the list does not show: %v", screen.name, err)
		}
		checkDropdown(t, b, screen.name)
		browsertest.Screenshot(t, b, "search-dropdown-"+screen.name)
		browsertest.NoHorizontalOverflow(t, b, "the search list on a "+screen.name)
		open := chromedp.Click(chromedp.CSS("#site-search-list [role=option]"))
		if screen.name == "desktop" {
			open = chromedp.KeyEvent(kb.ArrowDown + kb.Enter)
		}
		wait, cancel := context.WithTimeout(b, 30*time.Second)
		err = chromedp.Do(wait, open, chromedp.WaitVisible(chromedp.CSS("article.person h1")))
		cancel()
		if err != nil {
			t.Fatalf("%s: opening the person: %v", screen.name, err)
		}
		loc, _ := chromedp.Run(b, chromedp.Location())
		h1, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS("article.person h1")))
		if !strings.Contains(loc, "/people/") || h1 != "Gulnar Shaimergenova" {
			t.Errorf("%s: opened %s titled %q, want the director's page", screen.name, loc, h1)
		}
		browsertest.Allow(b, `status of 422 \(Unprocessable Entity\) at .*/search\?q=x&country=Kazakhstan&topic=99&lang=zh$`)
		for name, query := range map[string]string{"found": "q=Shaimergnova&type=person&lang=kk", "refused": "q=x&country=Kazakhstan&topic=99&lang=zh"} {
			if err := chromedp.Do(b, chromedp.Navigate(e.srv.URL+"/search?"+query)); err != nil {
				t.Fatal(err)
			}
			browsertest.NoHorizontalOverflow(t, b, "the search page on a "+screen.name)
			browsertest.Screenshot(t, b, "search-page-"+name+"-"+screen.name)
		}
	}
}

// checkDropdown checks the open list: the combobox says it is open, the
// people group holds the director in all her scripts, and a spelling is
// marked.
func checkDropdown(t *testing.T, b context.Context, screen string) {
	t.Helper()
	expanded, err := chromedp.Run(b, chromedp.AttributeValue(chromedp.CSS("#site-search-q"), "aria-expanded"))
	if err != nil || expanded.Value != "true" {
		t.Errorf("%s: aria-expanded = %q (%v)", screen, expanded.Value, err)
	}
	first, err := chromedp.Run(b, chromedp.Text(chromedp.CSS("#site-search-list [role=option]")))
	if err != nil || !strings.Contains(first, "Gulnar Shaimergenova") || !strings.Contains(first, "Гүлнар Шаймергенова") {
		t.Errorf("%s: the first suggestion reads %q (%v)", screen, first, err)
	}
	mark, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS("#site-search-list mark")))
	group, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS("#site-search-list [role=group]")))
	if !strings.Contains(mark, "Shaimergenova") && !strings.Contains(mark, "Шаймергенова") || !strings.HasPrefix(strings.ToLower(group), "people") {
		t.Errorf("%s: marked %q in the group %q", screen, mark, group)
	}
}

// TestBrowserDuplicatesQueue shows the queue of likely duplicates to an
// administrator on a desktop and on a phone, merges a pair and undoes it.
func TestBrowserDuplicatesQueue(t *testing.T) {
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	e := start(t, s, false)
	_, token := e.user("admin@example.org", true)
	for _, name := range []map[string]string{{"en": "Gulnara Shaimergenova"}, {"ru": "Син Фан Фан"}} {
		if resp, body := e.api("POST", "/api/v1/people", token, map[string]any{"name": name, "email": "twin@example.org"}); resp.StatusCode != 201 {
			t.Fatalf("create %v = %d %v", name, resp.StatusCode, body)
		}
	}
	for _, screen := range []struct {
		name          string
		width, height int
	}{{"desktop", 1280, 900}, {"phone", 390, 844}} {
		b := browsertest.New(t, screen.width, screen.height)
		err := chromedp.Do(b,
			chromedp.Navigate(e.srv.URL+"/signin?lang=en"),
			chromedp.SendKeys(chromedp.CSS("#email"), "admin@example.org"),
			chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
			chromedp.Submit(chromedp.CSS("#password")),
			chromedp.WaitVisible(chromedp.CSS(".account-name")),
			chromedp.Click(chromedp.CSS(`.account a[href="/people/duplicates"]`)),
			chromedp.WaitVisible(chromedp.CSS(".pair")),
		)
		if err != nil {
			t.Fatalf("%s: open the queue: %v", screen.name, err)
		}
		text, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS("main")))
		if !strings.Contains(text, "names alike") || !strings.Contains(text, "same email") {
			t.Errorf("%s: the queue does not give the evidence in words", screen.name)
		}
		browsertest.NoHorizontalOverflow(t, b, "the queue on a "+screen.name)
		browsertest.Screenshot(t, b, "duplicates-"+screen.name)
		if screen.name == "phone" {
			continue
		}
		err = chromedp.Do(b,
			chromedp.Click(chromedp.CSS(`.pair form[action="/people/merges"] button`)),
			chromedp.WaitVisible(chromedp.CSS(".merge-done")),
		)
		if err != nil {
			t.Fatalf("merge: %v", err)
		}
		browsertest.Screenshot(t, b, "duplicates-merged")
		err = chromedp.Do(b,
			chromedp.Click(chromedp.CSS(".merge-done button")),
			chromedp.WaitNotPresent(chromedp.CSS(".merge-done")),
			chromedp.WaitVisible(chromedp.CSS("main [role=status]")),
		)
		if err != nil {
			t.Fatalf("undo: %v", err)
		}
		if notice, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS("main [role=status]"))); notice != "The merge was undone." {
			t.Errorf("after undo the page says %q", notice)
		}
	}
}
