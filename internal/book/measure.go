package book

import (
	"fmt"

	"github.com/signintech/gopdf"

	"symposium/internal/fonts"
)

// A4 in points, and the 20 mm margins.
const (
	pageW, pageH = 595.28, 841.89
	margin       = 56.69
	bodyW        = pageW - 2*margin
	bottom       = pageH - margin
)

// measurer holds the PDF with its fonts loaded: layout measures text with
// it, and render draws the pages into it.
type measurer struct {
	pdf    *gopdf.GoPdf
	widths map[widthKey]float64
}

type widthKey struct {
	font fonts.Face
	size float64
	text string
}

// newMeasurer starts an A4 PDF with the embedded fonts.
func newMeasurer() (*measurer, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := fonts.Load(pdf); err != nil {
		return nil, fmt.Errorf("book: %w", err)
	}
	return &measurer{pdf: pdf, widths: map[widthKey]float64{}}, nil
}

// width measures text set in font at size, in points.
func (m *measurer) width(font fonts.Face, size float64, text string) (float64, error) {
	k := widthKey{font, size, text}
	if w, ok := m.widths[k]; ok {
		return w, nil
	}
	if err := m.pdf.SetFont(string(font), "", size); err != nil {
		return 0, fmt.Errorf("book: font %s: %w", font, err)
	}
	w, err := m.pdf.MeasureTextWidth(text)
	if err != nil {
		return 0, fmt.Errorf("book: measure %q: %w", text, err)
	}
	m.widths[k] = w
	return w, nil
}
