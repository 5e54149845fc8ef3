package names

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// ids returns the IDs of matches, in order.
func ids(ms []Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

// first returns the ID of the first match, or "".
func first(ms []Match) string {
	if len(ms) == 0 {
		return ""
	}
	return ms[0].ID
}

// TestIndexPut checks adding, replacing and deleting people.
func TestIndexPut(t *testing.T) {
	x := NewIndex()
	x.Put("a", "Гүлнар Шаймергенова", "Gulnar Shaimergenova", " Gulnar  Shaimergenova ")
	x.Put("b", "Иван Петров")
	if x.Len() != 2 {
		t.Fatalf("Len = %d, want 2", x.Len())
	}
	if got := first(x.Search("Ivan Petrov", 5)); got != "b" {
		t.Errorf("Search(Ivan Petrov) first = %q, want b", got)
	}

	x.Put("b", "Пётр Иванов") // replaces Иван Петров
	if x.Len() != 2 {
		t.Errorf("Len after replacing = %d, want 2", x.Len())
	}
	if got := first(x.Search("Pyotr Ivanov", 5)); got != "b" {
		t.Errorf("Search(Pyotr Ivanov) first = %q, want b", got)
	}
	for _, m := range x.Search("Иван Петров", 5) {
		if m.Score >= exactSkeleton {
			t.Errorf("the replaced name still matches exactly: %+v", m)
		}
	}

	x.Delete("a")
	x.Delete("nobody")
	if x.Len() != 1 {
		t.Errorf("Len after Delete = %d, want 1", x.Len())
	}
	if ms := x.Search("Gulnar Shaimergenova", 5); len(ms) != 0 {
		t.Errorf("deleted person found: %+v", ms)
	}
	if ms := x.Similar("a", 5); ms != nil {
		t.Errorf("Similar of a deleted person = %+v, want nil", ms)
	}
}

// TestIndexPutNothingReadable checks that a person with no readable
// spelling is not held, and that Put then removes the person.
func TestIndexPutNothingReadable(t *testing.T) {
	x := NewIndex()
	x.Put("a", "Иван Петров")
	x.Put("a", "😀", "  ", "")
	x.Put("b")
	if x.Len() != 0 {
		t.Errorf("Len = %d, want 0", x.Len())
	}
	if ms := x.Search("Ivan Petrov", 5); len(ms) != 0 {
		t.Errorf("Search found %+v", ms)
	}
}

// TestIndexCompaction deletes most people, so that the index compacts,
// and checks that the rest are still found and the deleted are not.
func TestIndexCompaction(t *testing.T) {
	x := NewIndex()
	const n = 3000
	for i := range n {
		x.Put(fmt.Sprint(i), syntheticName(i))
	}
	entries := len(x.entries)
	for i := range n {
		if i%5 != 0 {
			x.Delete(fmt.Sprint(i))
		}
	}
	if x.Len() != n/5 {
		t.Fatalf("Len = %d, want %d", x.Len(), n/5)
	}
	if len(x.entries) >= entries {
		t.Errorf("not compacted: %d entries of %d, %d dead", len(x.entries), entries, x.dead)
	}
	for i := 0; i < n; i += 7 {
		got := first(x.Search(syntheticName(i), 1))
		if want := fmt.Sprint(i); (i%5 == 0) != (got == want) {
			t.Errorf("Search(%q) first = %q; person %d kept: %v", syntheticName(i), got, i, i%5 == 0)
		}
	}
	x.Put("again", syntheticName(1))
	if got := first(x.Search(syntheticName(1), 1)); got != "again" {
		t.Errorf("after compaction, Search(%q) first = %q, want again", syntheticName(1), got)
	}
}

// syntheticName makes a distinct name of made-up words for person i.
func syntheticName(i int) string {
	const syllables = "ba ko ri su te ma no vi la de"
	s := strings.Fields(syllables)
	word := func(k int) string {
		return strings.ToUpper(s[k%10][:1]) + s[k%10][1:] + s[k/10%10] + s[k/100%10]
	}
	return word(i%1000) + " " + word(i/1000+7*i%997)
}

// TestPutAgainAndAgain replaces one person's name many times, as every
// change of their record does, and checks that they are still found by it:
// the dead entries of the earlier puts once crowded the live one out of
// the candidates (found by FuzzNames).
func TestPutAgainAndAgain(t *testing.T) {
	for _, name := range []string{"Zhang Wei", "Гүлнар Шаймергенова", "Li"} {
		x := NewIndex()
		x.Put("other", "Someone Else")
		for range 1000 {
			x.Put("p", name)
		}
		var found []string
		for _, m := range x.Search(name, 10) {
			found = append(found, m.ID)
		}
		if !slices.Contains(found, "p") {
			t.Errorf("after 1,000 puts of %q, Search finds %v", name, found)
		}
	}
}
