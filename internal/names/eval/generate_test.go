package eval

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// TestGenerateDeterministic checks that a seed gives one set, another seed
// another, and that the people do not depend on the number of queries.
func TestGenerateDeterministic(t *testing.T) {
	a, b := Generate(7, 2000, 200), Generate(7, 2000, 200)
	if !reflect.DeepEqual(a, b) {
		t.Error("one seed gave two sets")
	}
	if c := Generate(8, 2000, 200); reflect.DeepEqual(a.People, c.People) {
		t.Error("two seeds gave one set of people")
	}
	if d := Generate(7, 2000, 10); !reflect.DeepEqual(a.People, d.People) {
		t.Error("the people depend on the number of queries")
	}
	if e := Generate(7, 0, 10); len(e.People) != 0 || len(e.Queries) != 0 {
		t.Errorf("no people gave %d people, %d queries", len(e.People), len(e.Queries))
	}
}

// TestPeople checks the people: distinct keys and IDs, each script with
// about its share, names in their own script, and second spellings.
func TestPeople(t *testing.T) {
	set := Generate(Seed, 20_000, 0)
	keys, ids := map[string]bool{}, map[string]bool{}
	count, second := map[string]int{}, 0
	for _, p := range set.People {
		if k := key(p); keys[k] {
			t.Errorf("key %q twice", k)
		} else {
			keys[k] = true
		}
		if ids[p.ID] {
			t.Errorf("ID %s twice", p.ID)
		}
		ids[p.ID] = true
		count[p.Script]++
		if len(p.Names) > 1 {
			second++
		}
		if !inScript(p.Names[0], p.Script) {
			t.Errorf("%s %q is not in its own script", p.Script, p.Names[0])
		}
	}
	for _, s := range Scripts {
		if got := float64(count[s.Name]) / float64(len(set.People)); got < s.Share-0.02 || got > s.Share+0.02 {
			t.Errorf("%s: %.3f of the people, want about %.2f", s.Name, got, s.Share)
		}
	}
	if got := float64(second) / float64(len(set.People)); got < 0.15 || got > 0.35 {
		t.Errorf("%.2f of the people have a second spelling", got)
	}
}

// inScript reports whether a name is written in the script its kind
// calls for: Kazakh and Russian in Cyrillic, Chinese in characters,
// English in Latin.
func inScript(name, script string) bool {
	want := map[string]*unicode.RangeTable{"ru": unicode.Cyrillic, "kk": unicode.Cyrillic, "zh": unicode.Han, "en": unicode.Latin}[script]
	for _, r := range name {
		if unicode.IsLetter(r) && !unicode.Is(want, r) {
			return false
		}
	}
	return true
}

// TestQueries checks the queries: every kind appears, every other query
// has a typo, and each is for a person of the set.
func TestQueries(t *testing.T) {
	set := Generate(Seed, 5000, 2000)
	people := map[string]string{}
	for _, p := range set.People {
		people[p.ID] = p.Script
	}
	kinds := map[string]int{}
	for i, q := range set.Queries {
		kinds[q.Kind]++
		script, ok := people[q.Person]
		if !ok || !strings.HasPrefix(q.Kind, script+"-") {
			t.Errorf("query %+v: person of script %q", q, script)
		}
		if strings.HasSuffix(q.Kind, Typo) != (i%2 == 1) {
			t.Errorf("query %d %+v: typo out of turn", i, q)
		}
	}
	for _, list := range Kinds {
		for _, k := range list {
			if kinds[k] == 0 || kinds[k+Typo] == 0 {
				t.Errorf("kind %s: %d queries, %d with a typo", k, kinds[k], kinds[k+Typo])
			}
		}
	}
}
