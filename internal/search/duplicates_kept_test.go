package search_test

import (
	"io"
	"log/slog"
	"slices"
	"testing"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/search"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// startSearch makes and loads a search service on the store, as an
// instance starting does.
func startSearch(t *testing.T, s *store.Store) *search.Service {
	t.Helper()
	svc := search.New(s, events.New(s, nil), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := svc.Load(ctx); err != nil {
		t.Fatal(err)
	}
	return svc
}

// queue lists the duplicates queue as "id-id" pairs.
func queue(t *testing.T, svc *search.Service) []string {
	t.Helper()
	pairs, err := svc.Duplicates(ctx, nil, 100)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range pairs {
		out = append(out, p.A.ID+"-"+p.B.ID)
	}
	slices.Sort(out)
	return out
}

// TestDuplicatesQueueSurvivesRestart checks that the pairs found by the
// first comparison of everyone are kept in the database, kept current as
// people change, and found by an instance starting later without
// comparing anyone.
func TestDuplicatesQueueSurvivesRestart(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		var people []*symposium.Person
		for _, name := range []string{"Иван Петров", "Ivan Petrov", "Гүлнар Шаймергенова", "Gulnar Shaimergenova", "王芳", "Wang Fang", "Bolat Nurlanov"} {
			p := &symposium.Person{Name: symposium.Text("en", name)}
			if err := s.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
			people = append(people, p)
		}
		first := startSearch(t, s)
		want := queue(t, first)
		if len(want) < 3 {
			t.Fatalf("queue = %v; want the three pairs of spellings", want)
		}
		if got := first.Stats().Compared; got != uint64(len(people)) {
			t.Errorf("the first instance compared %d people, want all %d", got, len(people))
		}

		// A restart finds the same queue and compares nobody.
		second := startSearch(t, s)
		if got := queue(t, second); !slices.Equal(got, want) {
			t.Errorf("after a restart the queue is %v, want %v", got, want)
		}
		if got := second.Stats().Compared; got != 0 {
			t.Errorf("after a restart %d people were compared, want none", got)
		}

		// A change is compared as it comes and kept for the next start:
		// Bolat gets a twin, and Wang Fang changes name and leaves his pair.
		twin := &symposium.Person{Name: symposium.Text("kk", "Болат Нұрланов")}
		if err := s.CreatePerson(ctx, twin); err != nil {
			t.Fatal(err)
		}
		people[5].Name = symposium.Text("en", "Aigerim Zhaksylykova")
		if err := s.UpdatePerson(ctx, people[5]); err != nil {
			t.Fatal(err)
		}
		live := queue(t, second)
		third := startSearch(t, s)
		if got := queue(t, third); !slices.Equal(got, live) || slices.Equal(live, want) {
			t.Errorf("after changes and a restart the queue is %v; the running instance had %v, before the changes %v", got, live, want)
		}
		if got := third.Stats().Compared; got != 0 {
			t.Errorf("the third start compared %d people, want none", got)
		}
	})
}
