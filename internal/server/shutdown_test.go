package server_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"symposium/internal/accounts"
	"symposium/internal/i18n"
	"symposium/internal/server"
	"symposium/internal/store/storetest"
)

// TestShutdownFinishesRequestsInFlight stops the server while a request is
// still sending its body, and checks that the request is answered.
func TestShutdownFinishesRequestsInFlight(t *testing.T) {
	s := storetest.SQLite(t)
	cfg := accounts.DefaultConfig()
	cfg.Hash = accounts.HashParams{MemoryKiB: 64, Passes: 1, Threads: 1}
	acc, _ := accounts.New(s, cfg)
	srv, err := server.New(server.Config{BaseURL: "http://x"}, s, acc, i18n.Must(i18n.New()), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln, 10*time.Second) }()

	body, w := io.Pipe()
	req, _ := http.NewRequest("POST", "http://"+ln.Addr().String()+"/signin", body)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	answered := make(chan int, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answered <- -1
			return
		}
		resp.Body.Close()
		answered <- resp.StatusCode
	}()
	_, _ = w.Write([]byte("email=a%40example.org&"))
	time.Sleep(100 * time.Millisecond) // the request is now in flight
	cancel()
	time.Sleep(100 * time.Millisecond) // shutdown has begun
	_, _ = w.Write([]byte("password=wrong"))
	w.Close()
	if code := <-answered; code != http.StatusUnauthorized {
		t.Errorf("the request in flight got %d; want its answer, 401", code)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve = %v", err)
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("the server still accepts connections after shutting down")
	}
}
