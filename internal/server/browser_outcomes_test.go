package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"symposium/internal/browsertest"
	"symposium/internal/demo"
	"symposium/internal/store/storetest"
)

// TestBrowserDemoOutcomes opens the demo's report, gallery, minutes,
// materials and cooperation on a phone, in Kazakh and Chinese, and checks
// that each page fits and shows what it should.
func TestBrowserDemoOutcomes(t *testing.T) {
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	e := start(t, s, false)
	bctx := browsertest.New(t, 390, 844)
	for _, p := range []struct{ path, lang, want string }{
		{"/report", "kk", "Гүлнар Шаймергенова"},
		{"/report", "zh", "科技合作谅解备忘录"},
		{"/photos", "en", "Photo: KazEvent"},
		{"/minutes", "ru", "У науки нет границ"},
		{"/materials", "kk", "Материалдар"},
		{"/agreements", "en", "Memorandum of understanding"},
	} {
		if err := chromedp.Do(bctx, chromedp.Navigate(e.srv.URL+"/events/"+demo.Slug+p.path+"?lang="+p.lang)); err != nil {
			t.Fatal(err)
		}
		text, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("main")))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text, p.want) {
			t.Errorf("%s in %s lacks %q", p.path, p.lang, p.want)
		}
		name := "outcomes" + strings.ReplaceAll(p.path, "/", "-") + "-" + p.lang
		browsertest.NoHorizontalOverflow(t, bctx, name)
		browsertest.Screenshot(t, bctx, name)
	}
}
