package registration

import (
	"html"
	"regexp"
	"strings"

	"symposium"
)

// ticketContentID names the ticket's QR code among a mail's parts, for
// the HTML part to show it inline as cid:ticket.
const ticketContentID = "ticket"

// qrMarker stands in a mail's text where the HTML part shows the QR code.
const qrMarker = "QRCODEOFTHETICKET"

// links finds the addresses in a mail's text.
var links = regexp.MustCompile(`https?://[^\s<>"]+`)

// mailHTML writes a mail's text as HTML: paragraphs where the text has
// blank lines, addresses as links, and the ticket's QR code, named by
// alt, where the text has qrMarker. The event's accent colour, when it
// has one that passes symposium.MinAccentContrast, draws a rule above the
// mail and colours its links (a mail may style inline: no page's content
// security policy applies).
func mailHTML(text, alt, accent string) string {
	var b strings.Builder
	body, link := `font-family:sans-serif;line-height:1.5`, ""
	if symposium.AccentContrast(accent) >= symposium.MinAccentContrast {
		body += ";border-top:6px solid " + accent + ";padding-top:12px"
		link = ` style="color:` + accent + `"`
	}
	b.WriteString(`<!doctype html><html><body style="` + body + `">`)
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		p := html.EscapeString(para)
		p = links.ReplaceAllStringFunc(p, func(u string) string { return `<a href="` + u + `"` + link + `>` + u + `</a>` })
		p = strings.ReplaceAll(p, "\n", "<br>\n")
		img := `<br><img src="cid:` + ticketContentID + `" alt="` + html.EscapeString(alt) + `" width="240" height="240">`
		b.WriteString("<p>" + strings.ReplaceAll(p, qrMarker, img) + "</p>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String()
}
