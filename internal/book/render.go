package book

import (
	"fmt"
	"strconv"

	"github.com/signintech/gopdf"

	"symposium/internal/fonts"
)

// info sets the document's title and subject.
func (m *measurer) info(title, subject string) {
	m.pdf.SetInfo(gopdf.PdfInfo{Title: bmp(oneLine(title)), Subject: bmp(oneLine(subject)), Creator: "Symposium"})
}

// render draws the pages into the PDF, with the page number centred in the
// bottom margin of every page that shows one, and bookmarks.
func (m *measurer) render(pages []*page) error {
	for i, p := range pages {
		m.pdf.AddPage()
		if p.outline != "" {
			m.pdf.AddOutline(bmp(p.outline))
		}
		for _, o := range p.ops {
			if err := m.draw(o); err != nil {
				return err
			}
		}
		if p.footer {
			if err := m.footer(i + 1); err != nil {
				return err
			}
		}
	}
	return nil
}

// draw draws one op.
func (m *measurer) draw(o op) error {
	if o.text == "" {
		m.pdf.SetStrokeColor(o.gray, o.gray, o.gray)
		m.pdf.SetLineWidth(o.size)
		m.pdf.SetLineType("solid")
		if o.dotted {
			m.pdf.SetCustomLineType([]float64{0.7, 2.3}, 0)
		}
		m.pdf.Line(o.x, o.y, o.x2, o.y2)
		return nil
	}
	if err := m.pdf.SetFont(string(o.font), "", o.size); err != nil {
		return fmt.Errorf("book: font %s: %w", o.font, err)
	}
	m.pdf.SetTextColor(o.gray, o.gray, o.gray)
	m.pdf.SetXY(o.x, o.y)
	if err := m.pdf.Text(o.text); err != nil {
		return fmt.Errorf("book: text %q: %w", o.text, err)
	}
	return nil
}

// footer draws the page number n centred in the bottom margin.
func (m *measurer) footer(n int) error {
	s := strconv.Itoa(n)
	w, err := m.width(fonts.Sans, sizeSmall+0.5, s)
	if err != nil {
		return err
	}
	return m.draw(op{text: s, font: fonts.Sans, size: sizeSmall + 0.5, gray: 90, x: (pageW - w) / 2, y: pageH - margin/2})
}
