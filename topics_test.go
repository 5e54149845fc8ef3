package symposium

import (
	"testing"
	"unicode"
)

func TestTopicsTaxonomy(t *testing.T) {
	areas := Areas()
	if len(areas) != 6 {
		t.Fatalf("%d areas, want 6", len(areas))
	}
	if n := len(Topics()); n != 42 {
		t.Errorf("%d fields, want 42", n)
	}
	wantPerArea := map[string]int{"1": 7, "2": 11, "3": 5, "4": 5, "5": 9, "6": 5}
	for _, a := range areas {
		if got := len(TopicsIn(a.Code)); got != wantPerArea[a.Code] {
			t.Errorf("area %s has %d fields, want %d", a.Code, got, wantPerArea[a.Code])
		}
	}
	seen := map[string]bool{}
	for _, tp := range append(Areas(), Topics()...) {
		if seen[tp.Code] {
			t.Errorf("code %s twice", tp.Code)
		}
		seen[tp.Code] = true
		for _, l := range Languages {
			if tp.Label[l] == "" {
				t.Errorf("%s has no %s label", tp.Code, l)
			}
		}
		if !hasScript(tp.Label["zh"], unicode.Han) || !hasScript(tp.Label["kk"], unicode.Cyrillic) || !hasScript(tp.Label["ru"], unicode.Cyrillic) {
			t.Errorf("%s: labels in the wrong script: %v", tp.Code, tp.Label)
		}
		if got, ok := TopicByCode(tp.Code); !ok || got.Label["en"] != tp.Label["en"] {
			t.Errorf("TopicByCode(%s) = %v, %v", tp.Code, got, ok)
		}
	}
	if IsTopic("9.9") || IsTopic("") || !IsTopic("1.5") {
		t.Error("IsTopic is wrong for 9.9, empty or 1.5")
	}
	// Callers get copies: changing one does not change the table.
	Topics()[0].Label["en"] = "changed"
	if Topics()[0].Label["en"] != "Mathematics" {
		t.Error("the table was changed through a returned topic")
	}
}

func hasScript(s string, script *unicode.RangeTable) bool {
	for _, r := range s {
		if unicode.Is(script, r) {
			return true
		}
	}
	return false
}
