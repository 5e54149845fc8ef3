package store_test

import (
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestSentMailIsKeptForAWhile checks that the sweeper removes messages
// sent or given up on longer ago than store.MailKept, and keeps the
// others.
func TestSentMailIsKeptForAWhile(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		now := time.Now().UTC()
		for _, to := range []string{"old@example.org", "new@example.org", "queued@example.org"} {
			if err := s.EnqueueMail(ctx, symposium.Mail{To: to, Subject: "Hello", Text: "Hello"}); err != nil {
				t.Fatal(err)
			}
		}
		list, err := s.ListMail(ctx, "", 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range list {
			switch m.Mail.To {
			case "old@example.org":
				err = s.MarkMailSent(ctx, m.ID, now.Add(-store.MailKept-time.Hour))
			case "new@example.org":
				err = s.MarkMailSent(ctx, m.ID, now.Add(-time.Hour))
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.DeleteExpired(ctx, now); err != nil {
			t.Fatal(err)
		}
		left, err := s.ListMail(ctx, "", 10)
		if err != nil {
			t.Fatal(err)
		}
		kept := map[string]bool{}
		for _, m := range left {
			kept[m.Mail.To] = true
		}
		if kept["old@example.org"] || !kept["new@example.org"] || !kept["queued@example.org"] {
			t.Errorf("after the sweep the outbox holds %v; want the recent and the queued message only", kept)
		}
	})
}
