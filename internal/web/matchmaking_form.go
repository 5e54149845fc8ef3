package web

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"symposium"
)

// The settings form takes its lists as lines of text, which a phone
// types as easily as a desk:
//
//	periods:      2030-05-22 15:00-17:00 20 10   (day, from-to, minutes per slot, tables)
//	tables:       11 | Booth A | person id       (number, name, holder)
//	interpreters: Li Na | zh ru
//	delegations:  Ministry of Energy | id id …

// readSettings reads the settings form. Slots that start when an existing
// slot starts keep its ID, as do interpreters and delegations of the same
// name, so that published meetings stay where they are.
func readSettings(f *form, old *symposium.Matchmaking, loc *time.Location) (*symposium.Matchmaking, error) {
	var p symposium.Problems
	m := &symposium.Matchmaking{
		OpensAt:         localTime(&p, "opens_at", f.Values["opens_at"], loc),
		ClosesAt:        localTime(&p, "closes_at", f.Values["closes_at"], loc),
		Approval:        f.Values["approval"] != "",
		IndustryScience: f.Values["industry_science"] != "",
	}
	if v := f.Values["requests_per_person"]; v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			p.Add("requests_per_person", "error.field.between", "Min", 0, "Max", 1000)
		}
		m.RequestsPerPerson = n
	}
	m.Slots = readPeriods(&p, f.Values["periods"], old, loc)
	for i, line := range lines(f.Values["tables"]) {
		parts := splitBar(line, 3)
		n, err := strconv.Atoi(parts[0])
		if err != nil {
			p.Add("tables", "error.matchmaking.line", "Line", i+1)
			continue
		}
		m.Tables = append(m.Tables, symposium.MeetingTable{Number: n, Name: parts[1], HolderID: parts[2]})
	}
	for _, line := range lines(f.Values["interpreters"]) {
		parts := splitBar(line, 2)
		it := symposium.MeetingInterpreter{Name: parts[0], Languages: strings.Fields(parts[1])}
		for _, o := range old.Interpreters {
			if o.Name == it.Name {
				it.ID = o.ID
			}
		}
		m.Interpreters = append(m.Interpreters, it)
	}
	for _, line := range lines(f.Values["delegations"]) {
		parts := splitBar(line, 2)
		d := symposium.Delegation{Name: symposium.Text(symposium.DefaultLanguage, parts[0]), Members: strings.Fields(parts[1])}
		for _, o := range old.Delegations {
			if o.Name.Get(symposium.DefaultLanguage, "") == parts[0] {
				d.ID, d.Name = o.ID, o.Name
			}
		}
		m.Delegations = append(m.Delegations, d)
	}
	return m, p.Err()
}

// readPeriods cuts each period line into slots.
func readPeriods(p *symposium.Problems, text string, old *symposium.Matchmaking, loc *time.Location) []symposium.MeetingSlot {
	var slots []symposium.MeetingSlot
	for i, line := range lines(text) {
		var day, span string
		var minutes, tables int
		_, err := fmt.Sscanf(line, "%s %s %d %d", &day, &span, &minutes, &tables)
		from, to, ok := strings.Cut(span, "-")
		var start, end time.Time
		if err == nil && ok {
			start, err = time.ParseInLocation("2006-01-02 15:04", day+" "+from, loc)
			if err == nil {
				end, err = time.ParseInLocation("2006-01-02 15:04", day+" "+to, loc)
			}
		}
		if err != nil || !ok || minutes < 5 || !end.After(start) || end.Sub(start) > 24*time.Hour {
			p.Add("periods", "error.matchmaking.line", "Line", i+1)
			continue
		}
		for at := start; !at.Add(time.Duration(minutes) * time.Minute).After(end); at = at.Add(time.Duration(minutes) * time.Minute) {
			sl := symposium.MeetingSlot{StartsAt: at, EndsAt: at.Add(time.Duration(minutes) * time.Minute), Tables: tables}
			for _, o := range old.Slots {
				if o.StartsAt.Equal(sl.StartsAt) {
					sl.ID = o.ID
				}
			}
			slots = append(slots, sl)
		}
	}
	return slots
}

// fillSettings writes stored settings into the form's values.
func fillSettings(f *form, m *symposium.Matchmaking, loc *time.Location) {
	if !m.OpensAt.IsZero() {
		f.Values["opens_at"] = m.OpensAt.In(loc).Format(localLayout)
		f.Values["closes_at"] = m.ClosesAt.In(loc).Format(localLayout)
	}
	if m.RequestsPerPerson > 0 {
		f.Values["requests_per_person"] = strconv.Itoa(m.RequestsPerPerson)
	}
	f.Values["approval"] = checked(m.Approval)
	f.Values["industry_science"] = checked(m.IndustryScience)
	f.Values["periods"] = periodLines(m.Slots, loc)
	var b strings.Builder
	for _, t := range m.Tables {
		fmt.Fprintf(&b, "%d | %s | %s\n", t.Number, t.Name, t.HolderID)
	}
	f.Values["tables"] = b.String()
	b.Reset()
	for _, it := range m.Interpreters {
		fmt.Fprintf(&b, "%s | %s\n", it.Name, strings.Join(it.Languages, " "))
	}
	f.Values["interpreters"] = b.String()
	b.Reset()
	for _, d := range m.Delegations {
		fmt.Fprintf(&b, "%s | %s\n", d.Name.Get(symposium.DefaultLanguage, ""), strings.Join(d.Members, " "))
	}
	f.Values["delegations"] = b.String()
}

// checked is a checkbox's form value.
func checked(on bool) string {
	if on {
		return "on"
	}
	return ""
}

// periodLines writes slots as period lines, joining slots of one length
// and table count that follow each other without a gap.
func periodLines(slots []symposium.MeetingSlot, loc *time.Location) string {
	var b strings.Builder
	for i := 0; i < len(slots); {
		first, j := slots[i], i+1
		length := first.EndsAt.Sub(first.StartsAt)
		for j < len(slots) && slots[j].StartsAt.Equal(slots[j-1].EndsAt) && slots[j].EndsAt.Sub(slots[j].StartsAt) == length &&
			slots[j].Tables == first.Tables {
			j++
		}
		start, end := first.StartsAt.In(loc), slots[j-1].EndsAt.In(loc)
		fmt.Fprintf(&b, "%s %s-%s %d %d\n", start.Format("2006-01-02"), start.Format("15:04"), end.Format("15:04"), int(length.Minutes()), first.Tables)
		i = j
	}
	return b.String()
}

// lines returns the non-empty lines of a text, trimmed.
func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// splitBar splits a line at "|" into n trimmed parts, padding with "".
func splitBar(line string, n int) []string {
	parts := strings.SplitN(line, "|", n)
	for len(parts) < n {
		parts = append(parts, "")
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}
