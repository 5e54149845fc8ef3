package server

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"symposium"
	"symposium/internal/live"
	"symposium/internal/pagecache"
	"symposium/internal/search"
	"symposium/internal/store"
)

// operations is the collector of what an operator watches besides HTTP:
// the mail outbox, registrations and check-ins (read from the database at
// each scrape, so every instance reports the same), the page cache and
// the search index of this instance, and how far the index lags behind
// the change feed, the live-update streams open on this instance.
type operations struct {
	store  *store.Store
	search *search.Service
	pages  *pagecache.Cache
	live   *live.Hub

	backlog, oldest, registrations, checkedIn, scrapeErrors *prometheus.Desc
	cacheHits, cacheMisses, cacheEntries, cacheDrops        *prometheus.Desc
	indexSize, changesHeard, changesApplied, indexLag       *prometheus.Desc
	liveSubscribers, duplicatesCompared                     *prometheus.Desc
	dbOpen, dbInUse                                         *prometheus.Desc
}

func newOperations(st *store.Store, se *search.Service, pc *pagecache.Cache, hub *live.Hub) *operations {
	d := func(name, help string, labels ...string) *prometheus.Desc {
		return prometheus.NewDesc("symposium_"+name, help, labels, nil)
	}
	return &operations{store: st, search: se, pages: pc, live: hub,
		backlog:         d("outbox_backlog", "Mail queued and neither sent nor given up on."),
		oldest:          d("outbox_oldest_age_seconds", "Age of the oldest mail still queued; 0 when none is."),
		registrations:   d("registrations", "Registrations by status, all events.", "status"),
		checkedIn:       d("checkins", "Registrations checked in at the desk, all events."),
		scrapeErrors:    d("operations_scrape_errors", "1 when the database did not answer this scrape's queries."),
		cacheHits:       d("page_cache_hits_total", "Public pages served from the page cache."),
		cacheMisses:     d("page_cache_misses_total", "Public pages anonymous readers asked for that the cache did not hold."),
		cacheEntries:    d("page_cache_entries", "Pages the page cache holds."),
		cacheDrops:      d("page_cache_invalidations_total", "Times a change emptied the page cache."),
		indexSize:       d("search_index_records", "Records in the search index, by kind.", "kind"),
		changesHeard:    d("changes_heard_total", "Changes of the change feed this instance heard (its own and other instances')."),
		changesApplied:  d("search_changes_applied_total", "Changes of the feed the search index has taken in."),
		indexLag:        d("search_index_lag_changes", "Changes heard that the search index has not taken in yet."),
		liveSubscribers: d("live_subscribers", "Live-update streams (audience and moderators) open on this instance."),
		dbOpen:          d("db_open_connections", "Database connections this instance holds open (SQLite: writer and readers; PostgreSQL: the pool)."),
		dbInUse:         d("db_in_use_connections", "Database connections of this instance busy at the scrape."),
		duplicatesCompared: d("duplicates_compared_total",
			"People compared with the most similar names for the duplicates queue since start (everyone only when the database kept no queue)."),
	}
}

// Describe implements prometheus.Collector.
func (o *operations) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{o.backlog, o.oldest, o.registrations, o.checkedIn, o.scrapeErrors, o.cacheHits,
		o.cacheMisses, o.cacheEntries, o.cacheDrops, o.indexSize, o.changesHeard, o.changesApplied, o.indexLag,
		o.liveSubscribers, o.duplicatesCompared, o.dbOpen, o.dbInUse} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (o *operations) Collect(ch chan<- prometheus.Metric) {
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	counter := func(d *prometheus.Desc, v uint64) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, float64(v))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if op, err := o.store.Operations(ctx); err != nil {
		gauge(o.scrapeErrors, 1)
	} else {
		gauge(o.scrapeErrors, 0)
		gauge(o.backlog, float64(op.OutboxBacklog))
		age := 0.0
		if !op.OldestQueued.IsZero() {
			age = time.Since(op.OldestQueued).Seconds()
		}
		gauge(o.oldest, age)
		for _, status := range []string{symposium.RegConfirmed, symposium.RegWaitlisted, symposium.RegPending, symposium.RegCancelled, symposium.RegRejected} {
			gauge(o.registrations, float64(op.Registrations[status]), status)
		}
		gauge(o.checkedIn, float64(op.CheckedIn))
	}
	ps := o.pages.Stats()
	counter(o.cacheHits, ps.Hits)
	counter(o.cacheMisses, ps.Misses)
	gauge(o.cacheEntries, float64(ps.Entries))
	counter(o.cacheDrops, ps.Invalidations)
	ss := o.search.Stats()
	gauge(o.indexSize, float64(ss.People), "person")
	gauge(o.indexSize, float64(ss.Organizations), "organization")
	gauge(o.indexSize, float64(ss.Events), "event")
	gauge(o.indexSize, float64(ss.Contributions), "contribution")
	heard := o.store.ChangesHeard()
	counter(o.changesHeard, heard)
	counter(o.changesApplied, ss.ChangesApplied)
	gauge(o.indexLag, float64(heard-min(heard, ss.ChangesApplied)))
	counter(o.duplicatesCompared, ss.Compared)
	gauge(o.liveSubscribers, float64(o.live.Subscribers()))
	conns := o.store.Connections()
	gauge(o.dbOpen, float64(conns.Open))
	gauge(o.dbInUse, float64(conns.InUse))
}
