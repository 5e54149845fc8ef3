package web

import (
	"html/template"
	"net/http"
	"strconv"
	"time"

	"symposium"
	"symposium/internal/i18n"
)

// timetableView is one day of the timetable: rooms as columns, entries
// placed on a grid of five-minute rows.
type timetableView struct {
	// AllRooms keeps a column for every room, even one empty that day, as
	// the editor needs somewhere to move entries to.
	AllRooms bool
	Days     []symposium.TimetableDay
	Day      symposium.TimetableDay
	Rooms    []symposium.RoomRef
	Entries  []placedEntry
	Hours    []hourMark
	Rows     int
}

// placedEntry is an entry with its place on the grid and its markup. The
// timetable is the largest page: writing each entry's markup in Go rather
// than through a dozen template actions makes it several times faster.
type placedEntry struct {
	symposium.TimetableEntry
	Row, RowEnd, Column int
	// ColumnEnd, when set, is where an entry spanning every room ends.
	ColumnEnd int
	HTML      template.HTML
}

// decorate writes the entries' markup in the page's language and zone.
func (v *timetableView) decorate(p *page, slug string) {
	for i := range v.Entries {
		v.Entries[i].HTML = entryCard(p, slug, &v.Entries[i].TimetableEntry)
	}
}

// hourMark labels a full hour on the grid.
type hourMark struct {
	Time time.Time
	Row  int
}

// slot is the grid's resolution.
const slot = 5 * time.Minute

// showTimetable is the timetable of an event, one day at a time.
func (h *Handler) showTimetable(w http.ResponseWriter, r *http.Request) {
	tt, err := h.Programme.Grid(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	loc := tt.Event.Location()
	v := timetableView{Days: tt.Programme.Days(loc)}
	if len(v.Days) > 0 {
		v.Day = v.Days[0]
		for _, d := range v.Days {
			if d.Date.Format("2006-01-02") == r.URL.Query().Get("day") {
				v.Day = d
			}
		}
		v.place(tt.Rooms, loc)
	}
	p := h.eventPage(r, &eventData{Event: tt.Event, Access: tt.Access}, "timetable", nil)
	v.decorate(p, tt.Event.Slug)
	p.Data = v
	h.render(w, r, http.StatusOK, "timetable", p)
}

// place lays the day's entries out: a column per room that has entries that
// day (and one for entries without a room), a row per five minutes from the
// first full hour to the end of the last entry.
func (v *timetableView) place(rooms []symposium.Room, loc *time.Location) {
	used := map[string]bool{}
	noRoom := false
	first, last := v.Day.Entries[0].StartsAt.In(loc), v.Day.Entries[0].EndsAt.In(loc)
	for _, e := range v.Day.Entries {
		switch {
		case e.Room != nil:
			used[e.Room.ID] = true
		case !spansRooms(e.Kind):
			noRoom = true
		}
		if end := e.EndsAt.In(loc); end.After(last) {
			last = end
		}
	}
	column := map[string]int{}
	for _, r := range rooms {
		if used[r.ID] || v.AllRooms {
			v.Rooms = append(v.Rooms, symposium.RoomRef{ID: r.ID, Name: r.Name})
			column[r.ID] = len(v.Rooms) + 1
		}
	}
	named := len(v.Rooms)
	if noRoom || named == 0 {
		v.Rooms = append(v.Rooms, symposium.RoomRef{})
	}
	origin := time.Date(first.Year(), first.Month(), first.Day(), first.Hour(), 0, 0, 0, loc)
	row := func(t time.Time) int { return int(t.In(loc).Sub(origin)/slot) + 2 }
	for _, e := range v.Day.Entries {
		p := placedEntry{TimetableEntry: e, Row: row(e.StartsAt), RowEnd: max(row(e.EndsAt), row(e.StartsAt)+1), Column: len(v.Rooms) + 1}
		switch {
		case e.Room != nil:
			p.Column = column[e.Room.ID]
		case spansRooms(e.Kind) && named > 1:
			p.Column, p.ColumnEnd = 2, named+2
		case spansRooms(e.Kind) && named == 1:
			p.Column = 2
		}
		v.Entries = append(v.Entries, p)
	}
	v.Rows = row(last)
	for t := origin; t.Before(last); t = t.Add(time.Hour) {
		v.Hours = append(v.Hours, hourMark{Time: t, Row: row(t)})
	}
}

// spansRooms says whether an entry of the kind without a room spans every
// room: breaks and plenary entries (addresses and keynotes) do.
func spansRooms(kind string) bool {
	return kind == symposium.ContributionBreak || kind == symposium.ContributionAddress || kind == symposium.ContributionKeynote
}

// printDay is one day of the printable timetable, its rows written out.
type printDay struct {
	Date time.Time
	Rows []template.HTML
}

// printTimetable is the whole programme as one list, for paper.
func (h *Handler) printTimetable(w http.ResponseWriter, r *http.Request) {
	tt, err := h.Programme.Timetable(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, &eventData{Event: tt.Event, Access: tt.Access}, "timetable", nil)
	var days []printDay
	for _, d := range tt.Programme.Days(tt.Event.Location()) {
		pd := printDay{Date: d.Date, Rows: make([]template.HTML, len(d.Entries))}
		for i := range d.Entries {
			pd.Rows[i] = printRow(p, &d.Entries[i])
		}
		days = append(days, pd)
	}
	p.Data = days
	h.render(w, r, http.StatusOK, "timetable_print", p)
}

// dayLabel writes a day tab: the weekday and date, with the year when the
// days shown fall in more than one year.
func dayLabel(l *i18n.Localizer, days []symposium.TimetableDay, t time.Time) string {
	if len(days) == 0 || days[0].Date.Year() == days[len(days)-1].Date.Year() {
		return l.DateShort(t)
	}
	year := strconv.Itoa(t.Year())
	if l.Lang == "zh" {
		return year + "年" + l.DateShort(t)
	}
	return l.DateShort(t) + " " + year
}
