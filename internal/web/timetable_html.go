package web

import (
	"html/template"
	"strings"
	"time"

	"symposium"
)

// entryCard writes the card of one timetable entry:
//
//	<article class="tt-entry kind-talk" data-grid-row="…" data-grid-col="…">
//	  <p class="tt-meta"><time>10:00</time>–<time>10:15</time> · Room · Talk</p>
//	  <h3 class="tt-title"><a href="…">Title</a></h3>
//	  <p class="tt-speakers"><a href="/people/…">Name</a>, …</p>
//	</article>
//
// Every text is escaped; Text escapes the localized ones.
func entryCard(p *page, slug string, e *symposium.TimetableEntry) template.HTML {
	var b strings.Builder
	b.Grow(512)
	b.WriteString(`<p class="tt-meta">`)
	writeTime(&b, p, e.StartsAt)
	b.WriteString("–")
	writeTime(&b, p, e.EndsAt)
	if e.Room != nil {
		b.WriteString(`<span class="tt-room-inline"> · ` + string(p.Text(e.Room.Name)) + `</span>`)
	}
	b.WriteString(`<span class="tt-kind"> · ` + template.HTMLEscapeString(p.L.T(label("contribution_kind", e.Kind))) + "</span></p>")
	if e.Session != nil {
		b.WriteString(`<p class="tt-session">` + string(p.Text(e.Session.Title)) + "</p>")
	}
	title := string(p.Text(e.Title))
	if e.Kind == symposium.ContributionBreak {
		b.WriteString(`<h3 class="tt-title">` + title + "</h3>")
	} else {
		b.WriteString(`<h3 class="tt-title"><a href="/events/` + template.HTMLEscapeString(slug) + "/contributions/" + e.ID + `">` + title + "</a></h3>")
	}
	if len(e.Speakers) > 0 {
		b.WriteString(`<p class="tt-speakers">`)
		for i, s := range e.Speakers {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`<a href="/people/` + s.ID + `">` + string(p.Text(s.Name)) + "</a>")
		}
		b.WriteString("</p>")
	}
	return template.HTML(b.String())
}

// writeTime writes a <time> element in the page's zone, marked for the
// script that shows times in the reader's zone.
func writeTime(b *strings.Builder, p *page, t time.Time) {
	b.WriteString(`<time datetime="` + t.Format(time.RFC3339) + `" data-time>` + p.L.Time(p.In(t)) + "</time>")
}

// printRow writes one row of the printable timetable.
func printRow(p *page, e *symposium.TimetableEntry) template.HTML {
	var b strings.Builder
	b.WriteString(`<tr><td class="nowrap">` + p.L.Time(p.In(e.StartsAt)) + "–" + p.L.Time(p.In(e.EndsAt)) + "</td><td>")
	if e.Room != nil {
		b.WriteString(string(p.Text(e.Room.Name)))
	}
	b.WriteString("</td><td><strong>" + string(p.Text(e.Title)) + "</strong>")
	for i, s := range e.Speakers {
		if i == 0 {
			b.WriteString("<br>")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(string(p.Text(s.Name)))
	}
	b.WriteString("</td></tr>")
	return template.HTML(b.String())
}
