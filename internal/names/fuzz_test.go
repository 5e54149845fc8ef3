package names

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// skeletonShape is what every skeleton looks like: sorted lowercase ASCII
// tokens separated by single spaces, or nothing.
var skeletonShape = regexp.MustCompile(`^([a-z]+( [a-z]+)*)?$`)

// FuzzNames folds arbitrary text as a name: nothing panics, a skeleton has
// its shape and is the same every time, Latin gives clean text, and a
// person indexed under a name with a skeleton (of at most maxTokens parts)
// is found by that name.
func FuzzNames(f *testing.F) {
	for _, s := range []string{"Гүлнар Шаймергенова", "张伟", "Wei Zhang", "欧阳修", "Пётр Васильевич", "Gülnar Şaimergenova", "O'Brien-Smith", "\t\x00", "🙂", ""} {
		f.Add(s)
	}
	x := NewIndex() // one index, the person replaced each time: an index is costly to make
	f.Fuzz(func(t *testing.T, name string) {
		skel := Skeleton(name)
		if !skeletonShape.MatchString(skel) {
			t.Fatalf("Skeleton(%q) = %q: not sorted lowercase tokens", name, skel)
		}
		if toks := strings.Fields(skel); !slices.IsSorted(toks) {
			t.Fatalf("Skeleton(%q) = %q: tokens not sorted", name, skel)
		}
		if again := Skeleton(name); again != skel {
			t.Fatalf("Skeleton(%q) gave %q, then %q", name, skel, again)
		}
		latin := Latin(name)
		if !utf8.ValidString(latin) && utf8.ValidString(name) {
			t.Fatalf("Latin(%q) = %q: not UTF-8", name, latin)
		}
		if strings.ContainsFunc(latin, unicode.IsControl) {
			t.Fatalf("Latin(%q) = %q: holds a control character", name, latin)
		}
		x.Put("p", name)
		// A search reads at most maxTokens parts of a name: a person with
		// more is found by the first of them, not by the whole spelling.
		if skel == "" || !strings.ContainsFunc(clip(name), inWord) || len(strings.Fields(skel)) > maxTokens {
			return
		}
		found := false
		for _, m := range x.Search(name, 5) {
			found = found || m.ID == "p"
		}
		if !found {
			t.Fatalf("a person named %q (skeleton %q) is not found by that name", name, skel)
		}
	})
}
