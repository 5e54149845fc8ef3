package bench

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// bareHub is the baseline the live stream is measured against: channels
// and flushes, nothing else (no database, no access checks, no replay
// log), as the first measurement had it.
type bareHub struct {
	mu   sync.Mutex
	subs map[chan []byte]struct{}
}

// ServeHTTP streams to a subscriber (GET) or broadcasts a body (POST).
func (h *bareHub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		body, _ := io.ReadAll(r.Body)
		frame := []byte("event: question\ndata: " + string(body) + "\n\n")
		h.mu.Lock()
		for c := range h.subs {
			select {
			case c <- frame:
			default:
			}
		}
		h.mu.Unlock()
		w.WriteHeader(http.StatusCreated)
		return
	}
	c := make(chan []byte, 64)
	h.mu.Lock()
	h.subs[c] = struct{}{}
	h.mu.Unlock()
	defer func() { h.mu.Lock(); delete(h.subs, c); h.mu.Unlock() }()
	w.Header().Set("Content-Type", "text/event-stream")
	_, _ = w.Write([]byte("event: ready\ndata: {}\n\n"))
	rc := http.NewResponseController(w)
	_ = rc.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case f := <-c:
			if _, err := w.Write(f); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}

// BenchmarkBareHubFanout is BenchmarkLiveFanout against the bare hub, in
// the same run, so that the two compare as a ratio on a noisy machine.
func BenchmarkBareHubFanout(b *testing.B) {
	app := httptest.NewServer(&bareHub{subs: map[chan []byte]struct{}{}})
	defer app.Close()
	n := liveSubscribers()
	for i := 0; i < b.N; i++ {
		subs := startSubscribersAt(b, app.URL, "/bare", n)
		for q := 0; q < liveQuestions; q++ {
			body := `{"text":"bench-` + itoa(time.Now().UnixNano()) + `- question"}`
			resp, err := http.Post(app.URL+"/bare", "application/json", strings.NewReader(body))
			if err != nil {
				b.Fatal(err)
			}
			resp.Body.Close()
			time.Sleep(250 * time.Millisecond)
		}
		reportLatency(b, "", subs.wait(b), n)
	}
}
