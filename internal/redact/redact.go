// Package redact keeps secrets out of logs: a request's path is logged with
// the segments that carry a secret, such as the token of an invitation
// link, replaced by a marker.
package redact

import (
	"regexp"
	"strings"
)

// Marker stands in the log for a secret.
const Marker = "[redacted]"

// secretWildcards name the route wildcards whose values are secrets. A
// wildcard whose name contains one of them, such as {token} or
// {manage_token}, is redacted too, so that routes added later are covered.
var secretWildcards = []string{"token", "secret", "password", "key"}

// Path returns the escaped path of a request, as matched by the route
// pattern (such as "GET /invitations/{token}"), with the segments the
// pattern's secret wildcards matched replaced by Marker. Without a
// pattern the path is returned unchanged.
func Path(pattern, path string) string {
	if pattern == "" {
		return path
	}
	if i := strings.IndexByte(pattern, ' '); i >= 0 {
		pattern = pattern[i+1:]
	}
	if i := strings.IndexByte(pattern, '/'); i > 0 {
		pattern = pattern[i:] // drop a host
	}
	pat := strings.Split(pattern, "/")
	segs := strings.Split(path, "/")
	for i, p := range pat {
		if i >= len(segs) {
			break
		}
		name, ok := wildcard(p)
		if !ok || !isSecret(name) {
			continue
		}
		if strings.HasSuffix(name, "...") {
			segs = append(segs[:i], Marker)
			break
		}
		segs[i] = Marker
	}
	return strings.Join(segs, "/")
}

// wildcard returns the name inside a pattern segment such as {token}.
func wildcard(seg string) (string, bool) {
	if len(seg) < 2 || seg[0] != '{' || seg[len(seg)-1] != '}' {
		return "", false
	}
	return seg[1 : len(seg)-1], true
}

func isSecret(name string) bool {
	name = strings.ToLower(name)
	for _, s := range secretWildcards {
		if strings.Contains(name, s) {
			return true
		}
	}
	return false
}

// emailPattern matches what looks like an email address.
var emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)

// Emails returns text with every email address in it replaced by Marker,
// for messages from elsewhere, such as a mail server's refusal, that may
// quote a recipient.
func Emails(text string) string {
	return emailPattern.ReplaceAllString(text, Marker)
}
