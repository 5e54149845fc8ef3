package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// consoleKey keys the console watch in the context New returns.
type consoleKey struct{}

// console collects what the pages of one test write to the browser's
// console that a clean page never writes: errors (among them every
// Content-Security-Policy violation and every failed request), and
// exceptions nothing caught.
type console struct {
	mu      sync.Mutex
	bad     []chromedp.ConsoleMessage
	allowed []*regexp.Regexp
	marks   map[string]chan struct{}
	// findings are what the audit of the pages found (see audit.js), and
	// audited the addresses of the pages it checked.
	findings []string
	audited  []string
}

// flushMark starts the message New writes at the end of a test to know
// that every earlier message has arrived.
const flushMark = "browsertest: flush "

// watchConsole subscribes to the console of the browser's tab and, when
// the test ends, fails it for every bad message.
func watchConsole(t *testing.T, ctx context.Context) *console {
	c := &console{marks: map[string]chan struct{}{}}
	wctx, stop := context.WithCancel(ctx)
	messages := chromedp.Console(wctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			c.take(m)
		}
	}()
	t.Cleanup(func() {
		awaitAudit(ctx)
		c.flush(ctx)
		stop()
		<-done
		for _, m := range c.report() {
			t.Errorf("the browser's console: %s (at %s:%d)", m, m.URL, m.Line+1)
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		for _, f := range c.findings {
			t.Error(f)
		}
	})
	return c
}

// take records one message, if it is bad and not allowed.
func (c *console) take(m chromedp.ConsoleMessage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if strings.HasPrefix(m.Text, flushMark) {
		if ch, ok := c.marks[m.Text]; ok {
			close(ch)
			delete(c.marks, m.Text)
		}
		return
	}
	if strings.HasPrefix(m.Text, auditPrefix) {
		c.takeAudit(strings.TrimPrefix(m.Text, auditPrefix))
		return
	}
	if m.Type != chromedp.ConsoleError && !m.IsException() && !isPolicyViolation(m) {
		return
	}
	c.bad = append(c.bad, m)
}

// takeAudit records one report of audit.js; the caller holds c.mu.
func (c *console) takeAudit(text string) {
	var f auditFinding
	if err := json.Unmarshal([]byte(text), &f); err != nil {
		c.findings = append(c.findings, fmt.Sprintf("unreadable audit report %q: %v", text, err))
		return
	}
	problems, audited := f.problems()
	if audited {
		c.audited = append(c.audited, f.URL)
	}
	c.findings = append(c.findings, problems...)
}

// isPolicyViolation reports whether a message of any level is about the
// Content-Security-Policy, such as a report-only violation.
func isPolicyViolation(m chromedp.ConsoleMessage) bool {
	return strings.Contains(m.Text, "Content Security Policy") || strings.Contains(m.Text, "Content-Security-Policy")
}

// flush writes a mark to the console and waits until it arrives, so that
// every message written before it has arrived too.
func (c *console) flush(ctx context.Context) {
	mark := fmt.Sprintf("%s%d", flushMark, time.Now().UnixNano())
	ch := make(chan struct{})
	c.mu.Lock()
	c.marks[mark] = ch
	c.mu.Unlock()
	fctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(fctx, chromedp.Evaluate[bool](fmt.Sprintf("console.debug(%q), true", mark))); err != nil {
		return // the browser is gone; what arrived is all there is
	}
	select {
	case <-ch:
	case <-fctx.Done():
	}
}

// report returns the bad messages that no Allow pattern matches.
func (c *console) report() []chromedp.ConsoleMessage {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []chromedp.ConsoleMessage
	for _, m := range c.bad {
		if !c.isAllowed(m) {
			out = append(out, m)
		}
	}
	return out
}

func (c *console) isAllowed(m chromedp.ConsoleMessage) bool {
	line := m.String() + " at " + m.URL
	for _, re := range c.allowed {
		if re.MatchString(line) {
			return true
		}
	}
	return false
}

// Allow lets the console messages matching pattern pass in the test whose
// browser ctx belongs to: for a test that expects a page to answer an
// error, such as a form answered 422, or that takes the browser offline.
// The pattern is matched against the message's type, text and URL, as in
// "error: Failed to load resource: the server responded with a status of
// 409 (Conflict) at http://127.0.0.1:1234/events/x/editor/entries".
func Allow(ctx context.Context, pattern string) {
	c, ok := ctx.Value(consoleKey{}).(*console)
	if !ok {
		panic("browsertest: Allow needs a context from New")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.allowed = append(c.allowed, regexp.MustCompile(pattern))
}
