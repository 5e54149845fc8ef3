package book

import (
	"strings"

	"symposium/internal/fonts"
)

// style is how a stretch of text looks.
type style struct {
	size      float64
	bold      bool
	underline bool
	gray      uint8 // 0 is black
}

// span is a stretch of text in one style.
type span struct {
	text string
	st   style
}

// piece is text in one font and style on a line, x points from its start.
type piece struct {
	text string
	font fonts.Face
	st   style
	x, w float64
}

// line is one wrapped line: its pieces, its indent x and its width w.
type line struct {
	x, w   float64
	pieces []piece
}

// unitKind tells words, spaces and forced line breaks apart.
type unitKind int

const (
	word unitKind = iota
	space
	newline
)

// unit is what wrapping keeps together: a word, one Chinese character with
// the punctuation glued to it, a space, or a forced line break.
type unit struct {
	kind    unitKind
	parts   []span
	lastCJK bool
}

// add appends r in style st to the unit.
func (u *unit) add(r rune, st style) {
	if n := len(u.parts); n > 0 && u.parts[n-1].st == st {
		u.parts[n-1].text += string(r)
	} else {
		u.parts = append(u.parts, span{string(r), st})
	}
	u.lastCJK = isCJK(r)
}

// units cuts styled text where a line may break: at spaces, around Chinese
// characters (but not before closing or after opening punctuation), and at
// newlines. A word whose style changes midway stays one unit.
func units(spans []span) []unit {
	var out []unit
	glue := false // the next character joins the last unit
	for _, s := range spans {
		for _, r := range s.text {
			last := len(out) - 1
			prevWord := last >= 0 && out[last].kind == word
			switch {
			case r == '\n':
				out = append(out, unit{kind: newline})
				glue = false
			case isSpace(r):
				if last < 0 || out[last].kind != space {
					out = append(out, unit{kind: space, parts: []span{{" ", s.st}}})
				}
				glue = false
			case prevWord && (glue || strings.ContainsRune(noBreakBefore, r) || (!isCJK(r) && !out[last].lastCJK)):
				out[last].add(r, s.st)
				glue = strings.ContainsRune(noBreakAfter, r)
			default:
				out = append(out, unit{kind: word})
				out[len(out)-1].add(r, s.st)
				glue = strings.ContainsRune(noBreakAfter, r)
			}
		}
	}
	return out
}

// wrap sets spans in lines no wider than width; the first line is indented
// by indent. Words break at spaces, Chinese between characters, and a word
// wider than a whole line between its letters.
func (m *measurer) wrap(spans []span, width, indent float64) ([]line, error) {
	f := filler{width: width, cur: line{x: indent}}
	for _, u := range units(spans) {
		ps, w, err := m.measureUnit(u)
		if err != nil {
			return nil, err
		}
		switch u.kind {
		case newline:
			f.flush()
		case space:
			if len(f.cur.pieces) > 0 {
				f.space, f.spaceW = ps, w
			}
		default:
			if err := f.word(m, ps, w); err != nil {
				return nil, err
			}
		}
	}
	if len(f.cur.pieces) > 0 {
		f.flush()
	}
	return f.lines, nil
}

// measureUnit sets a unit in its fonts and returns the pieces and their
// total width.
func (m *measurer) measureUnit(u unit) ([]piece, float64, error) {
	var out []piece
	total := 0.0
	for _, s := range u.parts {
		ps, err := m.pieces(s.text, s.st)
		if err != nil {
			return nil, 0, err
		}
		for _, p := range ps {
			p.x = total
			total += p.w
			out = append(out, p)
		}
	}
	return out, total, nil
}

// pieces cuts text into runs of one font each and measures them. A
// character that no font has is set as "?".
func (m *measurer) pieces(text string, st style) ([]piece, error) {
	var out []piece
	for _, r := range text {
		f, ok := fonts.For(r, st.bold)
		if !ok {
			r = fonts.Missing
			f, _ = fonts.For(r, st.bold)
		}
		if n := len(out); n > 0 && out[n-1].font == f {
			out[n-1].text += string(r)
		} else {
			out = append(out, piece{text: string(r), font: f, st: st})
		}
	}
	for i := range out {
		w, err := m.width(out[i].font, st.size, out[i].text)
		if err != nil {
			return nil, err
		}
		out[i].w = w
	}
	return out, nil
}
