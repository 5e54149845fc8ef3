package book

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"symposium/internal/fonts"
)

// clean prepares text for the page: it composes it (NFC), turns CRLF, CR and
// the Unicode line separators into LF and tabs into spaces, and drops every
// other control character and invisible format character (a byte-order mark,
// a zero-width space). Nothing is escaped: PDF text is not markup.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n', r == '\u2028', r == '\u2029':
			return '\n'
		case r == '\t':
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
}

// oneLine cleans s and joins its lines with spaces, for titles and names.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// paragraphs splits text at blank lines; a single newline stays inside its
// paragraph as a line break.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(clean(text), "\n\n") {
		lines := strings.Split(p, "\n")
		var kept []string
		for _, l := range lines {
			if l = strings.TrimSpace(l); l != "" {
				kept = append(kept, l)
			}
		}
		if len(kept) > 0 {
			out = append(out, strings.Join(kept, "\n"))
		}
	}
	return out
}

// isCJK reports whether r is set in the Chinese font. A line may break
// before or after such a character, as Chinese has no spaces.
func isCJK(r rune) bool { return fonts.IsCJK(r) }

// noBreakBefore holds punctuation that must not start a line.
const noBreakBefore = "，。、；：！？）》」』】〉〕’”…·,.;:!?)]}»%¹²³⁴⁵⁶⁷⁸⁹⁰"

// noBreakAfter holds punctuation that must not end a line.
const noBreakAfter = "（《「『【〈〔‘“([{«"

// isSpace reports whether r separates words; the ideographic space does
// not, as it is used for indentation.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) && r != '\u3000' && r != '\n'
}

// bmp drops the characters outside the Basic Multilingual Plane, which the
// PDF writer cannot encode in bookmarks and document properties.
func bmp(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xffff {
			return -1
		}
		return r
	}, s)
}
