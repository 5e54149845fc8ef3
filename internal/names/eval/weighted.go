package eval

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// weighted draws items with given weights.
type weighted struct {
	items []string
	cum   []float64 // cumulative weights
}

// zipf makes a weighted list from names listed most common first, each
// weighted as a Zipf law with a flattened head: 1/(rank+10). The lists are
// ordered by rough frequency, not from a census, so the law stands in for
// the true weights.
func zipf(list string) *weighted {
	w := &weighted{items: strings.Fields(list)}
	total := 0.0
	for i := range w.items {
		total += 1 / float64(i+10)
		w.cum = append(w.cum, total)
	}
	return w
}

// explicit makes a weighted list from "name weight" pairs.
func explicit(pairs []pair) *weighted {
	w := &weighted{}
	total := 0.0
	for _, p := range pairs {
		total += p.weight
		w.items = append(w.items, p.name)
		w.cum = append(w.cum, total)
	}
	return w
}

// pair is a name and how common it is.
type pair struct {
	name   string
	weight float64
}

// pick draws one item.
func (w *weighted) pick(rng *rand.Rand) string {
	x := rng.Float64() * w.cum[len(w.cum)-1]
	i, _ := slices.BinarySearch(w.cum, x)
	return w.items[min(i, len(w.items)-1)]
}
