package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/store/storetest"
)

// TestBrowserLanguagesAndAccount opens the home page in each language in a
// real browser, checks what a person sees, then signs up, out and in.
func TestBrowserLanguagesAndAccount(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	ctx := browsertest.New(t, 390, 844)
	for lang, want := range map[string]string{
		"en": "Science and technology symposia", "zh": "科技研讨会", "kk": "ғылыми-техникалық симпозиумдар", "ru": "Научно-технические симпозиумы",
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(e.srv.URL+"/?lang="+lang)); err != nil {
			t.Fatal(err)
		}
		text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
		if err != nil {
			t.Fatal(err)
		}
		htmlLang, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("html"), "lang"))
		if err != nil {
			t.Fatal(err)
		}
		if htmlLang.Value != lang || !strings.Contains(text, want) {
			t.Errorf("home in %s: lang=%q, text lacks %q", lang, htmlLang.Value, want)
		}
		browsertest.NoHorizontalOverflow(t, ctx, "home ("+lang+")")
		browsertest.Screenshot(t, ctx, "home-"+lang)
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(e.srv.URL+"/signup?lang=en"),
		chromedp.SendKeys(chromedp.CSS("#name"), "Gulnar Shaimergenova"),
		chromedp.SendKeys(chromedp.CSS("#email"), "gulnar@example.kz"),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(".account-name")),
	)
	if err != nil {
		t.Fatalf("sign up: %v", err)
	}
	if name, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".account-name"))); name != "Gulnar Shaimergenova" {
		t.Fatalf("after signing up, the account is shown as %q", name)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`form[action="/signout"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/signin"]`)),
		chromedp.Navigate(e.srv.URL+"/signin"),
		chromedp.SendKeys(chromedp.CSS("#email"), "gulnar@example.kz"),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(".account-name")),
	)
	if err != nil {
		t.Fatalf("sign out and in again: %v", err)
	}
	if name, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".account-name"))); name != "Gulnar Shaimergenova" {
		t.Fatalf("after signing in again, the account is shown as %q", name)
	}
	browsertest.Screenshot(t, ctx, "signed-in")
}
