package bench

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
	"time"

	"symposium/internal/demo"
)

// BenchmarkPublicPagesWrk loads each public page the page cache serves
// (home, event, timetable, contribution, speakers, person) of the demo event
// on SQLite with wrk, an outside load generator (2 threads, 32 keep-alive
// connections, 5 seconds, anonymous readers), and right after each page a
// bare net/http handler writing the same bytes with the same Content-Type,
// over loopback in the same process as the server. It reports each page's
// requests a second as a ratio of the bare handler's, and wrk's p99. It is
// skipped without wrk (Debian: apt-get install wrk).
func BenchmarkPublicPagesWrk(b *testing.B) {
	if _, err := exec.LookPath("wrk"); err != nil {
		b.Skip("wrk is not installed: the pages are measured with an outside load generator")
	}
	s := sqliteStore(b)
	if _, err := demo.Load(ctx, s); err != nil {
		b.Fatal(err)
	}
	app := httptest.NewServer(newHandler(b, s))
	defer app.Close()
	pages := publicPages(b, app.URL)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			body, ctype := fetch(b, app.URL+p.path)
			bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", ctype)
				_, _ = w.Write(body)
			}))
			page := runWrk(b, app.URL+p.path)
			plain := runWrk(b, bare.URL+p.path)
			bare.Close()
			b.ReportMetric(page.rate/plain.rate, p.name+"-ratio")
			b.ReportMetric(page.rate, p.name+"-req/s")
			b.ReportMetric(plain.rate, p.name+"-bare-req/s")
			b.ReportMetric(page.p99.Seconds()*1000, p.name+"-p99-ms")
			b.ReportMetric(plain.p99.Seconds()*1000, p.name+"-bare-p99-ms")
		}
	}
}

type namedPage struct{ name, path string }

// publicPages lists the demo's public pages, finding a contribution and a
// speaker through the API.
func publicPages(b *testing.B, base string) []namedPage {
	var list struct {
		Items []struct {
			ID       string   `json:"id"`
			Speakers []string `json:"speaker_ids"`
		} `json:"items"`
	}
	body, _ := fetch(b, base+"/api/v1/events/"+demo.Slug+"/contributions")
	if err := json.Unmarshal(body, &list); err != nil || len(list.Items) == 0 {
		b.Fatalf("contributions: %v %s", err, body)
	}
	c := list.Items[0]
	person := ""
	for _, it := range list.Items {
		if len(it.Speakers) > 0 {
			c, person = it, it.Speakers[0]
			break
		}
	}
	if person == "" {
		b.Fatal("no contribution of the demo has a speaker")
	}
	ev := "/events/" + demo.Slug
	return []namedPage{{"home", "/"}, {"event", ev}, {"timetable", ev + "/timetable"},
		{"contribution", ev + "/contributions/" + c.ID}, {"speakers", ev + "/speakers"}, {"person", "/people/" + person}}
}

// fetch gets a page and its Content-Type, failing unless it answers 200.
func fetch(b *testing.B, url string) ([]byte, string) {
	resp, err := http.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		b.Fatalf("GET %s = %d", url, resp.StatusCode)
	}
	return body, resp.Header.Get("Content-Type")
}

// wrkResult is what wrk measured.
type wrkResult struct {
	rate float64
	p99  time.Duration
}

var (
	wrkRate = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)
	wrkP99  = regexp.MustCompile(`\s99%\s+([0-9.]+)(us|ms|s)`)
	wrkErrs = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)`)
)

// runWrk loads url with wrk and parses its report.
func runWrk(b *testing.B, url string) wrkResult {
	out, err := exec.Command("wrk", "-t2", "-c32", "-d5s", "--latency", url).CombinedOutput()
	if err != nil {
		b.Fatalf("wrk: %v\n%s", err, out)
	}
	if m := wrkErrs.FindSubmatch(out); m != nil {
		b.Fatalf("wrk %s: %s answers were not 2xx", url, m[1])
	}
	rm, pm := wrkRate.FindSubmatch(out), wrkP99.FindSubmatch(out)
	if rm == nil || pm == nil {
		b.Fatalf("wrk output not understood:\n%s", out)
	}
	rate, _ := strconv.ParseFloat(string(rm[1]), 64)
	v, _ := strconv.ParseFloat(string(pm[1]), 64)
	unit := map[string]time.Duration{"us": time.Microsecond, "ms": time.Millisecond, "s": time.Second}[string(pm[2])]
	return wrkResult{rate: rate, p99: time.Duration(v * float64(unit))}
}
