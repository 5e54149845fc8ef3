// Package browsertest drives a real headless Chromium (Debian's chromium
// package) for tests that look at pages as a person does. Without Chromium
// the tests are skipped, except under CI=true, where they fail.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPaths are where Debian and others install Chromium.
var chromiumPaths = []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}

// New starts a headless browser with a viewport of the given size and
// returns a context to run chromedp actions in; the browser stops when the
// test ends. The test fails when any page it visits writes an error to the
// console, breaks its Content-Security-Policy or throws an exception that
// nothing catches (see Allow for what a test expects).
func New(t *testing.T, width, height int) context.Context {
	t.Helper()
	path := ""
	for _, p := range chromiumPaths {
		if _, err := exec.LookPath(p); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium is not installed: CI must run the browser tests (apt-get install chromium)")
		}
		t.Skip("Chromium is not installed: skipping the browser test")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(width, height),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first run starts the browser, which lives as long as its context:
	// it must not carry a timeout. Later steps get one.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	installAudit(t, ctx)
	c := watchConsole(t, ctx)
	// Every page runs axe-core (see audit.js), which takes a second or
	// more on a busy machine.
	ctx, cancelTimeout := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(cancelTimeout)
	return context.WithValue(ctx, consoleKey{}, c)
}

// Screenshot saves a full-page PNG named name into the folder named by
// SYMPOSIUM_SCREENSHOTS, for a person to look at; without it, nothing.
func Screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("SYMPOSIUM_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// NoHorizontalOverflow fails the test when the page is wider than the
// viewport, as when a long word or a table overflows a phone's screen.
func NoHorizontalOverflow(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	over, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`))
	if err != nil {
		t.Fatal(err)
	}
	if over {
		t.Errorf("%s overflows the viewport horizontally", page)
	}
}

// Zoom shows the pages as a browser window windowWidth by windowHeight
// pixels does at percent zoom: a viewport of windowWidth*100/percent CSS
// pixels whose each pixel is percent/100 device pixels wide, as WCAG's
// reflow and resize-text criteria mean (a 1280-pixel window at 200% lays
// pages out in 640 CSS pixels).
func Zoom(t *testing.T, ctx context.Context, windowWidth, windowHeight, percent int) {
	t.Helper()
	w, h := int64(windowWidth*100/percent), int64(windowHeight*100/percent)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h, chromedp.EmulateScale(float64(percent)/100))); err != nil {
		t.Fatalf("zoom to %d%%: %v", percent, err)
	}
}
