package gen

import (
	"reflect"
	"testing"
)

// TestGenerate checks that an instance is valid, the same for the same
// seed and different for another, and has the shape: weights in
// about 62/28/10 proportion, one person in eight present for part of the
// day, programme sessions emptying some slots, and some hundreds of people
// with more requests than free slots.
func TestGenerate(t *testing.T) {
	c := Large(1)
	in := Generate(c)
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, Generate(c)) {
		t.Fatal("the same seed gave another instance")
	}
	if reflect.DeepEqual(in.Requests, Generate(Large(2)).Requests) {
		t.Fatal("another seed gave the same requests")
	}
	if len(in.People) != 2000 || len(in.Requests) != 10000 || len(in.Slots) != 16 || in.Slots[0].Tables != 500 {
		t.Fatalf("%d people, %d requests, %d slots", len(in.People), len(in.Requests), len(in.Slots))
	}
	weights := map[int]int{}
	degree := map[string]int{}
	for _, r := range in.Requests {
		weights[r.Weight]++
		degree[r.A]++
		degree[r.B]++
	}
	share := func(w int) float64 { return float64(weights[w]) / float64(len(in.Requests)) }
	if s1, s2, s3 := share(1), share(2), share(3); s1 < 0.58 || s1 > 0.66 || s2 < 0.25 || s2 > 0.31 || s3 < 0.08 || s3 > 0.12 {
		t.Errorf("weights 1/2/3 in %.2f/%.2f/%.2f", s1, s2, s3)
	}
	partDay, over, free := 0, 0, make([]int, len(in.Slots))
	for _, p := range in.People {
		if len(p.Free) <= 5*len(in.Slots)/8 {
			partDay++
		}
		if degree[p.ID] > len(p.Free) {
			over++
		}
		for _, s := range p.Free {
			free[s]++
		}
	}
	if partDay < 2000/12 || partDay > 2000/6 {
		t.Errorf("%d people free in at most five slots in eight", partDay)
	}
	if over < 150 || over > 600 {
		t.Errorf("%d people have more requests than free slots", over)
	}
	least, most := free[0], free[0]
	for _, n := range free {
		least, most = min(least, n), max(most, n)
	}
	if least > most*3/4 {
		t.Errorf("people free per slot range %d–%d: no session empties a slot", least, most)
	}
}

// TestGenerateExtensions checks the instances with delegations, booths
// and interpreters.
func TestGenerateExtensions(t *testing.T) {
	in := Generate(Config{People: 200, Requests: 800, Slots: 8, Tables: 40, Seed: 3, Delegations: 4, Booths: 3, Interpreters: 5})
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	delegations, booths := 0, 0
	for _, p := range in.People {
		if len(p.Members) > 0 {
			delegations++
		}
		if p.Table != 0 {
			booths++
		}
		if len(p.Members) == 0 && len(p.Languages) == 0 {
			t.Fatalf("%s speaks no language", p.ID)
		}
	}
	if delegations != 4 || booths == 0 || len(in.Interpreters) != 5 {
		t.Fatalf("%d delegations, %d booths, %d interpreters", delegations, booths, len(in.Interpreters))
	}
}
