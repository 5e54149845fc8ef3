// Package pagecache keeps rendered public pages in memory, so that a page
// anonymous readers ask for again is written without asking the database.
//
// An entry is keyed by what the page shows: its path and query, the
// reader's language, and the kind of viewer (only anonymous readers share
// pages; a signed-in view is never cached). Every change the store
// announces — on this instance, or on another through PostgreSQL's
// LISTEN/NOTIFY — starts a new generation and drops every entry, and a
// page rendered while a change committed is not kept, so a reader never
// gets a page older than the last change their instance heard of. Entries
// also expire after a time limit, since some pages depend on the clock (an
// event becomes past).
package pagecache

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Entry is one rendered page.
type Entry struct {
	Status int
	Header http.Header
	Body   []byte
	// ETag is the strong validator of the body, quoted.
	ETag string

	generation uint64
	expires    time.Time
}

// NewEntry makes an entry of a rendered page, computing its ETag.
func NewEntry(status int, header http.Header, body []byte) *Entry {
	sum := sha256.Sum256(body)
	return &Entry{Status: status, Header: header, Body: body, ETag: `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`}
}

// Cache holds rendered pages up to a number of entries.
type Cache struct {
	max int
	ttl time.Duration

	mu         sync.RWMutex
	generation uint64
	entries    map[string]*Entry

	hits, misses, invalidations atomic.Uint64
}

// New returns a cache of at most max pages, each kept at most ttl.
func New(max int, ttl time.Duration) *Cache {
	return &Cache{max: max, ttl: ttl, entries: map[string]*Entry{}}
}

// Generation returns the current generation: pass it to Put with a page
// rendered after this call.
func (c *Cache) Generation() uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.generation
}

// Get returns the page kept under key, or nil, counting hits and misses.
func (c *Cache) Get(key string) *Entry {
	c.mu.RLock()
	e := c.entries[key]
	c.mu.RUnlock()
	if e == nil || time.Now().After(e.expires) {
		c.misses.Add(1)
		return nil
	}
	c.hits.Add(1)
	return e
}

// Put keeps a page rendered during generation; a page rendered before the
// last invalidation is dropped, since it may show what changed. When the
// cache is full an arbitrary entry makes room.
func (c *Cache) Put(key string, generation uint64, e *Entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if generation != c.generation {
		return
	}
	if _, ok := c.entries[key]; !ok && len(c.entries) >= c.max {
		for k := range c.entries {
			delete(c.entries, k)
			break
		}
	}
	e.generation, e.expires = generation, time.Now().Add(c.ttl)
	c.entries[key] = e
}

// Invalidate drops every page and starts a new generation.
func (c *Cache) Invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.generation++
	clear(c.entries)
	c.invalidations.Add(1)
}

// Stats are the cache's counters.
type Stats struct {
	Hits, Misses, Invalidations uint64
	Entries                     int
}

// Stats returns the cache's counters.
func (c *Cache) Stats() Stats {
	c.mu.RLock()
	n := len(c.entries)
	c.mu.RUnlock()
	return Stats{Hits: c.hits.Load(), Misses: c.misses.Load(), Invalidations: c.invalidations.Load(), Entries: n}
}
