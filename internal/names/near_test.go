package names

import (
	"slices"
	"testing"
)

// TestNear checks that the tokens at exactly one edit are found, and only
// they.
func TestNear(t *testing.T) {
	var n nearIndex
	for i, tok := range []string{"chen", "chan", "che", "shen", "cheng", "hcen", "zhang", "ksiaoiang", "li", "lu", "a"} {
		n.add(tok, int32(i))
	}
	n.add("chen", 20)
	n.add("chen", 20)
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"cehn", []string{"chen"}},                                 // transposition
		{"chen", []string{"chan", "che", "shen", "cheng", "hcen"}}, // not chen itself
		{"chn", []string{"chen", "chan", "che"}},                   // deletion, substitution
		{"cheen", []string{"chen"}},                                // insertion
		{"zhamg", []string{"zhang"}},                               // substitution
		{"ksiaoiamg", nil},                                         // too long to be held
		{"l", nil},                                                 // too short to look for
		{"la", []string{"li", "lu", "a"}},
	} {
		var got []string
		for _, id := range n.near(c.query, nil) {
			got = append(got, n.words[id])
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(c.want))
		if !slices.Equal(got, want) {
			t.Errorf("near(%q) = %q, want %q", c.query, got, want)
		}
	}
	if post := n.posts[n.ids["chen"]]; !slices.Equal(post, []int32{0, 20}) {
		t.Errorf("postings of chen = %v, want [0 20]", post)
	}
}

// TestDeletions checks the one-letter deletions of a token.
func TestDeletions(t *testing.T) {
	if got := deletions("anna"); !slices.Equal(got, []string{"nna", "ana", "ann"}) {
		t.Errorf("deletions(anna) = %q", got)
	}
	if got := deletions("a"); !slices.Equal(got, []string{""}) {
		t.Errorf("deletions(a) = %q", got)
	}
}
