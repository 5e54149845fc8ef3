package demo_test

import (
	"time"

	"context"
	"testing"

	"symposium"
	"symposium/internal/demo"
	"symposium/internal/matchmaking/mmtest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

func TestLoadIsIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if created, err := demo.Load(ctx, s); err != nil || !created {
			t.Fatalf("first Load = %v, %v", created, err)
		}
		if created, err := demo.Load(ctx, s); err != nil || created {
			t.Fatalf("second Load = %v, %v; want nothing new", created, err)
		}
		e, err := s.EventBySlug(ctx, demo.Slug)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range symposium.Languages {
			if e.Title[l] == "" || e.Summary[l] == "" || e.Venue.City[l] == "" {
				t.Errorf("the demo event lacks %s text", l)
			}
		}
		if e.Timezone != "Asia/Almaty" || e.StartsAt.In(e.Location()).Format("2006-01-02 15:04 -07") != "2024-05-22 10:00 +05" {
			t.Errorf("demo event starts %v in %s; want 22 May 2024 10:00 UTC+5", e.StartsAt, e.Timezone)
		}
		if len(e.Organizers) != 2 {
			t.Errorf("organizers = %+v; want the research center and KazEvent", e.Organizers)
		}
		list, err := s.Contributions(ctx, e.ID)
		if err != nil || len(list) < 8 {
			t.Fatalf("programme = %d entries, %v", len(list), err)
		}
		if list[0].Kind != symposium.ContributionAddress || list[1].Kind != symposium.ContributionAddress || len(list[0].SpeakerIDs) != 1 {
			t.Errorf("the programme opens with %s and %s; want the two addresses", list[0].Kind, list[1].Kind)
		}
		for _, c := range list {
			for _, l := range symposium.Languages {
				if c.Title[l] == "" {
					t.Errorf("entry %q lacks a %s title", c.Title["en"], l)
				}
			}
		}
	})
}

// TestDemoIsNotShredded checks that the demo, an event of 2024, keeps its
// registration data past the sweeper's next run: its retention is the
// longest an event may have.
func TestDemoIsNotShredded(t *testing.T) {
	s := storetest.SQLite(t)
	if _, err := demo.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	due, err := s.DueForShredding(context.Background(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 0 {
		t.Errorf("the demo event is due for shredding the day it is loaded: %v", due)
	}
}

// TestDemoMatchmakingKeepsEveryConstraint checks the demo's meetings with
// the independent checker: four held and one missed.
func TestDemoMatchmakingKeepsEveryConstraint(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := demo.Load(ctx, s); err != nil {
			t.Fatal(err)
		}
		e, err := s.EventBySlug(ctx, demo.Slug)
		if err != nil {
			t.Fatal(err)
		}
		held := 0
		for _, mt := range mmtest.CheckPublished(t, s, e.ID) {
			if mt.Status == symposium.MeetingHeld {
				held++
			}
		}
		if held != 4 {
			t.Errorf("%d demo meetings held", held)
		}
	})
}
