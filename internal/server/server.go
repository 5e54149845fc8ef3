// Package server assembles Symposium's HTTP surfaces — the web pages, the
// JSON API, health and metrics — behind one handler, and serves it with a
// graceful shutdown.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"symposium"
	"symposium/internal/accounts"
	"symposium/internal/api"
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
	"symposium/internal/store"
	"symposium/internal/web"
	"symposium/internal/webhooks"
)

// Config is the server's configuration.
type Config struct {
	// BaseURL is the address people reach the server at, for links in mail;
	// an https URL also marks cookies Secure.
	BaseURL string
	// TrustProxy takes the client address from X-Forwarded-For, for a server
	// behind a reverse proxy.
	TrustProxy bool
	// MailConfigured says whether mail leaves the outbox over SMTP.
	MailConfigured bool
	Version        string
	// MetricsToken, when set, is the bearer token /metrics asks for;
	// without it /metrics is open.
	MetricsToken string
	// WebhooksAllowPrivate lets webhooks reach loopback and private
	// addresses; without it they reach public addresses only.
	WebhooksAllowPrivate bool
}

// Server is Symposium's HTTP server.
type Server struct {
	cfg      Config
	store    *store.Store
	accounts *accounts.Service
	log      *slog.Logger
	metrics  *metrics
	web      *web.Handler
	api      *api.API
	search   *search.Service
	pages    *pagecache.Cache
	handler  http.Handler
}

// The page cache keeps this many public pages, each at most this long:
// pages that depend on the clock (an event becoming past) change at last
// when an entry expires.
const (
	pageCacheEntries = 4096
	pageCacheTTL     = time.Minute
)

// New assembles the server.
func New(cfg Config, st *store.Store, acc *accounts.Service, bundle *i18n.Bundle, log *slog.Logger) (*Server, error) {
	log = slog.New(requestIDHandler{log.Handler()})
	s := &Server{cfg: cfg, store: st, accounts: acc, log: log, metrics: newMetrics()}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.health)
	mux.Handle("GET "+metricsPath, s.metrics.handler(cfg.MetricsToken))
	ev := events.New(st, acc)
	reg := registration.New(st, ev, bundle, cfg.BaseURL)
	reg.Limits = acc.Limits()
	s.search = search.New(st, ev, log)
	if err := s.search.Load(context.Background()); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s.pages = pagecache.New(pageCacheEntries, pageCacheTTL)
	rev := review.New(st, s.search, ev, bundle, cfg.BaseURL)
	pe := people.New(st, s.search, acc)
	pr := programme.New(st, ev)
	au := audit.New(st, ev)
	pv := privacy.New(st, ev, reg)
	ov := overview.New(st)
	mm := matchmaking.New(st, ev, bundle, cfg.BaseURL)
	lv := live.New(st, ev, acc.Limits(), log)
	out := outcomes.New(st, ev, bundle, cfg.BaseURL)
	mm.FollowUps = out
	wh := webhooks.New(st, ev, cfg.BaseURL, cfg.WebhooksAllowPrivate)
	s.api = api.Register(mux, api.Deps{Accounts: acc, Registration: reg, Search: s.search, Review: rev, Events: ev, People: pe,
		Programme: pr, Matchmaking: mm, Audit: au, Privacy: pv, Overview: ov, Live: lv, Outcomes: out, Webhooks: wh, Log: log, Version: cfg.Version, BaseURL: cfg.BaseURL})
	w, err := web.Register(mux, web.Deps{
		Accounts: acc, Registration: reg, Review: rev, Events: ev, People: pe, Programme: pr, Audit: au, Matchmaking: mm, Privacy: pv, Overview: ov, Live: lv,
		Outcomes: out, Webhooks: wh,
		Search: s.search, I18n: bundle, Log: log,
		BaseURL: cfg.BaseURL, SecureCookies: strings.HasPrefix(cfg.BaseURL, "https://"),
		TrustProxy: cfg.TrustProxy, MailConfigured: cfg.MailConfigured, Version: cfg.Version, Pages: s.pages,
	})
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s.web = w
	st.Subscribe(func(store.Change) { s.pages.Invalidate() })
	// A contribution's page shows the live questions answered, with their
	// votes: any entry of its live stream, from this instance or another,
	// drops the pages of that contribution.
	st.SubscribeLive(func(e store.LiveEntry) {
		s.pages.Drop(func(key string) bool { return strings.Contains(key, "/contributions/"+e.ContributionID) })
	})
	s.metrics.registry.MustRegister(newOperations(st, s.search, s.pages, lv.Hub()))
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(s.crossOriginDenied))
	s.handler = s.observe(secureHeaders(s.recoverPanics(csrf.Handler(s.authenticate(s.idempotent(captureRoute(mux)))))))
	return s, nil
}

// Routes lists every route the server answers: health and metrics, the
// pages' patterns and the API's operations.
func (s *Server) Routes() []string {
	out := []string{"GET /healthz", "GET /metrics"}
	out = append(out, s.web.Patterns()...)
	return append(out, s.api.Operations()...)
}

// Handler returns the server's whole HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve answers requests on ln until ctx ends, then stops accepting new
// connections and waits up to grace for requests in flight to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	go s.store.Listen(ctx, s.log)
	go s.store.ListenLive(ctx, s.log)
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down: finishing requests in flight", "grace", grace)
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server: %w", err)
	}
	return nil
}

// health answers 200 while the database answers.
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	if err := s.store.Ping(r.Context()); err != nil {
		s.log.ErrorContext(r.Context(), "health: database does not answer", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(`{"status":"unavailable"}` + "\n"))
		return
	}
	_, _ = w.Write([]byte(`{"status":"ok"}` + "\n"))
}

// crossOriginDenied refuses an unsafe request sent from another site.
func (s *Server) crossOriginDenied(w http.ResponseWriter, r *http.Request) {
	err := symposium.Errorf(symposium.EFORBIDDEN, "error.csrf")
	if isAPI(r) {
		api.WriteError(w, r, s.log, err)
		return
	}
	s.web.Error(w, r, err)
}

func isAPI(r *http.Request) bool {
	return r.URL.Path == api.Prefix || strings.HasPrefix(r.URL.Path, api.Prefix+"/")
}
