package book

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"symposium/internal/pdftest"
)

// testMeasurer returns a measurer with the embedded fonts.
func testMeasurer(t *testing.T) *measurer {
	t.Helper()
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// pdfPages extracts the text of a PDF with poppler's pdftotext, one string
// per page.
func pdfPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	return pdftest.Pages(t, pdf)
}

// render writes b and returns the PDF.
func render(t *testing.T, b Book) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// squash drops whitespace and the lines that hold only a page number.
func squash(s string) string {
	s = regexp.MustCompile(`(?m)^\s*\d+\s*$`).ReplaceAllString(s, "")
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestBookRenders(t *testing.T) {
	b := sampleBook(3)
	if n := len([]rune(noSpace(b.Tracks[1].Abstracts[0].Text))); n < 3000 {
		t.Fatalf("the Chinese text has %d characters, want 3,000", n)
	}
	pdf := render(t, b)
	if out := os.Getenv("BOOK_PDF"); out != "" { // a sample to look at
		if err := os.WriteFile(out, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages := pdfPages(t, pdf)
	all := strings.Join(pages, "\n")
	for _, want := range []string{"Қазақстан–Қытай ғылым", "технологиялар симпозиумы", b.Subtitle, "Мазмұны", "Авторлар көрсеткіші", longTitle[:40],
		"Solar heat for district heating in Astana", "人工智能在草原风电功率预测中的应用", "Қазақ тіліндегі мәтіндерді машиналық өңдеу",
		"Сергей Иванов¹", "Әйгерім Нұрланова²", "Гүлнар Шаймергенова²", "张伟¹, 李娜¹, Emily Smith²",
		"¹ Евразийский национальный университет", "² Қазақстан–Қытай зерттеу орталығы", "Qazaq Institute of Technology",
		kazakhLetters, "22.05.2024 10:00 · Зал A · Баяндама", "Poster"} {
		if !strings.Contains(all, want) {
			t.Errorf("the book lacks %q", want)
		}
	}
	squashed := squash(all)
	for _, text := range []string{b.Tracks[1].Abstracts[0].Text, b.Tracks[0].Abstracts[0].Text} {
		if !strings.Contains(squashed, squash(text)) {
			t.Errorf("the book lacks the whole of the text starting %q", string([]rune(text)[:30]))
		}
		r := []rune(text)
		if first, last := pageOf(pages, string(r[:40]), false), pageOf(pages, string(r[len(r)-40:]), true); first < 0 || last <= first {
			t.Errorf("the text starting %q runs from page %d to %d; want it to span pages", string([]rune(text)[:30]), first, last)
		}
	}
	checkIndex(t, pages, "Әйгерім Нұрланова", 2)
	checkIndex(t, pages, "张伟", 2)
	checkContents(t, pages, b.Tracks)
}

// pageOf returns the index of the first (or last) page holding s,
// ignoring spaces and line breaks, or -1.
func pageOf(pages []string, s string, last bool) int {
	found := -1
	for i, p := range pages {
		if strings.Contains(squash(p), squash(s)) {
			found = i
			if !last {
				break
			}
		}
	}
	return found
}

// bodyPages lists the pages (from 1) before the index on which s appears.
func bodyPages(pages []string, s string) []string {
	var out []string
	for i, p := range pages[2 : len(pages)-1] {
		if strings.Contains(p, s) {
			out = append(out, strconv.Itoa(i+3))
		}
	}
	return out
}

// checkIndex checks that the index lists name with the pages where it
// appears in the body, on n distinct pages.
func checkIndex(t *testing.T, pages []string, name string, n int) {
	t.Helper()
	where := bodyPages(pages, name)
	if len(where) != n {
		t.Fatalf("%s appears on pages %v of the body, want %d pages", name, where, n)
	}
	index := pages[len(pages)-1]
	want := regexp.MustCompile(regexp.QuoteMeta(name) + `\s+` + strings.Join(where, `, `) + `\s*\n`)
	if !want.MatchString(index) {
		t.Errorf("the index lacks %s with pages %v:\n%s", name, where, index)
	}
}

// checkContents checks that the contents, which follow the title page,
// give each track the page that starts with its name.
func checkContents(t *testing.T, pages []string, tracks []Track) {
	t.Helper()
	starts := map[string]int{}
	for i, p := range pages {
		if first, _, _ := strings.Cut(strings.TrimSpace(p), "\n"); i > 0 {
			starts[first] = i + 1
		}
	}
	contents := strings.Join(pages[1:starts[tracks[0].Name]-1], "\n")
	for _, tr := range tracks {
		start := strconv.Itoa(starts[tr.Name])
		if !regexp.MustCompile(regexp.QuoteMeta(tr.Name) + `\s+` + start + `\n`).MatchString(contents) {
			t.Errorf("the contents lack %q on page %s:\n%s", tr.Name, start, contents)
		}
	}
}

func TestContentsOverSeveralPages(t *testing.T) {
	var b Book
	for i := range 90 {
		b.Tracks = append(b.Tracks, Track{Name: fmt.Sprintf("Секция %d", i+1), Abstracts: []Abstract{{Title: "Тезис", Authors: []Author{smith}, Text: "Мәтін."}}})
	}
	pages := pdfPages(t, render(t, b))
	if len(pages) != 1+3+90+1 {
		t.Errorf("%d pages, want a title, three of contents, 90 tracks and an index", len(pages))
	}
	checkContents(t, pages, b.Tracks)
	if index := pages[len(pages)-1]; !regexp.MustCompile(smith.Name + `\s+5–94\n`).MatchString(index) {
		t.Errorf("the index lacks %s on pages 5–94:\n%s", smith.Name, index)
	}
}

// TestOddInputRenders gives control characters, characters no font has,
// empty names and tracks, and a title longer than a page.
func TestOddInputRenders(t *testing.T) {
	b := Book{Title: strings.Repeat("Очень длинное название ", 200), Tracks: []Track{
		{Name: ""},
		{Name: "A\x00B\x1b[31m\u202eC", Abstracts: []Abstract{
			{Title: "Emoji 😀 and 𝔸 math, a bell\a", Authors: []Author{{Name: ""}, {Name: "  \t"}}, Text: "\n\n\n"},
			{Authors: []Author{{Name: "Zero\u200bWidth", Presenter: true}}, Text: strings.Repeat("长", 5000)},
		}},
	}}
	pages := pdfPages(t, render(t, b))
	all := strings.Join(pages, "")
	for _, want := range []string{"AB[31mC", "ZeroWidth", "Emoji", "长长长长"} {
		if !strings.Contains(all, want) {
			t.Errorf("the book lacks %q", want)
		}
	}
}

func TestEmptyBookHasTitlePage(t *testing.T) {
	pages := pdfPages(t, render(t, Book{Title: "Symposium", Subtitle: "Astana"}))
	if len(pages) != 1 || !strings.Contains(pages[0], "Symposium") || !strings.Contains(pages[0], "Astana") {
		t.Errorf("pages = %q; want one title page", pages)
	}
}

func TestPagesGrowWithText(t *testing.T) {
	m := testMeasurer(t)
	count := func(body int) int {
		pages, err := compose(m, sampleBook(body))
		if err != nil {
			t.Fatal(err)
		}
		return len(pages)
	}
	short, long := count(1), count(4)
	if long <= short+2 {
		t.Errorf("%d pages with short texts, %d with four times longer; want clearly more", short, long)
	}
}

// TestEverythingWithinMargins measures every text drawn and checks that it
// stays inside the margins.
func TestEverythingWithinMargins(t *testing.T) {
	m := testMeasurer(t)
	pages, err := compose(m, sampleBook(3))
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range pages {
		for _, o := range p.ops {
			if o.text == "" {
				continue
			}
			w, err := m.width(o.font, o.size, o.text)
			if err != nil {
				t.Fatal(err)
			}
			if o.x < margin-0.01 || o.x+w > pageW-margin+0.01 || o.y-o.size < margin-0.01 || o.y > bottom+0.01 {
				t.Errorf("page %d: %q at (%.1f, %.1f), %.1f wide, is outside the margins", i+1, o.text, o.x, o.y, w)
			}
		}
	}
}

// TestBoldInEveryScript checks that titles and headings are bold in
// Chinese as in Kazakh, and the body text and names regular.
func TestBoldInEveryScript(t *testing.T) {
	pieces := pdftest.Pieces(t, render(t, sampleBook(1)))
	for _, c := range []struct {
		text, font string
		only       bool // no other font sets the text anywhere
	}{
		{"人工智能在草原风电功率预测中的应用", "cjk-bold", true},
		{"Қазақ тіліндегі мәтіндерді машиналық өңдеу", "sans-bold", true},
		{"数字技术", "cjk-bold", false},         // the track's heading; the contents list it in regular
		{zhSentences[0][:3*6], "cjk", true}, // the first six characters of the Chinese text
		{"张伟", "cjk", true},
	} {
		fonts := map[string]bool{}
		for _, p := range pieces {
			if strings.HasPrefix(strings.TrimSpace(p.Text), c.text) {
				fonts[p.Font] = true
			}
		}
		if !fonts[c.font] || (c.only && len(fonts) > 1) {
			t.Errorf("%q is set in %v; want %s", c.text, fonts, c.font)
		}
	}
}
