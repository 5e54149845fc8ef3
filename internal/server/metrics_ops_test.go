package server_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"symposium"
	"symposium/internal/demo"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestOperationalMetrics reads /metrics after some traffic: the outbox
// backlog and its age, registrations by status and check-ins, the page
// cache's hits, the search index's size and lag, the open database
// connections, and the goroutines, heap and resident memory of the process.
func TestOperationalMetrics(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		if _, err := demo.Load(ctx, s); err != nil {
			t.Fatal(err)
		}
		if err := s.EnqueueMail(ctx, symposium.Mail{To: "x@example.org", Subject: "s", Text: "t"}); err != nil {
			t.Fatal(err)
		}
		e := start(t, s, false)
		for i := 0; i < 3; i++ {
			anonymous(t, e, "/events/astana-2024", nil)
		}
		_, body := e.do("GET", "/metrics", nil, nil)
		value := func(series string) float64 {
			m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(series) + ` ([0-9.e+-]+)$`).FindStringSubmatch(body)
			if m == nil {
				t.Errorf("no %s in /metrics", series)
				return -1
			}
			v, _ := strconv.ParseFloat(m[1], 64)
			return v
		}
		if v := value("symposium_outbox_backlog"); v < 1 {
			t.Errorf("outbox backlog %v", v)
		}
		if v := value("symposium_outbox_oldest_age_seconds"); v <= 0 || v > 600 {
			t.Errorf("oldest mail's age %v", v)
		}
		if v := value("symposium_page_cache_hits_total"); v < 2 {
			t.Errorf("page cache hits %v, want at least 2", v)
		}
		if v := value(`symposium_search_index_records{kind="event"}`); v != 1 {
			t.Errorf("events in the index %v", v)
		}
		if v := value(`symposium_search_index_records{kind="person"}`); v < 1 {
			t.Errorf("people in the index %v", v)
		}
		value(`symposium_registrations{status="confirmed"}`)
		value("symposium_checkins")
		if v := value("symposium_search_index_lag_changes"); v != 0 {
			t.Errorf("index lag %v", v)
		}
		if v := value("symposium_db_open_connections"); v < 1 || v > 64 {
			t.Errorf("open database connections %v, want between 1 and 64", v)
		}
		if v := value("symposium_db_in_use_connections"); v < 0 || v > value("symposium_db_open_connections") {
			t.Errorf("busy database connections %v", v)
		}
		for _, series := range []string{"go_goroutines", "go_memstats_heap_inuse_bytes", "process_resident_memory_bytes"} {
			if v := value(series); v <= 0 {
				t.Errorf("%s = %v", series, v)
			}
		}
		if !strings.Contains(body, "symposium_changes_heard_total") || value("symposium_operations_scrape_errors") != 0 {
			t.Error("change feed or scrape figures missing")
		}
	})
}
