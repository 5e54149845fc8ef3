package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sort"
	"testing"
	"time"

	"symposium"
	"symposium/internal/accounts"
	"symposium/internal/i18n"
	"symposium/internal/server"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

var ctx = context.Background()

// bigEvent stores an event of five days with ten rooms and 1,000
// contributions (20 a day in each room), each with one or two of 500
// speakers, and returns its slug.
func bigEvent(b testing.TB, s *store.Store) string {
	b.Helper()
	loc, _ := time.LoadLocation("Asia/Almaty")
	start := time.Date(2025, 9, 8, 8, 0, 0, 0, loc)
	e := &symposium.Event{Slug: "big", Title: symposium.Text("en", "A large congress", "ru", "Большой конгресс"),
		StartsAt: start, EndsAt: start.Add(5*24*time.Hour - 8*time.Hour), Timezone: "Asia/Almaty"}
	var p symposium.Problems
	e.Validate(&p)
	if err := s.CreateEvent(ctx, e, ""); err != nil {
		b.Fatal(err)
	}
	var rooms []string
	for i := 0; i < 10; i++ {
		r := &symposium.Room{EventID: e.ID, Name: symposium.Text("en", fmt.Sprintf("Room %d", i+1))}
		if err := s.CreateRoom(ctx, r); err != nil {
			b.Fatal(err)
		}
		rooms = append(rooms, r.ID)
	}
	var people []string
	for i := 0; i < 500; i++ {
		ps := &symposium.Person{Name: symposium.Text("en", fmt.Sprintf("Speaker %d", i), "ru", fmt.Sprintf("Докладчик %d", i))}
		if err := s.CreatePerson(ctx, ps); err != nil {
			b.Fatal(err)
		}
		people = append(people, ps.ID)
	}
	n := 0
	for day := 0; day < 5; day++ {
		for slot := 0; slot < 20; slot++ {
			for room := 0; room < 10; room++ {
				at := start.Add(time.Duration(day)*24*time.Hour + time.Duration(slot)*30*time.Minute)
				speakers := []string{people[n%500]}
				if n%3 == 0 {
					speakers = append(speakers, people[(n+250)%500])
				}
				c := &symposium.Contribution{Title: symposium.Text("en", fmt.Sprintf("Talk %d on the state of the art", n)),
					Kind: "talk", StartsAt: &at, DurationMinutes: 25, RoomID: rooms[room], SpeakerIDs: speakers}
				if err := s.SaveContribution(ctx, e, c); err != nil {
					b.Fatalf("contribution %d: %v", n, err)
				}
				n++
			}
		}
	}
	return e.Slug
}

// newHandler returns the whole HTTP handler of a server on s.
func newHandler(b testing.TB, s *store.Store) http.Handler {
	b.Helper()
	cfg := accounts.DefaultConfig()
	cfg.Limits = cfg.Limits.Unlimited() // every client of a benchmark comes from one address
	acc, err := accounts.New(s, cfg)
	if err != nil {
		b.Fatal(err)
	}
	srv, err := server.New(server.Config{BaseURL: "http://bench"}, s, acc, i18n.Must(i18n.New()), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	return srv.Handler()
}

// latencies serves the request n times in-process and returns the median
// and the 99th percentile. before, if not nil, runs untimed before each.
func latencies(b testing.TB, h http.Handler, path string, n int, before func()) (time.Duration, time.Duration) {
	b.Helper()
	d := make([]time.Duration, n)
	for i := range d {
		if before != nil {
			before()
		}
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", path, nil)
		t0 := time.Now()
		h.ServeHTTP(rec, req)
		d[i] = time.Since(t0)
		if rec.Code != 200 {
			b.Fatalf("%s = %d", path, rec.Code)
		}
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[n/2], d[n*99/100]
}

// sqliteStore opens a fresh SQLite store for a benchmark.
func sqliteStore(b testing.TB) *store.Store { return storetest.SQLite(b) }
