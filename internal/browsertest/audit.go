package browsertest

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// auditScript checks every page a test visits; see audit.js.
//
//go:embed audit.js
var auditScript string

// auditPrefix starts the console messages audit.js writes.
const auditPrefix = "browsertest-audit "

// AxeEnv names the variable that may give the path of axe-core's
// axe.min.js. Without it the tests look for node_modules/axe-core in the
// module's root, where .ci/run installs it (npm install --no-save
// axe-core@4); axe-core is a test tool and is never committed.
const AxeEnv = "SYMPOSIUM_AXE"

var axeOnce struct {
	sync.Once
	source string
	reason string
}

// axeSource returns axe-core's source, or why it is not at hand.
func axeSource() (string, string) {
	axeOnce.Do(func() {
		path := os.Getenv(AxeEnv)
		if path == "" {
			path = findUp(filepath.Join("node_modules", "axe-core", "axe.min.js"))
		}
		if path == "" {
			axeOnce.reason = "axe-core is not installed (npm install --no-save axe-core@4 in the module's root, or set " + AxeEnv + ")"
			return
		}
		b, err := os.ReadFile(path)
		if err != nil {
			axeOnce.reason = fmt.Sprintf("axe-core cannot be read: %v", err)
			return
		}
		axeOnce.source = string(b)
	})
	return axeOnce.source, axeOnce.reason
}

// findUp looks for rel in the working directory and its parents up to the
// module's root (the folder with go.mod), and returns its path or "".
func findUp(rel string) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, rel)); err == nil {
			return filepath.Join(dir, rel)
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// RequireAxe skips the test, with the reason, when axe-core is not at
// hand; under CI=true it fails it instead.
func RequireAxe(t *testing.T) {
	t.Helper()
	if _, reason := axeSource(); reason != "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(reason + ": CI must audit the pages")
		}
		t.Skip(reason)
	}
}

// auditFinding is one message of audit.js.
type auditFinding struct {
	Kind string          `json:"kind"`
	URL  string          `json:"url"`
	Data json.RawMessage `json:"data"`
}

// axeViolation is one rule axe-core found broken on a page.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// problems turns one message of audit.js into the failures it reports
// (none for a clean page), and tells whether it reported an audited page.
func (f auditFinding) problems() (out []string, audited bool) {
	switch f.Kind {
	case "axe-seen":
		return nil, true
	case "axe":
		var vs []axeViolation
		if err := json.Unmarshal(f.Data, &vs); err != nil {
			return []string{fmt.Sprintf("%s: unreadable axe result: %v", f.URL, err)}, false
		}
		for _, v := range vs {
			out = append(out, fmt.Sprintf("%s: axe %s (%s): %s\n\t%s", f.URL, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t")))
		}
		return out, true
	case "overflow":
		return []string{fmt.Sprintf("%s scrolls sideways: %s", f.URL, f.Data)}, false
	case "obscured":
		var s string
		_ = json.Unmarshal(f.Data, &s)
		return []string{fmt.Sprintf("%s: the focused element is hidden: %s", f.URL, s)}, false
	default:
		return []string{fmt.Sprintf("%s: the audit failed: %s", f.URL, f.Data)}, false
	}
}

// installAudit makes every page the browser opens run axe-core and
// audit.js; without axe-core it logs why pages go unaudited, and under
// CI=true fails the test.
func installAudit(t *testing.T, ctx context.Context) {
	t.Helper()
	axe, reason := axeSource()
	if reason != "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(reason + ": CI must audit the pages")
		}
		t.Log(reason + ": the pages are not audited")
		return
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: axe + "\n" + auditScript}); err != nil {
		t.Fatalf("install the audit: %v", err)
	}
}

// awaitAudit waits (a few seconds at most) until the current page's audit
// has reported, so that what it found is counted.
func awaitAudit(ctx context.Context) {
	actx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	_, _ = chromedp.Run(actx, chromedp.Evaluate[bool](`window.__browsertestAudit ? window.__browsertestAudit : true`, chromedp.EvalAwaitPromise))
}

// AwaitAudit waits until the current page's audit has run, so that what
// it found is counted before the test goes on.
func AwaitAudit(ctx context.Context) {
	awaitAudit(ctx)
}

// Audited returns the addresses of the pages audited so far in the test
// whose browser ctx belongs to.
func Audited(ctx context.Context) []string {
	c, ok := ctx.Value(consoleKey{}).(*console)
	if !ok {
		panic("browsertest: Audited needs a context from New")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.audited...)
}
