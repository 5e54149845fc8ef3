package web

import (
	"bytes"
	"net/http"
	"strings"
	"time"

	"symposium"
	"symposium/internal/calendar"
)

// timetableICS serves the programme as an iCalendar file in the reader's
// language (?lang=).
func (h *Handler) timetableICS(w http.ResponseWriter, r *http.Request) {
	ed, tt := h.loadTimetable(w, r)
	if ed == nil {
		return
	}
	p := h.eventPage(r, ed, "", nil)
	cal := &calendar.Calendar{Name: p.Plain(ed.Event.Title), Zone: ed.Event.Timezone}
	for _, e := range tt.Entries {
		cal.Entries = append(cal.Entries, h.icsEntry(p, ed.Event, e))
	}
	h.serveICS(w, r, cal, ed.Event.Slug)
}

// contributionICS serves one programme entry as an iCalendar file.
func (h *Handler) contributionICS(w http.ResponseWriter, r *http.Request) {
	ed, tt := h.loadTimetable(w, r)
	if ed == nil {
		return
	}
	id := strings.TrimSuffix(r.PathValue("id"), ".ics")
	p := h.eventPage(r, ed, "", nil)
	for _, e := range tt.Entries {
		if e.ID == id {
			cal := &calendar.Calendar{Name: p.Plain(ed.Event.Title), Zone: ed.Event.Timezone, Entries: []calendar.Entry{h.icsEntry(p, ed.Event, e)}}
			h.serveICS(w, r, cal, ed.Event.Slug+"-"+id)
			return
		}
	}
	h.notFound(w, r)
}

// icsEntry writes one timetable entry for a calendar: the speakers in the
// description, the room and venue as its location.
func (h *Handler) icsEntry(p *page, e *symposium.Event, en symposium.TimetableEntry) calendar.Entry {
	var speakers []string
	for _, s := range en.Speakers {
		speakers = append(speakers, p.Plain(s.Name))
	}
	var where []string
	if en.Room != nil {
		where = append(where, p.Plain(en.Room.Name))
	}
	for _, s := range []string{p.Plain(e.Venue.Name), p.Plain(e.Venue.City)} {
		if s != "" {
			where = append(where, s)
		}
	}
	desc := p.L.T(label("contribution_kind", en.Kind))
	if len(speakers) > 0 {
		desc += "\n" + p.L.T("contribution.speakers") + ": " + strings.Join(speakers, ", ")
	}
	return calendar.Entry{
		UID: en.ID + "@symposium", Summary: p.Plain(en.Title), Description: desc, Location: strings.Join(where, ", "),
		URL: h.BaseURL + "/events/" + e.Slug + "/contributions/" + en.ID, Start: en.StartsAt, End: en.EndsAt,
	}
}

func (h *Handler) serveICS(w http.ResponseWriter, r *http.Request, cal *calendar.Calendar, name string) {
	var buf bytes.Buffer
	if err := cal.Write(&buf, time.Now()); err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.ics"`)
	_, _ = buf.WriteTo(w)
}
