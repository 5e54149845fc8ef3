// Package agendapdf prints a participant's matchmaking agenda as an A4
// PDF: a heading, then each meeting with its time, its table in large
// type, the other party and their organization, and what they offer, in
// whichever script each text is written, with the fonts embedded in the
// binary.
package agendapdf

import (
	"bytes"
	"fmt"

	"github.com/signintech/gopdf"

	"symposium/internal/fonts"
)

// Agenda is what the PDF shows, already written in the reader's language.
type Agenda struct {
	Title    string // the event
	Subtitle string // whose agenda, and the zone of its times
	Meetings []Meeting
	Empty    string // said when there are no meetings
}

// Meeting is one meeting of the agenda.
type Meeting struct {
	When         string
	Table        string
	With         string
	Organization string
	Offers       string
	Status       string
}

// Page geometry in points.
const (
	pageW, pageH = 595.3, 841.9
	margin       = 48.0
	width        = pageW - 2*margin
	blockH       = 92.0
)

// Write returns the agenda as a PDF.
func Write(a Agenda) ([]byte, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: pageW, H: pageH}})
	if err := fonts.Load(pdf); err != nil {
		return nil, fmt.Errorf("agendapdf: %w", err)
	}
	pdf.AddPage()
	y := margin
	if err := line(pdf, margin, y, pageW-2*margin, a.Title, 18, true); err != nil {
		return nil, err
	}
	y += 26
	if err := line(pdf, margin, y, pageW-2*margin, a.Subtitle, 11, false); err != nil {
		return nil, err
	}
	y += 28
	if len(a.Meetings) == 0 {
		if err := line(pdf, margin, y, pageW-2*margin, a.Empty, 12, false); err != nil {
			return nil, err
		}
	}
	for _, m := range a.Meetings {
		if y+blockH > pageH-margin {
			pdf.AddPage()
			y = margin
		}
		if err := meeting(pdf, y, m); err != nil {
			return nil, err
		}
		y += blockH
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("agendapdf: write: %w", err)
	}
	return buf.Bytes(), nil
}

// meeting draws one meeting's block with a rule above it.
func meeting(pdf *gopdf.GoPdf, y float64, m Meeting) error {
	pdf.SetStrokeColor(190, 190, 190)
	pdf.Line(margin, y, pageW-margin, y)
	// The table's column is tableW wide; the other person's column runs
	// to the right margin.
	const tableW, gap = 160.0, 10.0
	for _, l := range []struct {
		x, dy, size, room float64
		text              string
		bold              bool
	}{
		{margin, 10, 12, 0, m.When + "  ·  " + m.Status, true},
		{margin, 28, 20, tableW, m.Table, true},
		{margin + tableW + gap, 28, 14, 0, m.With, true},
		{margin + tableW + gap, 48, 10, 0, m.Organization, false},
		{margin + tableW + gap, 64, 10, 0, m.Offers, false},
	} {
		room := l.room
		if room == 0 {
			room = pageW - margin - l.x
		}
		if err := line(pdf, l.x, y+l.dy, room, l.text, l.size, l.bold); err != nil {
			return err
		}
	}
	return nil
}

// line writes one line at x, y, in the size given or smaller so that it
// fits in room points, each character in the embedded face that has it; a
// line too long even then is cut.
func line(pdf *gopdf.GoPdf, x, y, room float64, s string, size float64, bold bool) error {
	if s == "" {
		return nil
	}
	runs := fonts.Runs(s, bold)
	for ; size > 7; size-- {
		w, err := measure(pdf, runs, size)
		if err != nil {
			return err
		}
		if w <= room {
			break
		}
	}
	pdf.SetXY(x, y)
	used := 0.0
	for _, r := range runs {
		if err := pdf.SetFont(string(r.Face), "", size); err != nil {
			return fmt.Errorf("agendapdf: font: %w", err)
		}
		text := r.Text
		for text != "" {
			w, err := pdf.MeasureTextWidth(text)
			if err != nil {
				return fmt.Errorf("agendapdf: measure: %w", err)
			}
			if used+w <= room {
				used += w
				break
			}
			rs := []rune(text)
			text = string(rs[:len(rs)-1])
		}
		if err := pdf.Cell(nil, text); err != nil {
			return fmt.Errorf("agendapdf: text: %w", err)
		}
		if text != r.Text {
			break
		}
	}
	return nil
}

// measure returns the width of runs set at size.
func measure(pdf *gopdf.GoPdf, runs []fonts.Run, size float64) (float64, error) {
	total := 0.0
	for _, r := range runs {
		if err := pdf.SetFont(string(r.Face), "", size); err != nil {
			return 0, fmt.Errorf("agendapdf: font: %w", err)
		}
		w, err := pdf.MeasureTextWidth(r.Text)
		if err != nil {
			return 0, fmt.Errorf("agendapdf: measure: %w", err)
		}
		total += w
	}
	return total, nil
}
