package book

import (
	"fmt"

	"github.com/signintech/gopdf"

	"symposium/internal/badge"
)

// Font keys, as badge.FindFonts names them.
const (
	fontLatin = "latin"
	fontBold  = "latin-bold"
	fontCJK   = "cjk"
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
	glyphs map[glyphKey]bool
}

type widthKey struct {
	font string
	size float64
	text string
}

type glyphKey struct {
	font string
	r    rune
}

// newMeasurer starts an A4 PDF and loads the three fonts a book needs.
func newMeasurer(fonts badge.Fonts) (*measurer, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	for _, key := range []string{fontLatin, fontBold, fontCJK} {
		path := fonts[key]
		if path == "" {
			return nil, fmt.Errorf("book: no %q font given; find fonts with badge.FindFonts", key)
		}
		if err := pdf.AddTTFFont(key, path); err != nil {
			return nil, fmt.Errorf("book: font %s: %w", path, err)
		}
	}
	return &measurer{pdf: pdf, widths: map[widthKey]float64{}, glyphs: map[glyphKey]bool{}}, nil
}

// width measures text set in font at size, in points.
func (m *measurer) width(font string, size float64, text string) (float64, error) {
	k := widthKey{font, size, text}
	if w, ok := m.widths[k]; ok {
		return w, nil
	}
	if err := m.pdf.SetFont(font, "", size); err != nil {
		return 0, fmt.Errorf("book: font %s: %w", font, err)
	}
	w, err := m.pdf.MeasureTextWidth(text)
	if err != nil {
		return 0, fmt.Errorf("book: measure %q: %w", text, err)
	}
	m.widths[k] = w
	return w, nil
}

// has reports whether font has a glyph for r.
func (m *measurer) has(font string, r rune) (bool, error) {
	k := glyphKey{font, r}
	if ok, seen := m.glyphs[k]; seen {
		return ok, nil
	}
	if err := m.pdf.SetFont(font, "", 10); err != nil {
		return false, fmt.Errorf("book: font %s: %w", font, err)
	}
	ok, err := m.pdf.IsCurrFontContainGlyph(r)
	if err != nil {
		return false, fmt.Errorf("book: glyph %U: %w", r, err)
	}
	m.glyphs[k] = ok
	return ok, nil
}

// fontFor picks the font for r: the Chinese font for Chinese, DejaVu for the
// rest, and whichever has the glyph when the first choice lacks it. It
// returns "" when neither has it.
func (m *measurer) fontFor(r rune, bold bool) (string, error) {
	first, second := fontLatin, fontCJK
	if bold {
		first = fontBold
	}
	if isCJK(r) {
		first, second = second, first
	}
	for _, f := range []string{first, second} {
		ok, err := m.has(f, r)
		if ok || err != nil {
			return f, err
		}
	}
	return "", nil
}
