package browsertest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestConsoleCatchesWhatPagesBreak serves a page under a strict policy
// that carries an inline script, an inline style, a style attribute and a
// script that throws, and checks that the console watch sees each.
func TestConsoleCatchesWhatPagesBreak(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'")
		switch r.URL.Path {
		case "/throw.js":
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = w.Write([]byte(`throw new Error("thrown on purpose");`))
		case "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(`<!doctype html><html lang="en"><title>t</title><style>p{color:red}</style>
<script>document.title = "inline";</script><p style="color: blue">x</p><script src="/throw.js"></script>`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ctx := New(t, 400, 300)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	c := ctx.Value(consoleKey{}).(*console)
	c.flush(ctx)
	var all []string
	for _, m := range c.report() {
		all = append(all, m.String())
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"inline script", "inline style", "thrown on purpose"} {
		if !strings.Contains(text, want) {
			t.Errorf("the console watch missed the %s; it saw:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "inline style"); n != 2 {
		t.Errorf("the console watch saw %d inline styles; want the element and the attribute", n)
	}
	Allow(ctx, ".") // what this test provoked must not fail it
}
