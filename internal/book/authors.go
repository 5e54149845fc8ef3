package book

import (
	"strconv"
	"strings"
)

// abstractHead wraps an abstract's title, authors line, affiliations and
// its time and kind, in that order; the first two are always there, even
// if empty.
func (d *doc) abstractHead(a Abstract) ([]block, error) {
	names, affs := authorSpans(a.Authors)
	title, err := d.wrapBlock([]span{{oneLine(a.Title), style{size: sizeTitle, bold: true}}}, 0, 0, 0)
	if err != nil {
		return nil, err
	}
	byline, err := d.wrapBlock(names, sizeText*0.3, 0, 0)
	if err != nil {
		return nil, err
	}
	out := []block{title, byline}
	small := style{size: sizeSmall, gray: 80}
	for i, aff := range affs {
		text := aff
		if len(affs) > 1 {
			text = superscript(i+1) + " " + aff
		}
		before := sizeSmall * 0.2
		if i == 0 {
			before = sizeSmall * 0.5
		}
		b, err := d.wrapBlock([]span{{text, small}}, before, 0, 0)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	if meta := joinNonEmpty(" · ", oneLine(a.When), oneLine(a.Kind)); meta != "" {
		b, err := d.wrapBlock([]span{{meta, style{size: sizeSmall, gray: 60, bold: true}}}, sizeSmall*0.4, 0, 0)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// authorSpans sets the authors line: names separated by commas, the
// presenter underlined, each followed by the number of its affiliation when
// there are several. Identical affiliations share a number; they are
// returned in the order of their numbers.
func authorSpans(authors []Author) ([]span, []string) {
	var affs []string
	number := map[string]int{}
	for _, a := range authors {
		if aff := oneLine(a.Affiliation); aff != "" && number[aff] == 0 {
			affs = append(affs, aff)
			number[aff] = len(affs)
		}
	}
	plain := style{size: sizeText}
	var out []span
	for _, a := range authors {
		name := oneLine(a.Name)
		if name == "" {
			continue
		}
		if len(out) > 0 {
			out = append(out, span{", ", plain})
		}
		out = append(out, span{name, style{size: sizeText, underline: a.Presenter}})
		if n := number[oneLine(a.Affiliation)]; n > 0 && len(affs) > 1 {
			out = append(out, span{superscript(n), plain})
		}
	}
	return out, affs
}

// superscript writes n in superscript digits.
func superscript(n int) string {
	const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
	sup := []rune(digits)
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		b.WriteRune(sup[c-'0'])
	}
	return b.String()
}

// joinNonEmpty joins the non-empty strings with sep.
func joinNonEmpty(sep string, ss ...string) string {
	var kept []string
	for _, s := range ss {
		if s != "" {
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, sep)
}
