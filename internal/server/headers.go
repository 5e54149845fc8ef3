package server

import (
	"net/http"

	"symposium/internal/web"
)

// apiPolicy is the Content-Security-Policy of API answers, which are
// never rendered as documents.
const apiPolicy = "default-src 'none'; frame-ancestors 'none'"

// secureHeaders sets the headers every answer carries — pages, API,
// static files, photos, downloads, health and metrics — before the handler
// runs, so that error and panic answers carry them too: no content-type
// sniffing, no referrer to other sites, no framing, and the pages' strict
// Content-Security-Policy.
func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		if isAPI(r) {
			h.Set("Content-Security-Policy", apiPolicy)
		} else {
			h.Set("Content-Security-Policy", web.ContentSecurityPolicy)
		}
		next.ServeHTTP(w, r)
	})
}
