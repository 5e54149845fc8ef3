package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/limits"
	"symposium/internal/live"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// openSite is a site whose settings do not matter to votes.
type openSite struct{}

func (openSite) Site(context.Context) (symposium.Site, error) { return symposium.Site{}, nil }

// liveVotes is how many votes each run casts, from as many people.
const liveVotes = 10000

// BenchmarkLiveVotes measures votes per second through the live service
// (the event's access checked, the vote counted against the limits per
// person and per address, the vote's row written, the count derived and
// the stream's entry logged, in one durable transaction each), with 10,000
// people voting for one question from 64 concurrent clients, on SQLite and
// on PostgreSQL; afterwards the question's count must be exactly 10,000.
func BenchmarkLiveVotes(b *testing.B) {
	for _, db := range []struct {
		name string
		open func(testing.TB) *store.Store
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(db.name, func(b *testing.B) {
			s := db.open(b)
			log := slog.New(slog.NewTextHandler(io.Discard, nil))
			svc := live.New(s, events.New(s, openSite{}), limits.New(s, limits.DefaultConfig()), log)
			talk, _ := liveSetup(b, s, newAccounts(b, s))
			for i := 0; i < b.N; i++ {
				q, err := svc.Ask(ctx, live.Caller{User: &symposium.User{ID: fmt.Sprintf("asker-%d", i)}, Client: "192.0.2.1"}, talk, "Which?", false)
				if err != nil {
					b.Fatal(err)
				}
				elapsed := castVotes(b, svc, q.ID, liveVotes, 64)
				got, err := s.LiveQuestion(ctx, q.ID)
				if err != nil || got.Votes != liveVotes {
					b.Fatalf("count = %v, %v; want %d", got, err, liveVotes)
				}
				b.ReportMetric(float64(liveVotes)/elapsed.Seconds(), "votes/s")
			}
		})
	}
}

// castVotes casts n votes of n people from the given number of clients,
// each from an address of its own, and returns how long they took.
func castVotes(b *testing.B, svc *live.Service, questionID string, n, clients int) time.Duration {
	b.Helper()
	work := make(chan int)
	var wg sync.WaitGroup
	t0 := time.Now()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				voter := live.Caller{User: &symposium.User{ID: fmt.Sprintf("voter-%d", i)}, Client: fmt.Sprintf("198.51.100.%d", c)}
				if _, err := svc.Vote(ctx, voter, questionID, true); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		work <- i
	}
	close(work)
	wg.Wait()
	return time.Since(t0)
}

// pacedRate is the rate of votes BenchmarkLiveVotesPaced offers.
const pacedRate = 500

// BenchmarkLiveVotesPaced offers votes at the 500 a second for 20
// seconds (10,000 people voting for one question), each sent at its
// scheduled time whatever became of the ones before (an open loop, so a
// server falling behind shows as growing latency rather than as fewer
// votes sent), and reports the rate achieved and the latency from each
// vote's scheduled time to its durable commit; afterwards the count must
// be exactly 10,000.
func BenchmarkLiveVotesPaced(b *testing.B) {
	for _, db := range []struct {
		name string
		open func(testing.TB) *store.Store
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(db.name, func(b *testing.B) {
			s := db.open(b)
			log := slog.New(slog.NewTextHandler(io.Discard, nil))
			svc := live.New(s, events.New(s, openSite{}), limits.New(s, limits.DefaultConfig()), log)
			talk, _ := liveSetup(b, s, newAccounts(b, s))
			for i := 0; i < b.N; i++ {
				q, err := svc.Ask(ctx, live.Caller{User: &symposium.User{ID: fmt.Sprintf("asker-%d", i)}, Client: "192.0.2.1"}, talk, "Which?", false)
				if err != nil {
					b.Fatal(err)
				}
				lat, elapsed := pacedVotes(b, svc, q.ID, liveVotes)
				got, err := s.LiveQuestion(ctx, q.ID)
				if err != nil || got.Votes != liveVotes {
					b.Fatalf("count = %v, %v; want %d", got, err, liveVotes)
				}
				b.ReportMetric(float64(liveVotes)/elapsed.Seconds(), "votes/s")
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
				b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
			}
		})
	}
}

// pacedVotes casts n votes of n people at pacedRate a second, each from
// one of 64 addresses, and returns their latencies, sorted, and the time
// from the first vote's schedule to the last commit.
func pacedVotes(b *testing.B, svc *live.Service, questionID string, n int) ([]time.Duration, time.Duration) {
	b.Helper()
	type job struct {
		i  int
		at time.Time
	}
	work := make(chan job, n)
	lat := make([]time.Duration, n)
	var wg sync.WaitGroup
	for c := 0; c < 256; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				voter := live.Caller{User: &symposium.User{ID: fmt.Sprintf("paced-%d", j.i)}, Client: fmt.Sprintf("198.51.100.%d", j.i%64)}
				if _, err := svc.Vote(ctx, voter, questionID, true); err != nil {
					b.Error(err)
				}
				lat[j.i] = time.Since(j.at)
			}
		}()
	}
	t0 := time.Now()
	for i := 0; i < n; i++ {
		at := t0.Add(time.Duration(i) * time.Second / pacedRate)
		time.Sleep(time.Until(at))
		work <- job{i, at}
	}
	close(work)
	wg.Wait()
	elapsed := time.Since(t0)
	slices.Sort(lat)
	return lat, elapsed
}
