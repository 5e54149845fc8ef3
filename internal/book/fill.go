package book

// filler fills lines greedily, one unit at a time.
type filler struct {
	width  float64
	lines  []line
	cur    line
	space  []piece // the space waiting before the next word
	spaceW float64
}

// room is the width left on the current line.
func (f *filler) room() float64 { return f.width - f.cur.x - f.cur.w }

// word places a word: on the current line after the pending space if it
// fits, else on a new line, else broken between its letters.
func (f *filler) word(m *measurer, ps []piece, w float64) error {
	if len(f.cur.pieces) > 0 && f.spaceW+w <= f.room() {
		f.put(f.space)
		f.put(ps)
		return nil
	}
	if len(f.cur.pieces) > 0 {
		f.flush()
	}
	if w <= f.room() {
		f.put(ps)
		return nil
	}
	return f.letters(m, ps)
}

// letters places a word too wide for a line letter by letter, breaking
// where the line is full.
func (f *filler) letters(m *measurer, ps []piece) error {
	for _, p := range ps {
		for _, r := range p.text {
			w, err := m.width(p.font, p.st.size, string(r))
			if err != nil {
				return err
			}
			if w > f.room() && len(f.cur.pieces) > 0 {
				f.flush()
			}
			f.put([]piece{{text: string(r), font: p.font, st: p.st, w: w}})
		}
	}
	return nil
}

// put appends pieces to the current line, merging runs of one font and
// style, and forgets the pending space.
func (f *filler) put(ps []piece) {
	for _, p := range ps {
		n := len(f.cur.pieces)
		if n > 0 && f.cur.pieces[n-1].font == p.font && f.cur.pieces[n-1].st == p.st {
			f.cur.pieces[n-1].text += p.text
			f.cur.pieces[n-1].w += p.w
		} else {
			p.x = f.cur.w
			f.cur.pieces = append(f.cur.pieces, p)
		}
		f.cur.w += p.w
	}
	f.space, f.spaceW = nil, 0
}

// flush ends the current line.
func (f *filler) flush() {
	f.lines = append(f.lines, f.cur)
	f.cur = line{}
	f.space, f.spaceW = nil, 0
}
