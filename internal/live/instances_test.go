package live_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"symposium/internal/events"
	"symposium/internal/limits"
	"symposium/internal/live"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestTwoInstancesOnPostgres runs two stores on one PostgreSQL database,
// as two server instances would: a question asked on one reaches a
// subscriber of the other, and votes through both count each person
// once.
func TestTwoInstancesOnPostgres(t *testing.T) {
	url := storetest.PostgresURL(t)
	open := func() *store.Store {
		s, err := store.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	a, b := open(), open()
	w := newWorldWith(t, a, limits.DefaultConfig().Unlimited())
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	other := live.New(b, events.New(b, closedSite{}), limits.New(b, limits.DefaultConfig().Unlimited()), log)
	listen, stop := context.WithCancel(ctx)
	defer stop()
	go a.ListenLive(listen, log)
	go b.ListenLive(listen, log)

	sub, err := other.Subscribe(ctx, w.stranger, w.talk, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	sleepBriefly() // a LISTEN takes effect shortly after ListenLive starts
	q := w.ask(w.audience, "Across instances?", false)
	if f := next(t, sub.C); !strings.Contains(f, "Across instances?") {
		t.Fatalf("instance b got %q", f)
	}
	const voters = 30
	var wg sync.WaitGroup
	for i := range voters * 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := a
			if i%2 == 1 {
				s = b
			}
			if _, err := s.Vote(ctx, q.ID, fmt.Sprintf("u:voter-%d", i/2), true); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	got, err := a.LiveQuestion(ctx, q.ID)
	if err != nil || got.Votes != voters {
		t.Fatalf("votes = %v, %v; want %d", got, err, voters)
	}
	// Instance b's subscriber gets the counts in order, each entry once,
	// up to the final count; votes committed together share one entry.
	final := fmt.Sprintf(`"votes":%d`, voters)
	for want := int64(2); ; want++ {
		f := next(t, sub.C)
		if !strings.HasPrefix(f, fmt.Sprintf("id: %d\n", want)) {
			t.Fatalf("frame %q; want id %d", f, want)
		}
		if strings.Contains(f, final) {
			break
		}
		if want > voters+1 {
			t.Fatalf("frame %q: more entries than votes", f)
		}
	}
}
