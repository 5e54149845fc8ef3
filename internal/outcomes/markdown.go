package outcomes

import (
	"html"
	"html/template"
	"regexp"
	"strings"
)

// The minutes' text is a small subset of Markdown, rendered by the server
// and escaped, so that no markup a writer types reaches the page:
//
//	! a key message            (a line of its own, marked and collected)
//	- an item of a list        (also "* ")
//	# a heading                (also "## ")
//	**strong** and *emphasis*  (within a line)
//
// Blank lines separate paragraphs; single line breaks are kept.

var (
	strong   = regexp.MustCompile(`\*\*([^*\n]+)\*\*`)
	emphasis = regexp.MustCompile(`\*([^*\n]+)\*`)
)

// Render turns text of the subset into safe HTML.
func Render(text string) template.HTML {
	var b strings.Builder
	var para, items []string
	flush := func() {
		if len(para) > 0 {
			b.WriteString("<p>" + strings.Join(para, "<br>") + "</p>\n")
			para = nil
		}
		if len(items) > 0 {
			b.WriteString("<ul>")
			for _, it := range items {
				b.WriteString("<li>" + it + "</li>")
			}
			b.WriteString("</ul>\n")
			items = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimRight(line, " \t")
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case strings.HasPrefix(line, "! "):
			flush()
			b.WriteString(`<p class="key-message"><strong>` + inline(strings.TrimSpace(line[2:])) + "</strong></p>\n")
		case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "* "):
			if len(para) > 0 {
				flush()
			}
			items = append(items, inline(strings.TrimSpace(line[2:])))
		case strings.HasPrefix(line, "# "), strings.HasPrefix(line, "## "):
			flush()
			b.WriteString("<h4>" + inline(strings.TrimSpace(strings.TrimLeft(line, "#"))) + "</h4>\n")
		default:
			if len(items) > 0 {
				flush()
			}
			para = append(para, inline(line))
		}
	}
	flush()
	return template.HTML(b.String()) // #nosec: every piece of text was escaped by inline
}

// inline escapes a line and marks its strong and emphasised stretches.
func inline(s string) string {
	s = html.EscapeString(s)
	s = strong.ReplaceAllString(s, "<strong>$1</strong>")
	return emphasis.ReplaceAllString(s, "<em>$1</em>")
}

// Plain returns text of the subset without its marks, for feeds and PDFs.
func Plain(text string) string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		for _, prefix := range []string{"! ", "- ", "* ", "## ", "# "} {
			if strings.HasPrefix(line, prefix) {
				line = strings.TrimPrefix(line, prefix)
				break
			}
		}
		line = strong.ReplaceAllString(line, "$1")
		out = append(out, emphasis.ReplaceAllString(line, "$1"))
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
