package book

import (
	"strings"
)

// Type sizes in points.
const (
	sizeTrack = 18.0
	sizeTitle = 12.0
	sizeText  = 10.0
	sizeSmall = 8.5
)

// body is the laid-out tracks: pages, the page where each track starts, and
// the pages where each author appears, all counted from the body's first
// page (0).
type body struct {
	pages   []*page
	starts  []int
	authors map[string][]int
}

// layoutBody lays the tracks out, each from a new page.
func layoutBody(m *measurer, tracks []Track) (body, error) {
	d := &doc{m: m}
	out := body{authors: map[string][]int{}}
	for _, t := range tracks {
		d.newPage()
		out.starts = append(out.starts, len(d.pages)-1)
		d.last().outline = oneLine(t.Name)
		if err := d.heading(oneLine(t.Name), sizeTrack); err != nil {
			return body{}, err
		}
		for i, a := range t.Abstracts {
			if i > 0 {
				d.gap(sizeText * 2)
			}
			if err := d.abstract(a, out.authors); err != nil {
				return body{}, err
			}
		}
	}
	out.pages = d.pages
	return out, nil
}

// heading sets a bold heading with a rule under it.
func (d *doc) heading(s string, size float64) error {
	if err := d.text([]span{{s, style{size: size, bold: true}}}, margin, bodyW, 0); err != nil {
		return err
	}
	d.y += size * 0.3
	d.last().ops = append(d.last().ops, op{size: 0.8, gray: 120, x: margin, y: d.y, x2: pageW - margin, y2: d.y})
	d.y += size
	return nil
}

// block is wrapped text waiting to be placed: its lines, their height, the
// space before it and its indent from the margin.
type block struct {
	lines  []line
	h      float64
	before float64
	x      float64
}

// wrapBlock wraps spans into a block.
func (d *doc) wrapBlock(spans []span, before, x, indent float64) (block, error) {
	ls, err := d.m.wrap(spans, bodyW-x, indent)
	return block{lines: ls, h: lineHeight(spans), before: before, x: x}, err
}

// abstract lays one abstract out, keeping its head together with the first
// lines of its text, and notes on which page each author appears.
func (d *doc) abstract(a Abstract, authors map[string][]int) error {
	head, err := d.abstractHead(a)
	if err != nil {
		return err
	}
	text, err := d.abstractText(a)
	if err != nil {
		return err
	}
	keep := 0.0
	for _, b := range head {
		keep += b.before + float64(len(b.lines))*b.h
	}
	d.need(keep + linesHeight(min(2, countLines(text)), sizeText))
	d.placeBlock(head[0]) // the title
	d.placeBlock(head[1]) // the authors
	for _, au := range a.Authors {
		if name := oneLine(au.Name); name != "" {
			authors[name] = append(authors[name], len(d.pages)-1)
		}
	}
	for _, b := range append(head[2:], text...) {
		d.placeBlock(b)
	}
	return nil
}

// placeBlock places a block after its space.
func (d *doc) placeBlock(b block) {
	if len(b.lines) == 0 {
		return
	}
	if d.y > margin {
		d.y += b.before
	}
	d.place(b.lines, margin+b.x, b.h)
}

// countLines counts the lines of blocks.
func countLines(bs []block) int {
	n := 0
	for _, b := range bs {
		n += len(b.lines)
	}
	return n
}

// abstractText wraps the paragraphs of an abstract; Chinese paragraphs
// start with an indent of two characters.
func (d *doc) abstractText(a Abstract) ([]block, error) {
	indent := 0.0
	if strings.HasPrefix(strings.ToLower(a.Language), "zh") {
		indent = 2 * sizeText
	}
	var out []block
	for i, p := range paragraphs(a.Text) {
		before := sizeText * 0.5
		if i == 0 {
			before = sizeText * 0.6
		}
		b, err := d.wrapBlock([]span{{p, style{size: sizeText}}}, before, 0, indent)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}
