// Package calendar writes iCalendar files (RFC 5545): the programme of an
// event, one programme entry, or an event as a whole, with times in the
// event's zone, lines ending in CRLF, and stable UIDs.
package calendar

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"symposium"
)

// Entry is one calendar event.
type Entry struct {
	UID         string // stable across exports, such as a contribution's ID
	Summary     string
	Description string
	Location    string
	URL         string
	Start, End  time.Time
}

// Calendar is a set of entries in one time zone.
type Calendar struct {
	Name    string
	Zone    string // IANA name, such as Asia/Almaty
	Entries []Entry
}

// localLayout writes a time as local time in a TZID-qualified property.
const localLayout = "20060102T150405"

// Write writes the calendar. now is its DTSTAMP.
func (c *Calendar) Write(w io.Writer, now time.Time) error {
	loc, err := time.LoadLocation(c.Zone)
	if err != nil {
		return fmt.Errorf("calendar: zone %q: %w", c.Zone, err)
	}
	cal := ics.NewCalendar()
	cal.SetProductId("-//Symposium//Symposium//EN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName(c.Name)
	cal.SetXWRCalName(c.Name)
	cal.SetXWRTimezone(c.Zone)
	if len(c.Entries) > 0 {
		first, last := c.span()
		addZone(cal, c.Zone, loc, first, last)
	}
	for _, e := range c.Entries {
		ev := cal.AddEvent(e.UID)
		ev.SetDtStampTime(now.UTC())
		ev.SetProperty(ics.ComponentPropertyDtStart, e.Start.In(loc).Format(localLayout), ics.WithTZID(c.Zone))
		ev.SetProperty(ics.ComponentPropertyDtEnd, e.End.In(loc).Format(localLayout), ics.WithTZID(c.Zone))
		ev.SetSummary(e.Summary)
		if e.Description != "" {
			ev.SetDescription(e.Description)
		}
		if e.Location != "" {
			ev.SetLocation(e.Location)
		}
		if e.URL != "" {
			ev.SetURL(e.URL)
		}
	}
	if err := cal.SerializeTo(w, ics.WithNewLineWindows); err != nil {
		return fmt.Errorf("calendar: write: %w", err)
	}
	return nil
}

// span returns the first start and the last end of the entries.
func (c *Calendar) span() (time.Time, time.Time) {
	first, last := c.Entries[0].Start, c.Entries[0].End
	for _, e := range c.Entries {
		if e.Start.Before(first) {
			first = e.Start
		}
		if e.End.After(last) {
			last = e.End
		}
	}
	return first, last
}

// addZone describes the zone over the calendar's span: the offset in force
// at the start and every change of offset until the end, so that clients
// without the zone database still place every entry right.
func addZone(cal *ics.Calendar, name string, loc *time.Location, from, to time.Time) {
	tz := cal.AddTimezone(name)
	_, offset := from.In(loc).Zone()
	addOffset(tz, from.Add(-24*time.Hour).In(loc), offset, offset)
	for t := from; t.Before(to); {
		next := t.Add(time.Hour)
		if _, o := next.In(loc).Zone(); o != offset {
			change := findChange(loc, t, next)
			addOffset(tz, change.In(loc), offset, o)
			offset = o
		}
		t = next
	}
}

// findChange narrows to the second an offset changes between a and b.
func findChange(loc *time.Location, a, b time.Time) time.Time {
	_, oa := a.In(loc).Zone()
	for b.Sub(a) > time.Second {
		mid := a.Add(b.Sub(a) / 2)
		if _, o := mid.In(loc).Zone(); o == oa {
			a = mid
		} else {
			b = mid
		}
	}
	return b
}

// addOffset adds a STANDARD component saying that from start on the offset
// goes from one value to another.
func addOffset(tz *ics.VTimezone, start time.Time, from, to int) {
	s := tz.AddStandard()
	s.SetProperty(ics.ComponentPropertyDtStart, start.Format(localLayout))
	s.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), utcOffset(from))
	s.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), utcOffset(to))
	name, _ := start.Zone()
	s.AddProperty(ics.ComponentProperty(ics.PropertyTzname), name)
}

// utcOffset writes an offset in seconds as +hhmm.
func utcOffset(seconds int) string {
	sign := "+"
	if seconds < 0 {
		sign, seconds = "-", -seconds
	}
	return fmt.Sprintf("%s%02d%02d", sign, seconds/3600, seconds%3600/60)
}

// ForEvent writes an event as one calendar entry in a language; link is
// the event's page.
func ForEvent(e *symposium.Event, lang, link string, now time.Time) ([]byte, error) {
	title := e.Title.Get(lang, e.DefaultLanguage)
	var where []string
	for _, t := range []symposium.LocalizedText{e.Venue.Name, e.Venue.City} {
		if v := t.Get(lang, e.DefaultLanguage); v != "" {
			where = append(where, v)
		}
	}
	if e.Venue.Address != "" {
		where = append(where, e.Venue.Address)
	}
	cal := &Calendar{Name: title, Zone: e.Timezone, Entries: []Entry{{
		UID: e.ID + "@symposium", Summary: title, Description: e.Summary.Get(lang, e.DefaultLanguage),
		Location: strings.Join(where, ", "), URL: link, Start: e.StartsAt, End: e.EndsAt,
	}}}
	var buf bytes.Buffer
	if err := cal.Write(&buf, now); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
