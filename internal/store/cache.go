package store

import (
	"sync"

	"symposium"
)

// maxCachedTimetables bounds the timetable cache.
const maxCachedTimetables = 256

// timetableCache keeps the timetables read last, each with the programme
// version it was read at. Every programme change increments the version in
// the database, so a stale entry is never served, on any instance.
type timetableCache struct {
	mu      sync.Mutex
	entries map[string]cachedTimetable
}

type cachedTimetable struct {
	version int64
	tt      *symposium.Timetable
}

// get returns the cached timetable of an event at a version, or nil.
func (c *timetableCache) get(eventID string, version int64) *symposium.Timetable {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[eventID]; ok && e.version == version {
		return e.tt
	}
	return nil
}

// put caches a timetable, making room by dropping an arbitrary entry when
// the cache is full.
func (c *timetableCache) put(eventID string, version int64, tt *symposium.Timetable) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]cachedTimetable{}
	}
	if _, ok := c.entries[eventID]; !ok && len(c.entries) >= maxCachedTimetables {
		for k := range c.entries {
			delete(c.entries, k)
			break
		}
	}
	if e, ok := c.entries[eventID]; !ok || e.version <= version {
		c.entries[eventID] = cachedTimetable{version: version, tt: tt}
	}
}
