package symposium_test

import (
	"testing"
	"time"

	"symposium"
)

// TestMySymposiumArrange puts events to come first, soonest first, then
// past events, latest first, and timed talks before unplaced ones.
func TestMySymposiumArrange(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	at := func(days int) time.Time { return now.AddDate(0, 0, days) }
	placed := at(40)
	m := &symposium.MySymposium{Events: []*symposium.MyEvent{
		{Slug: "old", StartsAt: at(-400), EndsAt: at(-399)},
		{Slug: "later", StartsAt: at(60), EndsAt: at(61)},
		{Slug: "recent", StartsAt: at(-10), EndsAt: at(-9)},
		{Slug: "running", StartsAt: at(-1), EndsAt: at(1)},
		{Slug: "soon", StartsAt: at(40), EndsAt: at(41), Talks: []symposium.MyTalk{{ContributionID: "unplaced"}, {ContributionID: "placed", StartsAt: &placed}}},
	}}
	m.Arrange(now)
	var got []string
	for _, e := range m.Events {
		got = append(got, e.Slug)
	}
	want := []string{"running", "soon", "later", "recent", "old"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
	if m.Events[0].Past || !m.Events[3].Past || !m.Events[4].Past {
		t.Errorf("past flags wrong: running %v, recent %v, old %v", m.Events[0].Past, m.Events[3].Past, m.Events[4].Past)
	}
	if talks := m.Events[1].Talks; talks[0].ContributionID != "placed" {
		t.Errorf("talks %v: want the placed one first", talks)
	}
}
