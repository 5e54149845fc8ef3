package book

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// lineText joins the text of a line's pieces.
func lineText(l line) string {
	var b strings.Builder
	for _, p := range l.pieces {
		b.WriteString(p.text)
	}
	return b.String()
}

// noSpace drops whitespace.
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestWrapStaysWithinWidth measures every wrapped line again, piece by
// piece, and checks that it fits, that no text is lost, and that Chinese
// punctuation does not start a line.
func TestWrapStaysWithinWidth(t *testing.T) {
	m := testMeasurer(t)
	texts := map[string]string{
		"chinese": chineseText(3000),
		"russian": russianText(2),
		"kazakh":  "Әліпбидегі ерекше әріптер: " + kazakhLetters + ". Қазақстан–Қытай зерттеу орталығы (ҚҚЗО) 2024 жылы құрылды.",
		"mixed":   "2024年5月22日，Kazakhstan–China Research Center与KazEvent在Astana举办了（中国科技）研讨会。",
		"long":    "Supercalifragilistic" + strings.Repeat("x", 400) + " end",
	}
	for name, text := range texts {
		for _, width := range []float64{bodyW, 150, 40} {
			for _, indent := range []float64{0, 20} {
				spans := []span{{text, style{size: sizeText}}, {" Presenter Name", style{size: sizeText, underline: true}}, {"¹²", style{size: sizeText}}}
				ls, err := m.wrap(spans, width, indent)
				if err != nil {
					t.Fatal(err)
				}
				checkLines(t, m, name, ls, width)
				var all strings.Builder
				for _, l := range ls {
					all.WriteString(lineText(l))
				}
				if got, want := all.String(), noSpace(text+"PresenterName¹²"); noSpace(got) != want {
					t.Errorf("%s at %.0f: the lines hold %q, want %q", name, width, got, want)
				}
				if ls[0].x != indent {
					t.Errorf("%s: first line at %.1f, want the indent %.1f", name, ls[0].x, indent)
				}
			}
		}
	}
}

// checkLines checks each line's measured width and its first character.
func checkLines(t *testing.T, m *measurer, name string, ls []line, width float64) {
	t.Helper()
	for i, l := range ls {
		x := l.x
		for _, p := range l.pieces {
			w, err := m.width(p.font, p.st.size, p.text)
			if err != nil {
				t.Fatal(err)
			}
			if p.x+l.x < x-0.001 {
				t.Errorf("%s line %d: piece %q overlaps the one before", name, i, p.text)
			}
			x = l.x + p.x + w
		}
		if x > width+0.001 {
			t.Errorf("%s line %d is %.2f wide, more than %.2f: %q", name, i, x, width, lineText(l))
		}
		if r := []rune(lineText(l)); len(r) > 0 && strings.ContainsRune("，。、；：！？）》", r[0]) && width > 40 {
			t.Errorf("%s line %d starts with %q", name, i, r[0])
		}
	}
}

func TestWrapBreaksWordsAtSpacesAndChineseAnywhere(t *testing.T) {
	m := testMeasurer(t)
	ls, err := m.wrap([]span{{strings.Repeat("solar collectors ", 40), style{size: sizeText}}}, 150, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		for _, w := range strings.Fields(lineText(l)) {
			if w != "solar" && w != "collectors" {
				t.Errorf("a word was cut: %q in %q", w, lineText(l))
			}
		}
	}
	ls, err = m.wrap([]span{{strings.Repeat("科技合作交流平台创新方案", 20), style{size: sizeText}}}, 153, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range ls[:len(ls)-1] {
		if l.w < 153-sizeText {
			t.Errorf("Chinese line %d is %.1f wide; it should be full (153): %q", i, l.w, lineText(l))
		}
	}
}

func TestClean(t *testing.T) {
	got := clean("a\x00b\x07c\r\nd\te\u200bf\u2028g\uFEFF")
	if want := "abc\nd ef\ng"; got != want {
		t.Errorf("clean = %q, want %q", got, want)
	}
	if got := paragraphs("one\ntwo\n\n\n  \nthree\r\n\r\nfour"); !slices.Equal(got, []string{"one\ntwo", "three", "four"}) {
		t.Errorf("paragraphs = %q", got)
	}
}

func TestAuthorsShareAffiliationNumbers(t *testing.T) {
	spans, affs := authorSpans([]Author{aigerim, zhangWei, {Name: "Гүлнар", Affiliation: " Қазақстан–Қытай  зерттеу орталығы"}, {Name: "  "}})
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	if got, want := b.String(), "Әйгерім Нұрланова¹, 张伟², Гүлнар¹"; got != want {
		t.Errorf("authors line = %q, want %q", got, want)
	}
	if !slices.Equal(affs, []string{aigerim.Affiliation, zhangWei.Affiliation}) {
		t.Errorf("affiliations = %q", affs)
	}
	if !spans[0].st.underline || spans[2].st.underline {
		t.Errorf("only the presenter is underlined: %+v", spans)
	}
	spans, _ = authorSpans([]Author{smith, {Name: "John Doe", Affiliation: smith.Affiliation}})
	if len(spans) != 3 {
		t.Errorf("one shared affiliation needs no numbers: %+v", spans)
	}
}

func TestIndexGroupsByInitial(t *testing.T) {
	groups := groupAuthors([]string{"张伟", "Сергей Иванов", "Әйгерім Нұрланова", "Айгүл Серікқызы", "Élodie Martin", "Emily Smith", "张丽", "李娜", "Йошкин Кот", "Игорь Ли", "Ёлкин Е."})
	var got []string
	for _, g := range groups {
		got = append(got, g.head+":"+strings.Join(g.names, "|"))
	}
	want := []string{"E:Élodie Martin|Emily Smith", "А:Айгүл Серікқызы", "Ә:Әйгерім Нұрланова", "Е:Ёлкин Е.", "И:Игорь Ли", "Й:Йошкин Кот", "С:Сергей Иванов", "李:李娜", "张:张丽|张伟"}
	if !slices.Equal(got, want) {
		t.Errorf("groups = %q,\nwant %q", got, want)
	}
	for _, c := range []struct {
		rel  []int
		want string
	}{{[]int{4, 0, 4, 2}, "3, 5, 7"}, {[]int{0, 1}, "3, 4"}, {[]int{9, 0, 1, 2, 3, 7}, "3–6, 10, 12"}} {
		if got := pageList(c.rel, 3); got != c.want {
			t.Errorf("pageList(%v) = %q, want %q", c.rel, got, c.want)
		}
	}
}
