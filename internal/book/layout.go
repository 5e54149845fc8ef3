package book

import "symposium/internal/fonts"

// op is one thing drawn on a page: text whose baseline starts at x, y, or,
// when text is "", a line from x, y to x2, y2.
type op struct {
	text   string
	font   fonts.Face
	size   float64
	gray   uint8
	x, y   float64
	x2, y2 float64
	dotted bool
}

// page is the drawing of one page. outline, when set, bookmarks the page;
// footer tells whether the page shows its number.
type page struct {
	ops     []op
	outline string
	footer  bool
}

// leading is the height of a line as a multiple of the font size.
const leading = 1.45

// doc lays text out on pages, top to bottom, starting a new column or page
// when the next line does not fit above the bottom margin.
type doc struct {
	m     *measurer
	pages []*page
	y     float64 // the top of the next line on the last page
	cols  int     // columns of the text to come; 0 means 1
	col   int     // the column being filled, from 0
	top   float64 // the top of the columns on the last page
	head  *header // drawn at the top of every column, if set
}

// header is a line over a column: a label on the left, one on the right.
type header struct {
	left, right line
	h           float64
}

// gutter is the space between columns.
const gutter = 24.0

// width is the width of a column.
func (d *doc) width() float64 {
	n := float64(max(d.cols, 1))
	return (bodyW - gutter*(n-1)) / n
}

// left is the left edge of the current column.
func (d *doc) left() float64 { return margin + float64(d.col)*(d.width()+gutter) }

// columns sets the text to come in n columns from here down, each headed
// by head if it is not nil.
func (d *doc) columns(n int, head *header) {
	d.cols, d.col, d.top, d.head = n, 0, d.y, head
	d.drawHeader()
}

// drawHeader draws the column header, if any, at the top of the column.
func (d *doc) drawHeader() {
	if d.head == nil {
		return
	}
	base := d.y + d.head.h*0.78
	d.drawLine(d.head.left, d.left(), base)
	d.drawLine(d.head.right, d.left()+d.width()-d.head.right.w, base)
	d.y += d.head.h + 2
}

// newDoc returns a doc with one empty page.
func newDoc(m *measurer) *doc {
	d := &doc{m: m}
	d.newPage()
	return d
}

// newPage starts a page.
func (d *doc) newPage() {
	d.pages = append(d.pages, &page{footer: true})
	d.y, d.col, d.top = margin, 0, margin
}

// next moves to the top of the next column, or of a new page.
func (d *doc) next() {
	if d.col+1 < d.cols {
		d.col++
		d.y = d.top
	} else {
		d.newPage()
	}
	d.drawHeader()
}

// last is the page being laid out.
func (d *doc) last() *page { return d.pages[len(d.pages)-1] }

// need moves to the next column or page unless h points fit in this one;
// an empty column is kept, so that a block taller than a page cannot loop.
func (d *doc) need(h float64) {
	if d.y+h > bottom && d.y > d.top {
		d.next()
	}
}

// gap moves down by h points, or to the top of the next column or page.
func (d *doc) gap(h float64) {
	if d.y+h > bottom {
		d.next()
		return
	}
	d.y += h
}

// text wraps spans to width and places the lines at x, breaking pages
// between lines; the first line is indented by indent.
func (d *doc) text(spans []span, x, width, indent float64) error {
	ls, err := d.m.wrap(spans, width, indent)
	if err != nil {
		return err
	}
	d.place(ls, x, lineHeight(spans))
	return nil
}

// place puts lines, each h points high, at x. A paragraph's first line
// does not stay alone at the foot of a page, nor its last at the head.
func (d *doc) place(ls []line, x, h float64) {
	for i, l := range ls {
		keep := 1
		if len(ls) > 2 && (i == 0 || i == len(ls)-2) {
			keep = 2
		}
		d.need(float64(keep) * h)
		d.drawLine(l, x, d.y+h*0.78)
		d.y += h
	}
}

// drawLine adds a line's text to the page with its baseline at y, and a rule
// under the underlined pieces.
func (d *doc) drawLine(l line, x, y float64) {
	p := d.last()
	for _, pc := range l.pieces {
		px := x + l.x + pc.x
		p.ops = append(p.ops, op{text: pc.text, font: pc.font, size: pc.st.size, gray: pc.st.gray, x: px, y: y})
		if pc.st.underline {
			uy := y + pc.st.size*0.15
			p.ops = append(p.ops, op{size: pc.st.size * 0.06, gray: pc.st.gray, x: px, y: uy, x2: px + pc.w, y2: uy})
		}
	}
}

// lineHeight is the height of a line of the largest font in spans.
func lineHeight(spans []span) float64 {
	size := 0.0
	for _, s := range spans {
		size = max(size, s.st.size)
	}
	return size * leading
}

// linesHeight is the height of n lines of the given size.
func linesHeight(n int, size float64) float64 { return float64(n) * size * leading }

// row sets left text on the left of the column and right text,
// right-aligned, on its right, in a part rightW wide, with a dotted leader
// between them when dots is set: a line of contents or of the index. The
// right text starts on the last line of the left text.
func (d *doc) row(left, right []span, rightW float64, dots bool) error {
	ll, err := d.m.wrap(left, d.width()-rightW-sizeText, 0)
	if err != nil {
		return err
	}
	rl, err := d.m.wrap(right, rightW, 0)
	if err != nil {
		return err
	}
	h := max(lineHeight(left), lineHeight(right))
	first := max(len(ll)-1, 0)
	d.need(float64(max(first+len(rl), 1)) * h)
	for i := 0; i < max(len(ll), first+len(rl)); i++ {
		d.need(h)
		base := d.y + h*0.78
		if i < len(ll) {
			d.drawLine(ll[i], d.left(), base)
		}
		if j := i - first; j >= 0 && j < len(rl) {
			x := d.left() + d.width() - rl[j].w
			d.drawLine(rl[j], x, base)
			if dots && j == 0 && i < len(ll) {
				d.leader(d.left()+ll[i].w+4, x-4, base)
			}
		}
		d.y += h
	}
	return nil
}

// leader draws a dotted line at baseline y from x1 to x2, if there is room.
func (d *doc) leader(x1, x2, y float64) {
	if x2-x1 < 8 {
		return
	}
	d.last().ops = append(d.last().ops, op{size: 0.7, gray: 150, x: x1, y: y, x2: x2, y2: y, dotted: true})
}
