// Package web serves Symposium's HTML pages: server-rendered templates in
// four languages, forms that work without JavaScript, and embedded static
// assets under content-hashed URLs.
package web

import (
	"log/slog"
	"net"
	"net/http"
	"strings"

	"symposium/internal/accounts"
	"symposium/internal/audit"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/live"
	"symposium/internal/matchmaking"
	"symposium/internal/outcomes"
	"symposium/internal/overview"
	"symposium/internal/pagecache"
	"symposium/internal/people"
	"symposium/internal/privacy"
	"symposium/internal/programme"
	"symposium/internal/registration"
	"symposium/internal/review"
	"symposium/internal/search"
	"symposium/internal/webhooks"
)

// Cookie names.
const (
	SessionCookie = "symposium_session"
	LangCookie    = "lang"
)

// ContentSecurityPolicy is the policy of every page: scripts, styles and
// images from this site only (images also as data: URLs), no plugins, no
// <base>, no framing, and forms that post only here. Pages carry no inline
// script, inline style, style attribute or event-handler attribute; what a
// page places or colours per item, app.js sets through the CSSOM.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// maxFormBytes bounds a form submission.
const maxFormBytes = 1 << 20

// Deps are what the pages need.
type Deps struct {
	Accounts       *accounts.Service
	Registration   *registration.Service
	Review         *review.Service
	Events         *events.Service
	People         *people.Service
	Audit          *audit.Service
	Programme      *programme.Service
	Privacy        *privacy.Service
	Overview       *overview.Service
	Matchmaking    *matchmaking.Service
	Live           *live.Service
	Outcomes       *outcomes.Service
	Webhooks       *webhooks.Service
	Search         *search.Service
	I18n           *i18n.Bundle
	Log            *slog.Logger
	BaseURL        string
	SecureCookies  bool
	TrustProxy     bool
	MailConfigured bool
	Version        string
	// Pages, when set, keeps the public pages anonymous readers see.
	Pages *pagecache.Cache
}

// Handler serves the pages.
type Handler struct {
	Deps
	pages    pages
	assets   *assets
	patterns []string
}

// Register adds every page route to mux.
func Register(mux *http.ServeMux, d Deps) (*Handler, error) {
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	p, err := parsePages(a)
	if err != nil {
		return nil, err
	}
	h := &Handler{Deps: d, pages: p, assets: a}
	h.routes(recorder{mux: mux, patterns: &h.patterns})
	return h, nil
}

// clientAddr returns the address a request came from, for throttling: the
// connection's peer, or behind a trusted proxy the last address it added.
func (h *Handler) clientAddr(r *http.Request) string {
	if h.TrustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
