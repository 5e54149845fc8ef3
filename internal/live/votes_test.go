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

// TestLongListsArePaged checks that a long list of questions comes in
// pages in its order, the last page holding the rest, and that page 0
// lists all.
func TestLongListsArePaged(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		eventID, err := s.ContributionEvent(ctx, w.talk)
		if err != nil {
			t.Fatal(err)
		}
		const n = live.QuestionsPerPage*2 + 7
		for i := range n {
			q := &symposium.LiveQuestion{ID: symposium.NewID(), ContributionID: w.talk, Text: fmt.Sprintf("Question %d?", i),
				Language: "en", Status: symposium.LiveVisible, Asker: "u:" + w.audience.ID}
			if err := s.AddLiveQuestion(ctx, eventID, q); err != nil {
				t.Fatal(err)
			}
		}
		all, err := w.svc.Questions(ctx, as(w.stranger), w.talk, live.Query{Sort: "time"})
		if err != nil || len(all.Items) != n || all.Total != n || all.Pages != 3 {
			t.Fatalf("all = %d items of %d in %d pages, %v", len(all.Items), all.Total, all.Pages, err)
		}
		var seen []string
		for page := 1; page <= 4; page++ {
			list, err := w.svc.Questions(ctx, as(w.stranger), w.talk, live.Query{Sort: "time", Page: page})
			if err != nil {
				t.Fatal(err)
			}
			want := live.QuestionsPerPage
			if page >= 3 {
				want = 7 // the last page, also for a page past the end
			}
			if len(list.Items) != want || list.Page != min(page, 3) || list.Total != n {
				t.Fatalf("page %d: %d items, page %d, total %d", page, len(list.Items), list.Page, list.Total)
			}
			if page <= 3 {
				for _, q := range list.Items {
					seen = append(seen, q.ID)
				}
			}
		}
		for i, q := range all.Items {
			if seen[i] != q.ID {
				t.Fatalf("item %d of the pages is %s; the whole list has %s", i, seen[i], q.ID)
			}
		}
	})
}
