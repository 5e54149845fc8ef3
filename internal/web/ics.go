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
	h.calendar(w, r, "")
}

// contributionICS serves one programme entry as an iCalendar file.
func (h *Handler) contributionICS(w http.ResponseWriter, r *http.Request) {
	h.calendar(w, r, strings.TrimSuffix(r.PathValue("id"), ".ics"))
}

// calendar serves the event's scheduled entries, or only the one with the
// ID, as an iCalendar file named after the event (and the entry).
func (h *Handler) calendar(w http.ResponseWriter, r *http.Request, id string) {
	e, entries, err := h.Programme.Calendar(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), id)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, &eventData{Event: e}, "", nil)
	cal := &calendar.Calendar{Name: p.Plain(e.Title), Zone: e.Timezone}
	for _, en := range entries {
		cal.Entries = append(cal.Entries, h.icsEntry(p, e, en))
	}
	name := e.Slug
	if id != "" {
		name += "-" + id
	}
	h.serveICS(w, r, cal, name)
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
