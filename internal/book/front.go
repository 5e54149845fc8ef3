package book

import "strconv"

// titlePage lays out the title page: the title and, under it, the subtitle,
// centred, without a page number.
func titlePage(m *measurer, b Book) ([]*page, error) {
	d := newDoc(m)
	d.last().footer = false
	d.y = pageH * 0.3
	if err := d.centred([]span{{oneLine(b.Title), style{size: 26, bold: true}}}); err != nil {
		return nil, err
	}
	d.y += 14
	d.last().ops = append(d.last().ops, op{size: 1, gray: 120, x: pageW/2 - 60, y: d.y, x2: pageW/2 + 60, y2: d.y})
	d.y += 22
	if err := d.centred([]span{{oneLine(b.Subtitle), style{size: 14, gray: 70}}}); err != nil {
		return nil, err
	}
	return d.pages, nil
}

// centred wraps spans to the body width and centres each line.
func (d *doc) centred(spans []span) error {
	ls, err := d.m.wrap(spans, bodyW, 0)
	if err != nil {
		return err
	}
	h := lineHeight(spans)
	for _, l := range ls {
		d.need(h)
		d.drawLine(l, margin+(bodyW-l.w)/2, d.y+h*0.78)
		d.y += h
	}
	return nil
}

// entry is a line of the contents: a name and its page number.
type entry struct {
	name string
	page int
}

// contentsEntries lists the tracks and the index with their pages counted
// from the body's first page (0).
func contentsEntries(b Book, bd body) []entry {
	var out []entry
	for i, t := range b.Tracks {
		out = append(out, entry{oneLine(t.Name), bd.starts[i]})
	}
	if len(bd.authors) > 0 {
		out = append(out, entry{oneLine(b.Labels.Index), len(bd.pages)})
	}
	return out
}

// numberW is the width kept for page numbers, so that the contents take
// as many pages whatever the numbers are.
const numberW = 40.0

// layoutContents lays out the contents page(s).
func layoutContents(m *measurer, l Labels, entries []entry) ([]*page, error) {
	d := newDoc(m)
	d.last().outline = oneLine(l.Contents)
	if err := d.heading(oneLine(l.Contents), sizeTrack); err != nil {
		return nil, err
	}
	head := style{size: sizeSmall, gray: 100}
	if err := d.row(nil, []span{{oneLine(l.Page), head}}, numberW*2, false); err != nil {
		return nil, err
	}
	d.y += 4
	for _, e := range entries {
		st := style{size: 11}
		if err := d.row([]span{{e.name, st}}, []span{{strconv.Itoa(e.page), st}}, numberW, true); err != nil {
			return nil, err
		}
		d.y += 5
	}
	return d.pages, nil
}
