package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"symposium"
	"symposium/internal/accounts"
	"symposium/internal/i18n"
	"symposium/internal/server"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// The live benchmarks run the subscribers, and on PostgreSQL the second
// instance, in processes of their own (the test binary run again with
// LIVE_BENCH_ROLE set), since one process may hold at most 20,000 open
// files here.
const roleEnv = "LIVE_BENCH_ROLE"

// liveSubscribers is how many subscribers each instance gets:
// LIVE_SUBSCRIBERS, 2,000 unless set.
func liveSubscribers() int {
	if n, err := strconv.Atoi(os.Getenv("LIVE_SUBSCRIBERS")); err == nil && n > 0 {
		return n
	}
	return 2000
}

// liveQuestions is how many questions each run posts.
const liveQuestions = 20

// liveSetup stores an event running now with one talk, and an account
// with an API token, and returns the talk's ID and the token.
func liveSetup(b testing.TB, s *store.Store, acc *accounts.Service) (string, string) {
	b.Helper()
	now := time.Now().UTC()
	e := &symposium.Event{Slug: "plenary", Title: symposium.Text("en", "Plenary"), StartsAt: now.Add(-time.Hour),
		EndsAt: now.Add(5 * time.Hour), Timezone: "Asia/Almaty"}
	var p symposium.Problems
	e.Validate(&p)
	if err := s.CreateEvent(ctx, e, ""); err != nil {
		b.Fatal(err)
	}
	start := now.Add(-5 * time.Minute)
	c := &symposium.Contribution{Title: symposium.Text("en", "Keynote"), Kind: "keynote", StartsAt: &start, DurationMinutes: 120}
	if err := s.SaveContribution(ctx, e, c); err != nil {
		b.Fatal(err)
	}
	u := &symposium.User{Email: "asker@example.org", Name: "Asker", Verified: true, Language: "en"}
	if err := acc.AddUser(ctx, u, "correct horse battery"); err != nil {
		b.Fatal(err)
	}
	token, err := acc.CreateToken(ctx, u.Email, "bench")
	if err != nil {
		b.Fatal(err)
	}
	return c.ID, token
}

// liveInstance starts a server instance on s that listens for the other
// instances' live entries, and returns its URL and accounts.
func liveInstance(b testing.TB, s *store.Store) (string, *accounts.Service) {
	b.Helper()
	cfg := accounts.DefaultConfig()
	cfg.Limits = cfg.Limits.Unlimited()
	cfg.Hash = accounts.HashParams{MemoryKiB: 64, Passes: 1, Threads: 1}
	acc, err := accounts.New(s, cfg)
	if err != nil {
		b.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := server.New(server.Config{BaseURL: "http://bench"}, s, acc, i18n.Must(i18n.New()), log)
	if err != nil {
		b.Fatal(err)
	}
	app := httptest.NewUnstartedServer(srv.Handler())
	app.Config.ErrorLog = slog.NewLogLogger(log.Handler(), slog.LevelError)
	app.Start()
	b.Cleanup(app.Close)
	listen, stop := contextWithCancel()
	b.Cleanup(stop)
	go s.ListenLive(listen, log)
	return app.URL, acc
}

// BenchmarkLiveFanout measures how long a question takes from being posted
// (POST /api/v1/contributions/{id}/questions, over HTTP) to its arrival at
// every subscriber of the contribution's stream of server-sent events, on
// one instance on SQLite. LIVE_SUBSCRIBERS subscribers (2,000 unless set)
// connect from a separate process; 20 questions are posted 250 ms apart;
// each subscriber notes the arrival of each question, whose text carries
// the time it was posted. Reported: p50, p99 and the largest latency over
// all arrivals, and the server's memory (heap and stacks in use, and the
// process's resident memory) per subscriber.
func BenchmarkLiveFanout(b *testing.B) {
	s := sqliteStore(b)
	url, acc := liveInstance(b, s)
	talk, token := liveSetup(b, s, acc)
	n := liveSubscribers()
	for i := 0; i < b.N; i++ {
		before := serverMemory()
		subs := startSubscribers(b, url, talk, n)
		after := serverMemory()
		postQuestions(b, url, talk, token)
		res := subs.wait(b)
		reportLatency(b, "", res, n)
		b.ReportMetric(float64(after.heap-before.heap)/float64(n)/1024, "heap+stack-KiB/sub")
		b.ReportMetric(float64(after.rss-before.rss)/float64(n)/1024, "rss-KiB/sub")
	}
}

// BenchmarkLiveFanoutTwoInstances is BenchmarkLiveFanout with two
// instances on one PostgreSQL database: this process runs the first, a
// separate process the second, each with LIVE_SUBSCRIBERS subscribers of
// its own from a process of their own; questions are posted on the first.
// Reported per instance: p50, p99 and the largest latency.
func BenchmarkLiveFanoutTwoInstances(b *testing.B) {
	pg := storetest.PostgresURL(b)
	s, err := store.Open(ctx, pg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	url, acc := liveInstance(b, s)
	talk, token := liveSetup(b, s, acc)
	other := startInstanceProcess(b, pg)
	n := liveSubscribers()
	for i := 0; i < b.N; i++ {
		here := startSubscribers(b, url, talk, n)
		there := startSubscribers(b, other, talk, n)
		postQuestions(b, url, talk, token)
		reportLatency(b, "a-", here.wait(b), n)
		reportLatency(b, "b-", there.wait(b), n)
	}
}

// reportLatency reports the latencies of one group of subscribers, and
// fails when an arrival is missing.
func reportLatency(b *testing.B, prefix string, res subscriberResult, n int) {
	if res.Arrivals != n*liveQuestions {
		b.Errorf("%sarrivals = %d; want %d (each subscriber, each question once)", prefix, res.Arrivals, n*liveQuestions)
	}
	b.ReportMetric(res.P50, prefix+"p50-ms")
	b.ReportMetric(res.P99, prefix+"p99-ms")
	b.ReportMetric(res.Max, prefix+"max-ms")
	b.ReportMetric(float64(n), prefix+"subscribers")
}

// postQuestions posts the questions, each carrying the time it is sent.
func postQuestions(b *testing.B, url, talk, token string) {
	b.Helper()
	for q := 0; q < liveQuestions; q++ {
		body := fmt.Sprintf(`{"text":"bench-%d- question %d"}`, time.Now().UnixNano(), q)
		req, _ := http.NewRequest("POST", url+"/api/v1/contributions/"+talk+"/questions", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 201 {
			b.Fatalf("post question = %d", resp.StatusCode)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// memory is what the server process holds.
type memory struct{ heap, rss uint64 }

// serverMemory reads this process's heap and stacks in use, after a
// collection, and its resident memory.
func serverMemory() memory {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	out := memory{heap: m.HeapInuse + m.StackInuse}
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
				kb, _ := strconv.ParseUint(f[1], 10, 64)
				out.rss = kb * 1024
			}
		}
	}
	return out
}

// subscriberResult is what a subscriber process reports.
type subscriberResult struct {
	Arrivals int     `json:"arrivals"`
	P50      float64 `json:"p50"`
	P99      float64 `json:"p99"`
	Max      float64 `json:"max"`
}

// subscribers is a running subscriber process.
type subscribers struct {
	cmd *exec.Cmd
	out *bufio.Reader
}

// startSubscribers starts a process with n subscribers of the talk's
// stream at url, and returns once all are connected.
func startSubscribers(b *testing.B, url, talk string, n int) *subscribers {
	b.Helper()
	return startSubscribersAt(b, url, "/api/v1/contributions/"+talk+"/live", n)
}

// startSubscribersAt starts a process with n subscribers of the stream at
// url and path, and returns once all are connected.
func startSubscribersAt(b *testing.B, url, path string, n int) *subscribers {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLiveBenchProcess$")
	cmd.Env = append(os.Environ(), roleEnv+"=subscribers", "LIVE_URL="+url, "LIVE_PATH="+path, "LIVE_N="+strconv.Itoa(n),
		"LIVE_EXPECT="+strconv.Itoa(liveQuestions))
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	s := &subscribers{cmd: cmd, out: bufio.NewReader(stdout)}
	for {
		line, err := s.out.ReadString('\n')
		if err != nil {
			b.Fatalf("subscribers: %v", err)
		}
		if strings.HasPrefix(line, "READY") {
			return s
		}
	}
}

// wait returns what the subscriber process measured.
func (s *subscribers) wait(b *testing.B) subscriberResult {
	b.Helper()
	defer s.cmd.Wait()
	for {
		line, err := s.out.ReadString('\n')
		if err != nil {
			b.Fatalf("subscribers: %v", err)
		}
		if rest, ok := strings.CutPrefix(line, "RESULT "); ok {
			var r subscriberResult
			if err := json.Unmarshal([]byte(rest), &r); err != nil {
				b.Fatal(err)
			}
			return r
		}
	}
}

// startInstanceProcess starts a second server instance on the PostgreSQL
// database in a process of its own and returns its URL.
func startInstanceProcess(b *testing.B, pg string) string {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLiveBenchProcess$")
	cmd.Env = append(os.Environ(), roleEnv+"=instance", "LIVE_DB="+pg)
	cmd.Stderr = os.Stderr
	stdout, _ := cmd.StdoutPipe()
	stdin, _ := cmd.StdinPipe() // the instance stops when this closes
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { stdin.Close(); cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		b.Fatalf("instance: %v", err)
	}
	return strings.TrimSpace(strings.TrimPrefix(line, "URL "))
}

// TestLiveBenchProcess is the body of the live benchmarks' helper
// processes; run directly it does nothing.
func TestLiveBenchProcess(t *testing.T) {
	switch os.Getenv(roleEnv) {
	case "subscribers":
		runSubscribers(t)
	case "instance":
		runInstance(t)
	}
}

// runInstance serves a second instance until standard input closes.
func runInstance(t *testing.T) {
	s, err := store.Open(ctx, os.Getenv("LIVE_DB"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() }) // after the listener stops, which holds a connection
	url, _ := liveInstance(t, s)
	fmt.Println("URL " + url)
	io.Copy(io.Discard, os.Stdin)
}

// runSubscribers connects LIVE_N subscribers, says READY once all got
// their first event, and reports the latencies once each got LIVE_EXPECT
// questions (or a minute passed).
func runSubscribers(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("LIVE_N"))
	expect, _ := strconv.Atoi(os.Getenv("LIVE_EXPECT"))
	host := strings.TrimPrefix(os.Getenv("LIVE_URL"), "http://")
	path := os.Getenv("LIVE_PATH")
	var ready, done sync.WaitGroup
	var mu sync.Mutex
	var latencies []float64
	var failed atomic.Int64
	ready.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer done.Done()
			got, err := subscribe(host, path, expect, ready.Done)
			if err != nil {
				failed.Add(1)
			}
			mu.Lock()
			latencies = append(latencies, got...)
			mu.Unlock()
		}()
		if i%200 == 199 {
			time.Sleep(20 * time.Millisecond) // let the listener's backlog drain
		}
	}
	ready.Wait()
	fmt.Println("READY")
	finished := make(chan struct{})
	go func() { done.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(time.Minute):
	}
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(latencies)
	r := subscriberResult{Arrivals: len(latencies)}
	if len(latencies) > 0 {
		r.P50, r.P99, r.Max = latencies[len(latencies)/2], latencies[len(latencies)*99/100], latencies[len(latencies)-1]
	}
	out, _ := json.Marshal(r)
	fmt.Println("RESULT " + string(out))
	if failed.Load() > 0 {
		fmt.Fprintf(os.Stderr, "%d subscribers failed\n", failed.Load())
	}
}

// subscribe holds one stream over HTTP/1.0 (no chunking, so events arrive
// whole), calls ready after the first event, and returns the latency in
// milliseconds of each of the expected questions.
func subscribe(host, path string, expect int, ready func()) ([]float64, error) {
	readied := false
	defer func() {
		if !readied {
			ready()
		}
	}()
	conn, err := net.Dial("tcp", host)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := fmt.Fprintf(conn, "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n", path, host); err != nil {
		return nil, err
	}
	r := bufio.NewReaderSize(conn, 4096)
	var got []float64
	for len(got) < expect {
		line, err := r.ReadSlice('\n')
		if err != nil {
			return got, err
		}
		if !readied && strings.HasPrefix(string(line), "event: ready") {
			readied = true
			ready()
		}
		if i := strings.Index(string(line), `"text":"bench-`); i >= 0 && strings.HasPrefix(string(line), "data: ") {
			now := time.Now().UnixNano()
			rest := string(line[i+len(`"text":"bench-`):])
			if j := strings.IndexByte(rest, '-'); j > 0 {
				sent, _ := strconv.ParseInt(rest[:j], 10, 64)
				got = append(got, float64(now-sent)/1e6)
			}
		}
	}
	return got, nil
}

// contextWithCancel returns a context that ends when the benchmark does.
func contextWithCancel() (context.Context, context.CancelFunc) { return context.WithCancel(ctx) }

// newAccounts returns an accounts service on s with cheap password
// hashing.
func newAccounts(b testing.TB, s *store.Store) *accounts.Service {
	b.Helper()
	cfg := accounts.DefaultConfig()
	cfg.Hash = accounts.HashParams{MemoryKiB: 64, Passes: 1, Threads: 1}
	acc, err := accounts.New(s, cfg)
	if err != nil {
		b.Fatal(err)
	}
	return acc
}

// itoa writes a number in decimal.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
