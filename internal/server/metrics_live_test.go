package server_test

import (
	"regexp"
	"strconv"
	"testing"
	"time"

	"symposium/internal/store/storetest"
)

// TestLiveSubscribersOnMetrics checks that /metrics counts the live-update
// streams open on the instance, and stops counting a stream its client
// closed.
func TestLiveSubscribersOnMetrics(t *testing.T) {
	s := storetest.SQLite(t)
	e := startUnlimited(t, s)
	_, manager := e.organizer("manager@example.org")
	talk := liveEvent(t, e, manager, "live", "public", "speaker@example.org")
	subscribers := func() float64 {
		_, body := e.do("GET", "/metrics", nil, nil)
		m := regexp.MustCompile(`(?m)^symposium_live_subscribers ([0-9.e+-]+)$`).FindStringSubmatch(body)
		if m == nil {
			t.Fatal("no symposium_live_subscribers in /metrics")
		}
		v, _ := strconv.ParseFloat(m[1], 64)
		return v
	}
	if n := subscribers(); n != 0 {
		t.Errorf("%v subscribers before any stream opened", n)
	}
	audience := openStream(t, e, "", talk, "")
	openStream(t, e, manager, talk, "")
	if n := subscribers(); n != 2 {
		t.Errorf("%v subscribers with two streams open, want 2", n)
	}
	audience.resp.Body.Close()
	deadline := time.Now().Add(5 * time.Second)
	for subscribers() != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("%v subscribers after one stream closed, want 1", subscribers())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
