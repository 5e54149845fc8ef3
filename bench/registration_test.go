package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// rushEvent makes an event with one category of seats and a waiting list,
// and returns the event's slug and the category's ID.
func rushEvent(b testing.TB, s *store.Store, seats int) (string, string) {
	b.Helper()
	e := &symposium.Event{Slug: "rush", Title: symposium.Text("en", "Rush"), Timezone: "Asia/Almaty",
		StartsAt: time.Now().Add(30 * 24 * time.Hour), EndsAt: time.Now().Add(31 * 24 * time.Hour)}
	var p symposium.Problems
	e.Validate(&p)
	if err := s.CreateEvent(ctx, e, ""); err != nil {
		b.Fatal(err)
	}
	c := &symposium.Category{EventID: e.ID, Name: symposium.Text("en", "Participant"), Capacity: &seats, Waitlist: true}
	if err := s.CreateCategory(ctx, c); err != nil {
		b.Fatal(err)
	}
	return e.Slug, c.ID
}

// rushResult is what a rush measured.
type rushResult struct {
	n             int
	elapsed       time.Duration
	p50, p99      time.Duration
	confirmed, wl int
	other         map[int]int
}

// runRush sends n registrations from clients concurrent clients over real
// HTTP, spread over the servers, and measures each answer.
func runRush(b testing.TB, urls []string, slug, category string, n, clients int) rushResult {
	b.Helper()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}}
	lat := make([]time.Duration, n)
	status := make([]string, n)
	codes := make([]int, n)
	jobs := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				body, _ := json.Marshal(map[string]any{"category_id": category, "email": fmt.Sprintf("p%06d@example.org", i),
					"name": map[string]string{"en": fmt.Sprintf("Person %d", i)}})
				t0 := time.Now()
				resp, err := client.Post(urls[i%len(urls)]+"/api/v1/events/"+slug+"/registrations", "application/json", bytes.NewReader(body))
				if err != nil {
					b.Error(err)
					continue
				}
				raw, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				lat[i] = time.Since(t0)
				codes[i] = resp.StatusCode
				var r struct{ Status string }
				_ = json.Unmarshal(raw, &r)
				status[i] = r.Status
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	res := rushResult{n: n, elapsed: time.Since(start), other: map[int]int{}}
	for i := range codes {
		switch {
		case codes[i] == 201 && status[i] == "confirmed":
			res.confirmed++
		case codes[i] == 201 && status[i] == "waitlisted":
			res.wl++
		default:
			res.other[codes[i]]++
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	res.p50, res.p99 = lat[n/2], lat[n*99/100]
	return res
}

func (r rushResult) report(b *testing.B) {
	b.ReportMetric(float64(r.n)/r.elapsed.Seconds(), "registrations/s")
	b.ReportMetric(float64(r.p50.Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(r.p99.Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(r.confirmed), "confirmed")
	b.ReportMetric(float64(r.wl), "waitlisted")
	if len(r.other) > 0 {
		b.Errorf("answers other than confirmed or waitlisted: %v", r.other)
	}
}

// BenchmarkRegistrationRush is the registration rush of the acceptance
// test, measured: 500 concurrent clients send 20,000 registrations over
// loopback HTTP for a category of 1,000 seats with a waiting list. Every
// answer is a durable commit (SQLite synchronous=FULL; PostgreSQL's
// default synchronous_commit=on). On SQLite one server; on PostgreSQL two
// server instances sharing the database, the clients alternating between
// them. It reports registrations answered per second (each 201, confirmed
// or waitlisted), p50 and p99 latency.
func BenchmarkRegistrationRush(b *testing.B) {
	for _, seats := range []int{1000, 20000} {
		name := "sqlite"
		if seats == 20000 {
			name = "sqlite-all-confirmed" // every registration gets a seat and a ticket
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				s := storetest.SQLite(b)
				slug, cat := rushEvent(b, s, seats)
				srv := httptest.NewServer(newHandler(b, s))
				runRush(b, []string{srv.URL}, slug, cat, 20000, 500).report(b)
				srv.Close()
			}
		})
	}
	b.Run("postgres-2-instances", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			url := storetest.PostgresURL(b)
			s1, err1 := store.Open(ctx, url)
			s2, err2 := store.Open(ctx, url)
			if err1 != nil || err2 != nil {
				b.Fatal(err1, err2)
			}
			slug, cat := rushEvent(b, s1, 1000)
			a, c := httptest.NewServer(newHandler(b, s1)), httptest.NewServer(newHandler(b, s2))
			runRush(b, []string{a.URL, c.URL}, slug, cat, 20000, 500).report(b)
			a.Close()
			c.Close()
			s1.Close()
			s2.Close()
		}
	})
}
