package search

import (
	"slices"
	"strings"
	"testing"
)

func TestWordsFold(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Қазақстан–Қытай", []string{"казакстан", "кытай"}},
		{"Ёлка, ЁЖ", []string{"елка", "еж"}},
		{"Café Zürich 2024", []string{"cafe", "zurich", "2024"}},
		{"中国科技研讨会", []string{"中国科技研讨会"}},
		{"AI与中国", []string{"ai", "与中国"}},
		{"\x00\x1b[2J", []string{"2j"}},
		{"", nil},
	} {
		var got []string
		for _, w := range words(c.in) {
			got = append(got, w.text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestHanTerms(t *testing.T) {
	if got := hanTerms("研讨会", false); !slices.Equal(got, []string{"研", "讨", "会", "研讨", "讨会"}) {
		t.Errorf("document terms = %q", got)
	}
	if got := hanTerms("研讨会", true); !slices.Equal(got, []string{"研讨", "讨会"}) {
		t.Errorf("query terms = %q", got)
	}
	if got := hanTerms("会", true); !slices.Equal(got, []string{"会"}) {
		t.Errorf("one character = %q", got)
	}
}

func TestTextIndex(t *testing.T) {
	x := newTextIndex()
	x.put("event:1", []string{"China Science and Technology Symposium", "中国科技研讨会", "Симпозиум «Наука и технологии Китая»"}, []string{"Astana"})
	x.put("event:2", []string{"Workshop on Steppe Ecology"}, []string{"Алматы"})
	x.put("contribution:3", []string{"Opening address"}, []string{"On science diplomacy"})
	all := func(string) bool { return true }
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"科技", []string{"event:1"}},
		{"技研", []string{"event:1"}},
		{"研讨会", []string{"event:1"}},
		{"会研", nil},
		{"symp", []string{"event:1"}},
		{"СИМПОЗИУМ", []string{"event:1"}},
		{"Астана", []string{"event:1"}},
		{"Almaty", []string{"event:2"}},
		{"science", []string{"contribution:3", "event:1"}},
		{"science china", []string{"event:1"}},
		{"steppe ecology", []string{"event:2"}},
		{"zz", nil},
		{"", nil},
	} {
		got := x.search(c.q, all)
		var ids []string
		for id := range got {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, c.want) {
			t.Errorf("%q found %q, want %q", c.q, ids, c.want)
		}
	}
	// A title outranks a body; a whole word outranks a beginning.
	got := x.search("science", all)
	if got["event:1"] <= got["contribution:3"] {
		t.Errorf("scores %v: the title match should rank first", got)
	}
	if whole, begun := x.search("symposium", all)["event:1"], x.search("sympo", all)["event:1"]; whole <= begun {
		t.Errorf("whole %v, begun %v", whole, begun)
	}
	// Replacing and removing documents.
	x.put("event:2", []string{"Desert Ecology"}, nil)
	if len(x.search("steppe", all)) != 0 || len(x.search("desert", all)) != 1 {
		t.Error("a replaced document keeps its old words")
	}
	x.remove("event:1")
	if len(x.search("科技", all)) != 0 || strings.Contains(strings.Join(x.sorted, " "), "科技") {
		t.Error("a removed document is still found")
	}
	// The filter decides.
	if len(x.search("science", func(d string) bool { return d != "contribution:3" })) != 0 {
		t.Error("the filter is not applied")
	}
}
