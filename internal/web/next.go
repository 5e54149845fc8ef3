package web

import (
	"net/url"
	"path"
	"strings"
)

// maxNextLen bounds a redirect target taken from a request.
const maxNextLen = 2048

// localPath returns next when it is a path on this site, and "/" otherwise,
// so that a crafted link cannot send someone elsewhere after signing in.
// Browsers drop tabs and line breaks from URLs and read a backslash as a
// slash, so "/\t/evil.example" and "/\evil.example" lead off the site: any
// control character or backslash, a scheme or host, and a path that is not
// already clean (//, /./, /../, also when percent-encoded) are refused.
func localPath(next string) string {
	if !isLocalPath(next) {
		return "/"
	}
	return next
}

func isLocalPath(next string) bool {
	if len(next) > maxNextLen || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return false
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return false
	}
	p := u.Path
	if hasControlOrBackslash(next) || hasControlOrBackslash(p) {
		return false
	}
	clean := path.Clean(p)
	return p == clean || p == clean+"/"
}

// hasControlOrBackslash reports whether s holds a control character (C0,
// DEL or C1) or a backslash.
func hasControlOrBackslash(s string) bool {
	for _, c := range s {
		if c < 0x20 || c == 0x7f || c == '\\' || (c >= 0x80 && c < 0xa0) {
			return true
		}
	}
	return false
}
