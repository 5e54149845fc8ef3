package web

import (
	"bytes"
	"net/http"
	"strings"

	"symposium"
	"symposium/internal/pagecache"
)

// Cache-Control of the public pages: anyone (a browser, a CDN) may keep
// them but must ask again, with If-None-Match, before showing them; they
// differ by the reader's cookies (language, session) and languages.
const (
	publicCacheControl  = "public, no-cache"
	privateCacheControl = "private, no-cache"
	publicVary          = "Cookie, Accept-Language"
)

// cached serves a public page from the page cache to anonymous readers,
// rendering and keeping it on a miss, and answers 304 when the reader's
// If-None-Match names the page's ETag. A signed-in reader's view is always
// rendered afresh: it may show what only they may see.
func (h *Handler) cached(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if h.Pages == nil || symposium.UserFromContext(r.Context()) != nil {
			w.Header().Set("Cache-Control", privateCacheControl)
			w.Header().Add("Vary", publicVary)
			next(w, r)
			return
		}
		key := symposium.LanguageFromContext(r.Context()) + " " + r.URL.Path + "?" + r.URL.RawQuery
		e := h.Pages.Get(key)
		if e == nil {
			generation := h.Pages.Generation()
			rec := &pageRecorder{header: http.Header{}}
			next(rec, r)
			e = pagecache.NewEntry(rec.status, rec.header, rec.body.Bytes())
			if rec.status == http.StatusOK {
				h.Pages.Put(key, generation, e)
			}
		}
		writeEntry(w, r, e)
	}
}

// writeEntry writes a rendered page, or 304 Not Modified when the reader
// holds it already.
func writeEntry(w http.ResponseWriter, r *http.Request, e *pagecache.Entry) {
	hd := w.Header()
	for k, v := range e.Header {
		hd[k] = v
	}
	if e.Status != http.StatusOK {
		w.WriteHeader(e.Status)
		_, _ = w.Write(e.Body)
		return
	}
	hd.Set("ETag", e.ETag)
	hd.Set("Cache-Control", publicCacheControl)
	hd.Set("Vary", publicVary)
	if etagMatches(r.Header.Get("If-None-Match"), e.ETag) {
		hd.Del("Content-Type")
		hd.Del("Set-Cookie")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	_, _ = w.Write(e.Body)
}

// etagMatches reports whether an If-None-Match header names etag (weak
// comparison, as RFC 9110 asks for If-None-Match).
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

// pageRecorder keeps what a page handler writes, for the cache.
type pageRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (p *pageRecorder) Header() http.Header { return p.header }

func (p *pageRecorder) WriteHeader(status int) {
	if p.status == 0 {
		p.status = status
	}
}

func (p *pageRecorder) Write(b []byte) (int, error) {
	if p.status == 0 {
		p.status = http.StatusOK
	}
	return p.body.Write(b)
}
