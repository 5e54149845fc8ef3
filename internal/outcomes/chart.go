package outcomes

import (
	"fmt"
	"html/template"
	"strings"
)

// Chart sizes, in SVG user units.
const (
	chartWidth = 480
	barHeight  = 22
	labelWidth = 170
)

// BarChart draws rows as a horizontal bar chart in SVG, readable without
// JavaScript and styled by attributes only (the site's policy forbids
// inline style); name labels the rows' keys. Every text is escaped. The
// page shows the same numbers in a table beside it.
func BarChart(title string, rows []Count, name func(string) string) template.HTML {
	if len(rows) == 0 {
		return ""
	}
	most := 1
	for _, r := range rows {
		most = max(most, r.Count)
	}
	height := len(rows)*barHeight + 8
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s">`,
		chartWidth, height, chartWidth, height, template.HTMLEscapeString(title))
	fmt.Fprintf(&b, `<title>%s</title>`, template.HTMLEscapeString(title))
	room := chartWidth - labelWidth - 50
	for i, r := range rows {
		y := 4 + i*barHeight
		w := max(1, r.Count*room/most)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="13" fill="#222">%s</text>`, labelWidth-6, y+15, template.HTMLEscapeString(name(r.Key)))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="#0b5cad"></rect>`, labelWidth, y+3, w, barHeight-6)
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="13" fill="#222">%d</text>`, labelWidth+w+6, y+15, r.Count)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // #nosec: every text was escaped above
}
