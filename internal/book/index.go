package book

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// indexGroup is the names of the index under one initial.
type indexGroup struct {
	head  string
	names []string
}

// groupAuthors sorts names by the Unicode collation order (Latin, then
// Cyrillic, then Chinese, the Chinese by their pinyin reading as Chinese
// indexes are) and groups them by initial; initials that differ only by
// accent or case (E, É) share a group, distinct letters (А, Ә) do not. A
// Chinese name's initial is its surname.
func groupAuthors(names []string) []indexGroup {
	sorted := slices.Clone(names)
	collate.New(language.Chinese).SortStrings(sorted)
	loose := collate.New(language.Und, collate.Loose)
	var out []indexGroup
	for _, n := range sorted {
		first := string([]rune(n)[:1])
		if len(out) == 0 || loose.CompareString(out[len(out)-1].head, first) != 0 {
			out = append(out, indexGroup{head: initial(loose, first)})
		}
		out[len(out)-1].names = append(out[len(out)-1].names, n)
	}
	return out
}

// initial is the heading for names starting with the letter first: the
// letter in capitals, without an accent that does not make it another
// letter (É is headed E, but Й stays Й).
func initial(loose *collate.Collator, first string) string {
	if base := string([]rune(norm.NFD.String(first))[:1]); loose.CompareString(base, first) == 0 {
		first = base
	}
	return strings.ToUpper(first)
}

// pageList writes the distinct pages, relative to the body, as absolute
// page numbers in order, three or more in a row as a range: "5, 9–12".
func pageList(rel []int, first int) string {
	pages := slices.Compact(slices.Sorted(slices.Values(rel)))
	var out []string
	for i := 0; i < len(pages); {
		j := i
		for j+1 < len(pages) && pages[j+1] == pages[j]+1 {
			j++
		}
		switch {
		case j-i >= 2:
			out = append(out, strconv.Itoa(pages[i]+first)+"–"+strconv.Itoa(pages[j]+first))
		case j > i:
			out = append(out, strconv.Itoa(pages[i]+first), strconv.Itoa(pages[j]+first))
		default:
			out = append(out, strconv.Itoa(pages[i]+first))
		}
		i = j + 1
	}
	return strings.Join(out, ", ")
}

// header sets a header for columns width wide: two small grey labels, each
// cut to its first line.
func (d *doc) header(left, right string, width float64) (*header, error) {
	st := style{size: sizeSmall, gray: 100}
	var ls [2]line
	for i, s := range []string{left, right} {
		wrapped, err := d.m.wrap([]span{{s, st}}, width/2-sizeText, 0)
		if err != nil {
			return nil, err
		}
		if len(wrapped) > 0 {
			ls[i] = wrapped[0]
		}
	}
	return &header{left: ls[0], right: ls[1], h: st.size * leading}, nil
}

// layoutIndex lays out the index of authors; authors maps each name to the
// pages, counted from the body's first page (0), where it appears; first is
// that page's number. It returns no pages when there are no authors.
func layoutIndex(m *measurer, l Labels, authors map[string][]int, first int) ([]*page, error) {
	if len(authors) == 0 {
		return nil, nil
	}
	d := newDoc(m)
	d.last().outline = oneLine(l.Index)
	if err := d.heading(oneLine(l.Index), sizeTrack); err != nil {
		return nil, err
	}
	head, err := d.header(oneLine(l.Authors), oneLine(l.Page), (bodyW-gutter)/2)
	if err != nil {
		return nil, err
	}
	d.columns(2, head)
	plain, letter := style{size: sizeText}, style{size: 11, bold: true}
	for _, g := range groupAuthors(slices.Collect(maps.Keys(authors))) {
		d.gap(sizeText * 0.6)
		d.need(lineHeight([]span{{"", letter}}) + linesHeight(1, sizeText))
		if err := d.text([]span{{g.head, letter}}, d.left(), d.width(), 0); err != nil {
			return nil, err
		}
		for _, n := range g.names {
			if err := d.row([]span{{n, plain}}, []span{{pageList(authors[n], first), plain}}, d.width()*0.3, true); err != nil {
				return nil, err
			}
		}
	}
	return d.pages, nil
}
