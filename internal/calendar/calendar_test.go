package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
)

func TestWriteParsesBack(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Almaty")
	start := time.Date(2024, 5, 22, 10, 0, 0, 0, loc)
	c := &Calendar{Name: "中国科技研讨会", Zone: "Asia/Almaty", Entries: []Entry{
		{UID: "a@symposium", Summary: "Вступительное слово; у науки нет границ", Description: "Син Фанфан, 邢芳芳", Location: "Main hall, Astana",
			Start: start, End: start.Add(15 * time.Minute)},
		{UID: "b@symposium", Summary: "Panel", Start: start.Add(time.Hour), End: start.Add(2 * time.Hour)},
	}}
	var buf bytes.Buffer
	if err := c.Write(&buf, time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Count(out, "\r\n") != strings.Count(out, "\n") {
		t.Error("lines do not all end in CRLF")
	}
	for _, want := range []string{"DTSTART;TZID=Asia/Almaty:20240522T100000", "TZOFFSETTO:+0500", "DTSTAMP:20261124T000000Z", "UID:a@symposium"} {
		if !strings.Contains(out, want) {
			t.Errorf("calendar lacks %q:\n%s", want, out)
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if len(events) != 2 {
		t.Fatalf("%d events parsed", len(events))
	}
	got, err := events[0].GetStartAt()
	if err != nil || !got.Equal(start) {
		t.Errorf("start = %v (%v), want %v", got, err, start.UTC())
	}
	if s := events[0].GetProperty(ics.ComponentPropertySummary).Value; s != "Вступительное слово; у науки нет границ" {
		t.Errorf("summary = %q", s)
	}
}

// TestZoneChange checks the zone description across a change of offset:
// Kazakhstan moved from UTC+6 to UTC+5 on 1 March 2024.
func TestZoneChange(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Almaty")
	start := time.Date(2024, 2, 29, 20, 0, 0, 0, loc)
	c := &Calendar{Name: "x", Zone: "Asia/Almaty", Entries: []Entry{{UID: "x", Summary: "night", Start: start, End: start.Add(6 * time.Hour)}}}
	var buf bytes.Buffer
	if err := c.Write(&buf, time.Now()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "TZOFFSETFROM:+0600\r\nTZOFFSETTO:+0500") {
		t.Errorf("no change from +0600 to +0500:\n%s", buf.String())
	}
}
