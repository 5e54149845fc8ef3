package matchmaking

import (
	"testing"

	"symposium"
)

// TestDiversifyKeepsAlikeApart checks that two recommendations from one
// organization, or with the same reasons, do not follow each other where
// another can go between them.
func TestDiversifyKeepsAlikeApart(t *testing.T) {
	rec := func(id, org string, reasons ...string) Recommendation {
		return Recommendation{Card: &Card{ID: id, Person: &symposium.Person{ID: id, OrganizationID: org}}, Reasons: reasons}
	}
	in := []Recommendation{
		rec("a1", "acme", "shares 2 topics"),
		rec("a2", "acme", "seeks what you offer: catalysis"),
		rec("b1", "uni", "shares 2 topics"),
		rec("c1", "lab", "offers what you seek: hydrogen"),
	}
	var got []string
	for _, r := range diversify(in) {
		got = append(got, r.Card.ID)
	}
	// a2 shares a1's organization and b1 its reasons, so c1 goes between.
	want := []string{"a1", "c1", "a2", "b1"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("diversified order %v, want %v", got, want)
		}
	}
}

// TestWordsMeetAcrossForms checks that stems join a word's forms and that
// Chinese is read in pairs of characters.
func TestWordsMeetAcrossForms(t *testing.T) {
	a := words(symposium.Text("en", "Catalysis for refineries", "ru", "Катализаторы", "zh", "氢能储存"))
	b := words(symposium.Text("en", "industrial catalysts", "ru", "катализ и испытания", "zh", "储存技术"))
	got := overlap(a, b, 10)
	for _, want := range []string{"catalysts", "катализ", "储存"} {
		found := false
		for _, g := range got {
			found = found || g == want
		}
		if !found {
			t.Errorf("overlap %v lacks %q", got, want)
		}
	}
}
