package registration

import (
	"strings"
	"testing"
)

// TestMailHTMLAccent draws the event's accent colour above the mail and on
// its links; without one, or with one that is not a passing #rrggbb, the
// mail carries no colour of its own.
func TestMailHTMLAccent(t *testing.T) {
	text := "Welcome.\n\nManage: https://example.org/registrations/manage?token=x\n\n" + qrMarker
	got := mailHTML(text, "Ticket", "#7a1f5c")
	for _, want := range []string{"border-top:6px solid #7a1f5c", `<a href="https://example.org/registrations/manage?token=x" style="color:#7a1f5c">`, `src="cid:ticket" alt="Ticket"`} {
		if !strings.Contains(got, want) {
			t.Errorf("mail lacks %q:\n%s", want, got)
		}
	}
	for _, accent := range []string{"", "#ffcc00", `#000000"><script>`} {
		if got := mailHTML(text, "Ticket", accent); strings.Contains(got, "border-top") || strings.Contains(got, "color:") {
			t.Errorf("accent %q coloured the mail:\n%s", accent, got)
		}
	}
}
