package names

import (
	"math"
	"testing"
)

// TestDamerauLevenshtein checks edit distances, transpositions counting
// one.
func TestDamerauLevenshtein(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"abc", "", 3}, {"abc", "abc", 0},
		{"shaimergenova", "shaimergnova", 1}, {"shaimergenova", "shaimerganova", 1},
		{"abcd", "acbd", 1}, {"ca", "abc", 3}, {"kitten", "sitting", 3},
	} {
		if got := damerauLevenshtein(c.a, c.b); got != c.want {
			t.Errorf("damerauLevenshtein(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestJaroWinkler checks similarities against published examples.
func TestJaroWinkler(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"martha", "marhta", 0.961}, {"dwayne", "duane", 0.84}, {"dixon", "dicksonx", 0.813},
		{"abc", "abc", 1}, {"abc", "xyz", 0}, {"", "abc", 0},
	} {
		if got := jaroWinkler(c.a, c.b); math.Abs(got-c.want) > 0.001 {
			t.Errorf("jaroWinkler(%q, %q) = %.3f, want %.3f", c.a, c.b, got, c.want)
		}
	}
}

// TestTokenSimilarity checks that a typo costs less than a different
// name, and that long tokens are cut rather than overflow.
func TestTokenSimilarity(t *testing.T) {
	if s := tokenSimilarity("gulnar", "gulnar"); s != 1 {
		t.Errorf("equal tokens: %v, want 1", s)
	}
	typo, other := tokenSimilarity("shaimergenova", "shaimergnova"), tokenSimilarity("shaimergenova", "ibraeva")
	if typo <= other || typo < 0.9 {
		t.Errorf("typo %v, other name %v", typo, other)
	}
	long := "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
	if s := tokenSimilarity(long, long+"x"); s < 0.9 || s > 1 {
		t.Errorf("long tokens: %v", s)
	}
}
