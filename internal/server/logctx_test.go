package server

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestRequestIDOnEveryLine checks that every log line a request causes —
// the handler's own, through a derived logger, and the request line —
// carries the request's id, once.
func TestRequestIDOnEveryLine(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(requestIDHandler{slog.NewJSONHandler(&buf, nil)})
	s := &Server{log: log, metrics: newMetrics()}
	h := s.observe(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.InfoContext(r.Context(), "inside")
		log.With("part", "deeper").WarnContext(r.Context(), "deeper")
	}))
	req := httptest.NewRequest("GET", "/x", nil)
	req.Header.Set("X-Request-Id", "req-42")
	h.ServeHTTP(httptest.NewRecorder(), req)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines:\n%s", len(lines), buf.String())
	}
	for _, line := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		if m["request_id"] != "req-42" || strings.Count(line, "request_id") != 1 {
			t.Errorf("line without its request id once: %s", line)
		}
	}
}
