// Package badge prints name badges as PDF: one per registration, or a sheet
// of four on A4 with cut marks. A badge carries the name as written in its
// own script and, where that is not Latin, a Latin line too, the
// organization, the category and the ticket's QR code.
package badge

import (
	"bytes"
	"fmt"

	"github.com/signintech/gopdf"

	"symposium/internal/fonts"
	"symposium/internal/qrcode"
)

// Badge is what one badge shows.
type Badge struct {
	Event        string
	Name         string // as written in its own script
	Latin        string // the name in Latin letters, when Name is not
	Organization string
	Category     string
	Ticket       string // for the QR code; "" for none
	// NoPhotos marks a person who did not agree to be photographed: the
	// badge carries a crossed-out camera and "NO PHOTOS" in the
	// languages of the symposium, for the photographers on site.
	NoPhotos bool
	// Accent is the event's colour, #rrggbb, for the category's band;
	// empty for the site's.
	Accent string
	// Logo is the event's logo, a JPEG, shown top right; nil for none.
	Logo []byte
}

// noPhotosText is the "no photos" mark, in the four languages.
const noPhotosText = "NO PHOTOS · 请勿拍照 · СУРЕТКЕ ТҮСІРМЕҢІЗ · БЕЗ ФОТО"

// Sizes in points: a badge is A6, a sheet A4 holding four.
const (
	badgeW, badgeH = 297.6, 419.5
	sheetW, sheetH = 595.3, 841.9
)

// One writes a single A6 badge.
func One(b Badge) ([]byte, error) {
	return write(badgeW, badgeH, []Badge{b}, 1)
}

// Sheet writes badges four to an A4 page, with cut marks.
func Sheet(badges []Badge) ([]byte, error) {
	return write(sheetW, sheetH, badges, 4)
}

func write(w, h float64, badges []Badge, perPage int) ([]byte, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: w, H: h}})
	if err := fonts.Load(pdf); err != nil {
		return nil, fmt.Errorf("badge: %w", err)
	}
	for i, b := range badges {
		if i%perPage == 0 {
			pdf.AddPage()
			if perPage == 4 {
				cutMarks(pdf)
			}
		}
		x, y := 0.0, 0.0
		if perPage == 4 {
			x, y = float64(i%2)*badgeW, float64(i%4/2)*badgeH
		}
		if err := draw(pdf, x, y, b); err != nil {
			return nil, err
		}
	}
	if len(badges) == 0 {
		pdf.AddPage()
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("badge: write: %w", err)
	}
	return buf.Bytes(), nil
}

// cutMarks draws short lines where an A4 sheet is cut into four badges.
func cutMarks(pdf *gopdf.GoPdf) {
	pdf.SetStrokeColor(120, 120, 120)
	pdf.SetLineWidth(0.5)
	const m = 12
	for _, x := range []float64{badgeW} {
		pdf.Line(x, 0, x, m)
		pdf.Line(x, sheetH-m, x, sheetH)
		pdf.Line(x, badgeH-m/2, x, badgeH+m/2)
	}
	for _, y := range []float64{badgeH} {
		pdf.Line(0, y, m, y)
		pdf.Line(sheetW-m, y, sheetW, y)
	}
}

// draw lays one badge out with its top-left corner at x, y.
func draw(pdf *gopdf.GoPdf, x, y float64, b Badge) error {
	const pad = 22
	width := badgeW - 2*pad
	logoW, err := drawLogo(pdf, x+badgeW-pad, y+pad-8, b.Logo)
	if err != nil {
		return err
	}
	pdf.SetTextColor(90, 90, 90)
	if err := text(pdf, x+pad, y+pad, width-logoW-8*min(logoW, 1), b.Event, 10, false); err != nil {
		return err
	}
	pdf.SetTextColor(0, 0, 0)
	if err := text(pdf, x+pad, y+80, width, b.Name, 26, true); err != nil {
		return err
	}
	if b.Latin != "" && b.Latin != b.Name {
		if err := text(pdf, x+pad, y+118, width, b.Latin, 14, false); err != nil {
			return err
		}
	}
	pdf.SetTextColor(60, 60, 60)
	if err := text(pdf, x+pad, y+148, width, b.Organization, 12, false); err != nil {
		return err
	}
	if b.Ticket != "" {
		if err := drawQR(pdf, x+(badgeW-130)/2, y+190, 130, b.Ticket); err != nil {
			return err
		}
	}
	if b.NoPhotos {
		if err := noPhotos(pdf, x, y+badgeH-80); err != nil {
			return err
		}
	}
	band := bandColour(b.Accent)
	pdf.SetFillColor(band[0], band[1], band[2])
	if err := pdf.Rectangle(x, y+badgeH-52, x+badgeW, y+badgeH, "F", 0, 0); err != nil {
		return fmt.Errorf("badge: band: %w", err)
	}
	pdf.SetTextColor(255, 255, 255)
	return text(pdf, x+pad, y+badgeH-38, width, b.Category, 16, true)
}

// text writes a line at x, y, in the size given or smaller so that it fits
// width, each character in the embedded face that has it.
func text(pdf *gopdf.GoPdf, x, y, width float64, s string, size float64, bold bool) error {
	if s == "" {
		return nil
	}
	runs := fonts.Runs(s, bold)
	for ; size > 6; size-- {
		w, err := measure(pdf, runs, size)
		if err != nil {
			return err
		}
		if w <= width {
			break
		}
	}
	pdf.SetXY(x, y)
	for _, r := range runs {
		if err := pdf.SetFont(string(r.Face), "", size); err != nil {
			return fmt.Errorf("badge: font: %w", err)
		}
		if err := pdf.Cell(nil, r.Text); err != nil {
			return fmt.Errorf("badge: text: %w", err)
		}
	}
	return nil
}

// measure returns the width of runs set at size.
func measure(pdf *gopdf.GoPdf, runs []fonts.Run, size float64) (float64, error) {
	total := 0.0
	for _, r := range runs {
		if err := pdf.SetFont(string(r.Face), "", size); err != nil {
			return 0, fmt.Errorf("badge: font: %w", err)
		}
		w, err := pdf.MeasureTextWidth(r.Text)
		if err != nil {
			return 0, fmt.Errorf("badge: measure: %w", err)
		}
		total += w
	}
	return total, nil
}

// drawQR draws the ticket's QR code as black squares in a size×size box.
func drawQR(pdf *gopdf.GoPdf, x, y, size float64, text string) error {
	m, err := qrcode.Modules(text)
	if err != nil {
		return err
	}
	cell := size / float64(len(m))
	pdf.SetFillColor(0, 0, 0)
	for row := range m {
		for col, dark := range m[row] {
			if dark {
				cx, cy := x+float64(col)*cell, y+float64(row)*cell
				if err := pdf.Rectangle(cx, cy, cx+cell, cy+cell, "F", 0, 0); err != nil {
					return fmt.Errorf("badge: qr: %w", err)
				}
			}
		}
	}
	return nil
}

// noPhotos draws the "no photos" mark across the badge at height y: a red
// band with the words in four languages.
func noPhotos(pdf *gopdf.GoPdf, x, y float64) error {
	pdf.SetFillColor(200, 30, 30)
	if err := pdf.Rectangle(x, y, x+badgeW, y+22, "F", 0, 0); err != nil {
		return fmt.Errorf("badge: no photos: %w", err)
	}
	pdf.SetTextColor(255, 255, 255)
	err := text(pdf, x+10, y+5, badgeW-20, noPhotosText, 9, true)
	pdf.SetTextColor(0, 0, 0)
	return err
}
