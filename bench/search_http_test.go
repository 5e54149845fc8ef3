package bench

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"symposium"
	"symposium/internal/names/eval"
	"symposium/internal/store"
)

// BenchmarkSearchHTTP measures the people search through the whole server:
// it stores the 100,000 generated people of the evaluation set in a fresh
// SQLite database (each with their spellings as the name and aliases),
// starts the server — which loads its index from the database — and sends
// the 2,000 evaluation queries as GET /api/v1/search?type=person over real
// HTTP on the loopback interface, first from one client, then from 16
// concurrent clients, reporting for each the median and 99th percentile
// latency seen by the clients and the rate, and how long loading the
// index took at start.
func BenchmarkSearchHTTP(b *testing.B) {
	set := eval.Generate(eval.Seed, eval.NumPeople, eval.NumQueries)
	s := sqliteStore(b)
	storePeople(b, s, set)
	t0 := time.Now()
	app := httptest.NewServer(newHandler(b, s))
	startup := time.Since(t0)
	defer app.Close()
	paths := make([]string, len(set.Queries))
	for i, q := range set.Queries {
		paths[i] = app.URL + "/api/v1/search?type=person&limit=10&q=" + url.QueryEscape(q.Text)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, clients := range []int{1, 16} {
			d, elapsed := searchLoad(b, paths, clients)
			slices.Sort(d)
			unit := fmt.Sprintf("c%d-", clients)
			b.ReportMetric(ms(d[len(d)/2]), unit+"p50-ms")
			b.ReportMetric(ms(d[len(d)*99/100]), unit+"p99-ms")
			b.ReportMetric(float64(len(d))/elapsed.Seconds(), unit+"req/s")
		}
		b.ReportMetric(ms(startup), "startup-ms")
	}
}

// storePeople stores the people of an evaluation set, 64 at a time.
func storePeople(b *testing.B, s *store.Store, set *eval.Set) {
	b.Helper()
	work := make(chan eval.Person)
	var wg sync.WaitGroup
	for range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				ps := &symposium.Person{Name: symposium.LocalizedText{"en": p.Names[0]}, Aliases: p.Names[1:]}
				if err := s.CreatePerson(ctx, ps); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	for _, p := range set.People {
		work <- p
	}
	close(work)
	wg.Wait()
}

// searchLoad sends every path once from n clients and returns each
// request's latency and the time all took.
func searchLoad(b *testing.B, paths []string, n int) ([]time.Duration, time.Duration) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: n}}
	d := make([]time.Duration, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				t0 := time.Now()
				resp, err := client.Get(paths[i])
				if err != nil {
					b.Error(err)
					return
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				d[i] = time.Since(t0)
				if resp.StatusCode != 200 || !strings.HasPrefix(string(body), `{"items":`) {
					b.Errorf("%s = %d %s", paths[i], resp.StatusCode, body)
				}
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return d, time.Since(start)
}
