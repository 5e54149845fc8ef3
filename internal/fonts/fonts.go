// Package fonts holds the typefaces that badges and the book of abstracts
// are set in, embedded in the binary so that no system font is needed:
// DejaVu Sans and DejaVu Sans Bold for Latin and Cyrillic (Kazakh letters
// included), and a subset of Droid Sans Fallback with a synthetic bold for
// Chinese. All four are TrueType, which the PDF writer subsets into each
// document. README.md beside them says how they were made; their licences
// are embedded with them.
package fonts

import (
	"embed"
	"fmt"
	"sync"
	"unicode"

	"github.com/signintech/gopdf"
	"github.com/signintech/gopdf/fontmaker/core"
)

// Face names one embedded typeface; it is also the family name under which
// Load adds it to a PDF.
type Face string

// The embedded faces.
const (
	Sans     Face = "sans"      // DejaVu Sans
	SansBold Face = "sans-bold" // DejaVu Sans Bold
	CJK      Face = "cjk"       // Droid Sans Fallback SC
	CJKBold  Face = "cjk-bold"  // Droid Sans Fallback SC Bold (synthetic)
)

// Faces lists every embedded face.
var Faces = []Face{Sans, SansBold, CJK, CJKBold}

var fileOf = map[Face]string{
	Sans:     "DejaVuSans.ttf",
	SansBold: "DejaVuSans-Bold.ttf",
	CJK:      "DroidSansFallbackSC.ttf",
	CJKBold:  "DroidSansFallbackSC-Bold.ttf",
}

// files holds the fonts with their licences and README.md, so that the
// binary carries the notices the licences ask for.
//
//go:embed *.ttf LICENSE-*.txt README.md
var files embed.FS

// loaded is every face parsed once: for the PDF writer, and its character
// map, for choosing a face by coverage.
type loaded struct {
	container *gopdf.FontContainer
	chars     map[Face]map[int]uint
}

var load = sync.OnceValues(func() (*loaded, error) {
	l := &loaded{container: &gopdf.FontContainer{}, chars: map[Face]map[int]uint{}}
	for _, f := range Faces {
		data, err := files.ReadFile(fileOf[f])
		if err != nil {
			return nil, fmt.Errorf("fonts: %s: %w", f, err)
		}
		if err := l.container.AddTTFFontData(string(f), data); err != nil {
			return nil, fmt.Errorf("fonts: %s: %w", fileOf[f], err)
		}
		var p core.TTFParser
		if err := p.ParseFontData(data); err != nil {
			return nil, fmt.Errorf("fonts: %s: %w", fileOf[f], err)
		}
		l.chars[f] = p.Chars()
	}
	return l, nil
})

// Load adds every face to pdf under its name. The files are parsed once
// per process; each PDF then embeds only the glyphs it uses.
func Load(pdf *gopdf.GoPdf) error {
	l, err := load()
	if err != nil {
		return err
	}
	for _, f := range Faces {
		if err := pdf.AddTTFFontFromFontContainer(string(f), l.container); err != nil {
			return fmt.Errorf("fonts: add %s: %w", f, err)
		}
	}
	return nil
}

// Has reports whether face has a glyph for r.
func Has(face Face, r rune) bool {
	l, err := load()
	if err != nil {
		return false
	}
	_, ok := l.chars[face][int(r)]
	return ok
}

// For picks the face for r: the Chinese one for Chinese characters and
// CJK punctuation, DejaVu for the rest, and the other one when the first
// choice lacks the glyph. It reports false when neither has it.
func For(r rune, bold bool) (Face, bool) {
	first, second := Sans, CJK
	if bold {
		first, second = SansBold, CJKBold
	}
	if IsCJK(r) {
		first, second = second, first
	}
	for _, f := range []Face{first, second} {
		if Has(f, r) {
			return f, true
		}
	}
	return first, false
}

// IsCJK reports whether r is written in the Chinese face by preference:
// Han characters, kana, hangul, bopomofo, CJK symbols and punctuation and
// full-width forms.
func IsCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
		(r >= 0x3000 && r <= 0x303f) || // CJK symbols and punctuation
		(r >= 0xff00 && r <= 0xffef) // full-width forms
}

// Missing replaces a character that no face has.
const Missing = '?'

// Run is a stretch of text set in one face.
type Run struct {
	Text string
	Face Face
}

// Runs cuts s into runs of one face each, chosen per character by For; a
// character that no face has becomes Missing.
func Runs(s string, bold bool) []Run {
	var out []Run
	for _, r := range s {
		f, ok := For(r, bold)
		if !ok {
			f, r = Sans, Missing
			if bold {
				f = SansBold
			}
		}
		if n := len(out); n > 0 && out[n-1].Face == f {
			out[n-1].Text += string(r)
		} else {
			out = append(out, Run{Text: string(r), Face: f})
		}
	}
	return out
}
