package bench

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"symposium/internal/demo"
)

// BenchmarkTimetable measures how long the timetable of an event with 1,000
// contributions in ten rooms takes to answer, through the whole handler
// (routing, access check, queries, rendering) on SQLite: the JSON of the
// whole programme, the HTML of one day (200 entries) and the printable
// HTML of all five days. It reports the median and the 99th percentile of
// 200 requests each. The store caches a timetable until the programme
// changes; the "cold" cases change the programme (rename a room, untimed)
// before every request, so that each one reads the database afresh.
func BenchmarkTimetable(b *testing.B) {
	s := sqliteStore(b)
	slug := bigEvent(b, s)
	h := newHandler(b, s)
	e, _ := s.EventBySlug(ctx, slug)
	rooms, _ := s.Rooms(ctx, e.ID)
	change := func() {
		rooms[0].Name["en"] += "."
		if err := s.UpdateRoom(ctx, &rooms[0]); err != nil {
			b.Fatal(err)
		}
	}
	for _, c := range []struct {
		name, path string
		before     func()
	}{
		{"json", "/api/v1/events/" + slug + "/timetable", nil},
		{"html-day", "/events/" + slug + "/timetable?lang=ru", nil},
		{"html-all-days", "/events/" + slug + "/timetable/print?lang=ru", nil},
		{"json-cold", "/api/v1/events/" + slug + "/timetable", change},
		{"html-day-cold", "/events/" + slug + "/timetable?lang=ru", change},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				p50, p99 := latencies(b, h, c.path, 200, c.before)
				b.ReportMetric(float64(p50.Microseconds())/1000, "median-ms")
				b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
			}
		})
	}
}

// BenchmarkEventPageThroughput loads the demo event's public page over real
// HTTP on the loopback interface with 32 concurrent clients for two
// seconds, then a bare net/http handler that writes a page of the same size
// for two seconds, in the same run, and reports both rates and their ratio.
func BenchmarkEventPageThroughput(b *testing.B) {
	s := sqliteStore(b)
	if _, err := demo.Load(ctx, s); err != nil {
		b.Fatal(err)
	}
	app := httptest.NewServer(newHandler(b, s))
	defer app.Close()
	page := get(b, app.URL+"/events/"+demo.Slug+"?lang=en")
	bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(page)
	}))
	defer bare.Close()
	for i := 0; i < b.N; i++ {
		appRate := load(b, app.URL+"/events/"+demo.Slug+"?lang=en", 32, 2*time.Second)
		bareRate := load(b, bare.URL+"/", 32, 2*time.Second)
		b.ReportMetric(appRate, "event-page-req/s")
		b.ReportMetric(bareRate, "bare-req/s")
		b.ReportMetric(appRate/bareRate, "ratio")
	}
}

// load sends GET requests from n clients for d and returns requests a
// second; any answer but 200 fails the benchmark.
func load(b *testing.B, url string, n int, d time.Duration) float64 {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: n}}
	var count atomic.Int64
	var wg sync.WaitGroup
	deadline := time.Now().Add(d)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				resp, err := client.Get(url)
				if err != nil {
					b.Error(err)
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					b.Errorf("%s = %d", url, resp.StatusCode)
					return
				}
				count.Add(1)
			}
		}()
	}
	wg.Wait()
	return float64(count.Load()) / d.Seconds()
}

func get(b *testing.B, url string) []byte {
	resp, err := http.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return body
}
