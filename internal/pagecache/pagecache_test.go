package pagecache

import (
	"net/http"
	"testing"
	"time"
)

// TestStaleRenderIsNotKept checks that a page rendered while a change
// committed is dropped, that invalidation empties the cache, that entries
// expire and that the cache keeps to its size.
func TestStaleRenderIsNotKept(t *testing.T) {
	c := New(2, time.Hour)
	gen := c.Generation()
	c.Invalidate() // a change commits while the page renders
	c.Put("a", gen, NewEntry(200, http.Header{}, []byte("old")))
	if c.Get("a") != nil {
		t.Fatal("a page rendered before the change was kept")
	}
	gen = c.Generation()
	c.Put("a", gen, NewEntry(200, http.Header{}, []byte("new")))
	if e := c.Get("a"); e == nil || string(e.Body) != "new" || e.ETag == "" {
		t.Fatalf("entry = %+v", e)
	}
	c.Put("b", gen, NewEntry(200, http.Header{}, []byte("b")))
	c.Put("c", gen, NewEntry(200, http.Header{}, []byte("c")))
	if st := c.Stats(); st.Entries != 2 || st.Hits != 1 || st.Misses != 1 {
		t.Errorf("stats = %+v", st)
	}
	c.Invalidate()
	if c.Get("c") != nil || c.Stats().Entries != 0 {
		t.Error("invalidation left entries")
	}
	short := New(2, time.Nanosecond)
	short.Put("x", short.Generation(), NewEntry(200, http.Header{}, []byte("x")))
	time.Sleep(time.Millisecond)
	if short.Get("x") != nil {
		t.Error("an expired entry was served")
	}
}

// TestDropMatching drops only the matching pages, and a render under way
// is not kept.
func TestDropMatching(t *testing.T) {
	c := New(10, time.Hour)
	gen := c.Generation()
	c.Put("en /events/x/contributions/c1?", gen, NewEntry(200, http.Header{}, []byte("1")))
	c.Put("en /events/x?", gen, NewEntry(200, http.Header{}, []byte("2")))
	c.Drop(func(k string) bool { return k == "en /events/x/contributions/c1?" })
	if c.Get("en /events/x/contributions/c1?") != nil || c.Get("en /events/x?") == nil {
		t.Error("Drop dropped the wrong pages")
	}
	c.Put("en /events/x/contributions/c1?", gen, NewEntry(200, http.Header{}, []byte("stale")))
	if c.Get("en /events/x/contributions/c1?") != nil {
		t.Error("a page rendered before the drop was kept")
	}
}
