package names

import (
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentUse runs writers and readers on one index at once; run
// it with -race.
func TestConcurrentUse(t *testing.T) {
	x := NewIndex()
	const people = 400
	for i := range people {
		x.Put(fmt.Sprint(i), syntheticName(i))
	}
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for i := w; i < 3000; i += 2 {
				id := fmt.Sprint(i % people)
				if i%3 == 0 {
					x.Delete(id)
				} else {
					x.Put(id, syntheticName(i%people), "Гүлнар Шаймергенова")
				}
			}
		})
	}
	for r := range 3 {
		wg.Go(func() {
			for i := r; i < 300; i += 3 {
				x.Search(syntheticName(i), 5)
				x.Search("Gulnar Shaimergnova", 5)
				x.Similar(fmt.Sprint(i%people), 3)
				x.Len()
			}
		})
	}
	wg.Wait()
	for i := range people {
		x.Put(fmt.Sprint(i), syntheticName(i))
	}
	if x.Len() != people {
		t.Errorf("Len = %d, want %d", x.Len(), people)
	}
	for i := 0; i < people; i += 13 {
		if got := first(x.Search(syntheticName(i), 1)); got != fmt.Sprint(i) {
			t.Errorf("Search(%q) first = %q, want %d", syntheticName(i), got, i)
		}
	}
}
