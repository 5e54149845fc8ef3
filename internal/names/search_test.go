package names

import (
	"cmp"
	"slices"
	"strings"
	"testing"
)

// demoIndex holds people like the demo's: a Kazakh name in two spellings
// and a decoy a letter or two away, a Chinese name in characters and
// pinyin, and some others.
func demoIndex() *Index {
	x := NewIndex()
	x.Put("gulnar", "Гүлнар Шаймергенова", "Gulnar Shaimergenova")
	x.Put("decoy", "Gulnara Shaimerdenova")
	x.Put("xing", "邢芳芳", "Xing Fangfang")
	x.Put("fang", "方芳", "Fang Fang")
	x.Put("zhang", "张伟")
	x.Put("zhangwen", "张文")
	x.Put("petrov", "Евгений Васильевич Григорьев")
	x.Put("aigerim", "Әйгерім Ибраева")
	return x
}

// TestSearchRanking checks that queries in other scripts and
// romanizations, with typos, find their person first.
func TestSearchRanking(t *testing.T) {
	x := demoIndex()
	for _, c := range []struct{ query, want string }{
		{"Shaimergnova", "gulnar"},
		{"Shaimerganova", "gulnar"},
		{"Gulnar Shaimergnova", "gulnar"},
		{"Гульнар Шаймергенова", "gulnar"},
		{"Gülnar Şaimergenova", "gulnar"},
		{"Shaimerdenova", "decoy"},
		{"Gulnara", "decoy"},
		{"邢芳芳", "xing"},
		{"Fangfang Xing", "xing"},
		{"Xing Fang Fang", "xing"},
		{"Fang Fang Xing", "xing"},
		{"Xing Fangfnag", "xing"},
		{"Fang Fang", "fang"},
		{"Zhang Wei", "zhang"},
		{"Wei Zhang", "zhang"},
		{"Zhang Wen", "zhangwen"},
		{"Evgenij Vasilʹevič Grigorʹev", "petrov"},
		{"Yevgeniy Grigoryev", "petrov"},
		{"Grigorev", "petrov"},
		{"Aigerim Ibraeva", "aigerim"},
		{"Айгерим Ибраева", "aigerim"},
		{"Áıgerim Ibraeva", "aigerim"},
	} {
		ms := x.Search(c.query, 3)
		if first(ms) != c.want {
			t.Errorf("Search(%q) = %+v, want %s first", c.query, ms, c.want)
		}
	}
}

// TestSearchScores checks the scores of an exact spelling, an equal
// skeleton and a fuzzy match, and the spelling reported.
func TestSearchScores(t *testing.T) {
	x := demoIndex()
	for _, c := range []struct {
		query, variant string
		lo, hi         float64
	}{
		{"Gulnar Shaimergenova", "Gulnar Shaimergenova", 1, 1},
		{"gulnar SHAIMERGENOVA", "Gulnar Shaimergenova", 1, 1},
		{"Gulnar Shaymergenova", "Гүлнар Шаймергенова", exactSkeleton, exactSkeleton},
		{"Shaimergnova Gulnar", "Гүлнар Шаймергенова", minScore, fuzzyCeiling},
	} {
		ms := x.Search(c.query, 1)
		if len(ms) != 1 || ms[0].ID != "gulnar" || ms[0].Variant != c.variant || ms[0].Score < c.lo || ms[0].Score > c.hi {
			t.Errorf("Search(%q) = %+v, want gulnar by %q scoring in [%v, %v]", c.query, ms, c.variant, c.lo, c.hi)
		}
	}
}

// TestSearchLimits checks limits, ordering and queries with nothing to
// read.
func TestSearchLimits(t *testing.T) {
	x := demoIndex()
	for _, q := range []string{"", "   ", "😀", "\x00\x1b", "123", "-"} {
		if ms := x.Search(q, 10); ms != nil {
			t.Errorf("Search(%q) = %+v, want nil", q, ms)
		}
	}
	if ms := x.Search("Gulnar", 0); ms != nil {
		t.Errorf("Search with limit 0 = %+v", ms)
	}
	if ms := x.Search("Gulnar", -1); ms != nil {
		t.Errorf("Search with limit -1 = %+v", ms)
	}
	ms := x.Search("Gulnar Shaimergenova", 1)
	if len(ms) != 1 {
		t.Errorf("Search with limit 1 = %+v", ms)
	}
	ms = x.Search("Zhang", 10)
	if !slices.IsSortedFunc(ms, func(a, b Match) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.ID, b.ID))
	}) {
		t.Errorf("Search(Zhang) not best first: %+v", ms)
	}
	for _, q := range []string{strings.Repeat("Gulnar ", 2_000), strings.Repeat("张", 10_000)} {
		x.Search(q, 10) // must not panic
	}
}

// TestSimilar checks the queue of possible duplicates.
func TestSimilar(t *testing.T) {
	x := demoIndex()
	x.Put("dup", "Gulnar Shaymergenova")
	ms := x.Similar("gulnar", 5)
	if first(ms) != "dup" || ms[0].Score < exactSkeleton {
		t.Errorf("Similar(gulnar) = %+v, want dup first with an equal skeleton", ms)
	}
	if slices.Contains(ids(ms), "gulnar") {
		t.Errorf("Similar(gulnar) holds gulnar: %+v", ms)
	}
	if !slices.Contains(ids(ms), "decoy") {
		t.Errorf("Similar(gulnar) = %+v, want decoy among them", ms)
	}
	if ms := x.Similar("gulnar", 1); len(ms) != 1 {
		t.Errorf("Similar with limit 1 = %+v", ms)
	}
	if ms := x.Similar("nobody", 5); ms != nil {
		t.Errorf("Similar(nobody) = %+v, want nil", ms)
	}
	if ms := x.Similar("gulnar", 0); ms != nil {
		t.Errorf("Similar with limit 0 = %+v, want nil", ms)
	}
	x.Put("twin", "Gulnar Shaimergenova")
	if ms := x.Similar("gulnar", 5); first(ms) != "twin" || ms[0].Score != 1 {
		t.Errorf("Similar(gulnar) = %+v, want twin first with the very spelling", ms)
	}
}
