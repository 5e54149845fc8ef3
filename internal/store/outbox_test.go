package store_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

func TestOutbox(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		for _, to := range []string{"a@example.org", "b@example.org"} {
			if err := s.EnqueueMail(ctx, symposium.Mail{To: to, Subject: "Тема 主题", Text: "body"}); err != nil {
				t.Fatal(err)
			}
		}
		now := time.Now()
		claimed, err := s.ClaimMail(ctx, now, time.Minute, 10)
		if err != nil || len(claimed) != 2 {
			t.Fatalf("ClaimMail = %d messages, %v; want 2", len(claimed), err)
		}
		if claimed[0].Mail.To != "a@example.org" {
			claimed[0], claimed[1] = claimed[1], claimed[0]
		}
		if claimed[0].Mail.Subject != "Тема 主题" {
			t.Errorf("subject = %q", claimed[0].Mail.Subject)
		}
		// While claimed, another sender gets nothing.
		if again, _ := s.ClaimMail(ctx, now, time.Minute, 10); len(again) != 0 {
			t.Errorf("claimed twice: %d messages", len(again))
		}
		if err := s.MarkMailSent(ctx, claimed[0].ID, now); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkMailFailed(ctx, claimed[1].ID, "421 busy", now, now.Add(5*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if due, _ := s.ClaimMail(ctx, now.Add(time.Minute), time.Minute, 10); len(due) != 0 {
			t.Errorf("retried before its time: %d messages", len(due))
		}
		due, _ := s.ClaimMail(ctx, now.Add(6*time.Minute), time.Minute, 10)
		if len(due) != 1 || due[0].Attempts != 1 || due[0].LastError != "421 busy" {
			t.Fatalf("retry = %+v, want the failed message with one attempt", due)
		}
		_ = s.MarkMailFailed(ctx, due[0].ID, "550 no such user", now, time.Time{})
		if n, _ := s.PendingMail(ctx); n != 0 {
			t.Errorf("pending = %d after one sent and one given up", n)
		}
		list, err := s.ListMail(ctx, "", 10)
		if err != nil || len(list) != 2 {
			t.Fatalf("ListMail = %d, %v", len(list), err)
		}
		if list[0].FailedAt.IsZero() || list[1].SentAt.IsZero() {
			t.Errorf("list newest first with states: %+v", list)
		}
		if older, _ := s.ListMail(ctx, list[0].ID, 10); len(older) != 1 || older[0].ID != list[1].ID {
			t.Errorf("ListMail before %s = %+v", list[0].ID, older)
		}
	})
}

// TestSendersShareTheOutbox runs four senders, two on each of two
// instances of one PostgreSQL database, over 300 messages: each message is
// claimed, and so sent, exactly once. A message another sender has just
// sent must not be claimed again by a sender whose choice of messages was
// read before that.
func TestSendersShareTheOutbox(t *testing.T) {
	url := storetest.PostgresURL(t)
	var stores []*store.Store
	for range 2 {
		s, err := store.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores = append(stores, s)
	}
	const messages = 300
	for i := range messages {
		if err := stores[0].EnqueueMail(ctx, symposium.Mail{To: fmt.Sprintf("p%d@example.org", i), Subject: "s", Text: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	sent := map[string]int{}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func(s *store.Store) {
			defer wg.Done()
			for {
				now := time.Now()
				claimed, err := s.ClaimMail(ctx, now, time.Minute, 3)
				if err != nil {
					t.Error(err)
					return
				}
				if len(claimed) == 0 {
					return
				}
				for _, m := range claimed {
					mu.Lock()
					sent[m.ID]++
					mu.Unlock()
					if err := s.MarkMailSent(ctx, m.ID, now); err != nil {
						t.Error(err)
						return
					}
				}
			}
		}(stores[i%2])
	}
	wg.Wait()
	if len(sent) != messages {
		t.Errorf("%d of %d messages were sent", len(sent), messages)
	}
	for id, n := range sent {
		if n != 1 {
			t.Errorf("message %s was sent %d times", id, n)
		}
	}
}
