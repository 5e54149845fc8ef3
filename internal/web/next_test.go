package web

import (
	"net/url"
	"strings"
	"testing"
)

func TestLocalPath(t *testing.T) {
	tests := []struct{ next, want string }{
		{"/", "/"},
		{"/events/astana-2024", "/events/astana-2024"},
		{"/events/astana-2024/", "/events/astana-2024/"},
		{"/search?q=%D0%B0&lang=ru", "/search?q=%D0%B0&lang=ru"},
		{"/events/x#programme", "/events/x#programme"},
		{"/people/астана", "/people/астана"},
		{"", "/"},
		{"events", "/"},
		{"/%09/evil.example", "/"},
		{"/\t/evil.example", "/"},
		{"/\n/evil.example", "/"},
		{"/\r\n/evil.example", "/"},
		{"/\x00/evil.example", "/"},
		{"/\u0085/evil.example", "/"},
		{"//evil.example", "/"},
		{"///evil.example", "/"},
		{"/\\evil.example", "/"},
		{"\\\\evil.example", "/"},
		{"\\/evil.example", "/"},
		{"/%5cevil.example", "/"},
		{"/%2f/evil.example", "/"},
		{"/%2F%2Fevil.example", "/"},
		{"https://evil.example", "/"},
		{"http:/evil.example", "/"},
		{"javascript:alert(1)", "/"},
		{"/..//evil.example", "/"},
		{"/../evil.example", "/"},
		{"/./evil.example", "/"},
		{"/%2e%2e//evil.example", "/"},
		{"/events/../..//evil.example", "/"},
		{"/a//b", "/"},
		{"/%zz", "/"},
		{"/" + string(make([]byte, maxNextLen)), "/"},
	}
	for _, tt := range tests {
		if got := localPath(tt.next); got != tt.want {
			t.Errorf("localPath(%q) = %q; want %q", tt.next, got, tt.want)
		}
	}
}

// FuzzLocalPath checks that whatever localPath lets through stays on this
// site when a browser reads it: browsers drop tabs and line breaks and read
// backslashes as slashes before resolving a Location.
func FuzzLocalPath(f *testing.F) {
	for _, s := range []string{"/", "/events/x?lang=ru", "//evil.example", "/\\evil", "/%09/evil", "/..//evil"} {
		f.Add(s)
	}
	base, _ := url.Parse("https://symposium.test/signin")
	f.Fuzz(func(t *testing.T, next string) {
		got := localPath(next)
		if got != "/" && got != next {
			t.Fatalf("localPath(%q) = %q: neither the input nor /", next, got)
		}
		browser := strings.NewReplacer("\t", "", "\n", "", "\r", "", "\\", "/").Replace(strings.TrimLeft(got, "\x00 \x1f"))
		u, err := url.Parse(browser)
		if err != nil {
			t.Fatalf("localPath(%q) = %q, which does not parse: %v", next, got, err)
		}
		if to := base.ResolveReference(u); to.Host != base.Host || to.Scheme != base.Scheme {
			t.Fatalf("localPath(%q) = %q leads to %s", next, got, to)
		}
		if localPath(got) != got {
			t.Fatalf("localPath is not stable on %q", got)
		}
	})
}
