package live_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"symposium"
	"symposium/internal/limits"
	"symposium/internal/live"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestConcurrentStormIsCountedInTheVotes checks that the limit on one
// person's votes, counted in the votes' own transactions (and on
// PostgreSQL in batches of votes), lets exactly the limit through when the
// person votes for many questions at once, and that the refused votes
// leave no trace in the counts.
func TestConcurrentStormIsCountedInTheVotes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		cfg := limits.DefaultConfig()
		cfg.Votes = limits.Rule{N: 5, Per: time.Minute}
		w := newWorldWith(t, s, cfg)
		eventID, err := s.ContributionEvent(ctx, w.talk)
		if err != nil {
			t.Fatal(err)
		}
		const n = 20
		ids := make([]string, n)
		for i := range ids {
			q := &symposium.LiveQuestion{ID: symposium.NewID(), ContributionID: w.talk, Text: fmt.Sprintf("Question %d?", i),
				Language: "en", Status: symposium.LiveVisible, Asker: "u:" + w.audience.ID}
			if err := s.AddLiveQuestion(ctx, eventID, q); err != nil {
				t.Fatal(err)
			}
			ids[i] = q.ID
		}
		var ok, refused atomic.Int32
		var wg sync.WaitGroup
		for _, id := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := w.svc.Vote(ctx, as(w.stranger), id, true)
				switch symposium.ErrorCode(err) {
				case "":
					ok.Add(1)
				case symposium.ETOOMANY:
					refused.Add(1)
				default:
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if ok.Load() != 5 || refused.Load() != n-5 {
			t.Fatalf("%d votes taken, %d refused; want 5 and %d", ok.Load(), refused.Load(), n-5)
		}
		list, err := w.svc.Questions(ctx, as(w.moderator), w.talk, live.Query{})
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, q := range list.Items {
			total += q.Votes
		}
		if total != 5 {
			t.Fatalf("the counts add up to %d; want 5", total)
		}
	})
}

// TestChangedSettingsReachVotersAtOnce checks that the decision kept for a
// guest's votes is dropped when the event stops taking guests.
func TestChangedSettingsReachVotersAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		ls := symposium.DefaultLiveSettings()
		ls.Guests = true
		if _, _, err := w.svc.SetSettings(ctx, w.manager, "pub", ls); err != nil {
			t.Fatal(err)
		}
		q := w.ask(w.audience, "Guests welcome?", false)
		guest := live.Caller{Guest: symposium.NewID(), Client: "192.0.2.9"}
		if got, err := w.svc.Vote(ctx, guest, q.ID, true); err != nil || got.Votes != 1 {
			t.Fatalf("the guest's vote: %v, %v", got, err)
		}
		ls.Guests = false
		if _, _, err := w.svc.SetSettings(ctx, w.manager, "pub", ls); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Vote(ctx, guest, q.ID, false); err == nil {
			t.Fatal("a guest withdrew a vote after the event stopped taking guests")
		}
		if got, _ := s.LiveQuestion(ctx, q.ID); got.Votes != 1 {
			t.Fatalf("votes = %d; want 1", got.Votes)
		}
	})
}
