package search

import (
	"maps"
	"testing"
)

func TestNamePairs(t *testing.T) {
	n := newNamePairs()
	n.set("a", map[string]float64{"b": 0.9, "c": 0.95})
	n.set("d", map[string]float64{"a": 0.88})
	want := map[[2]string]float64{{"a", "b"}: 0.9, {"a", "c"}: 0.95, {"a", "d"}: 0.88}
	if got := n.snapshot(); !maps.Equal(got, want) {
		t.Errorf("snapshot = %v, want %v", got, want)
	}
	// Comparing a again replaces its pairs, those found from others' side
	// included.
	n.set("a", map[string]float64{"b": 0.91})
	want = map[[2]string]float64{{"a", "b"}: 0.91}
	if got := n.snapshot(); !maps.Equal(got, want) {
		t.Errorf("after comparing a again = %v, want %v", got, want)
	}
	n.remove("b")
	if got := n.snapshot(); len(got) != 0 || len(n.by) != 0 {
		t.Errorf("after removing b = %v, %v", got, n.by)
	}
}
