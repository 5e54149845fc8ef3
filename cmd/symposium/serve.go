package main

import (
	"context"
	"fmt"
	"net"
	"sync"
	"time"

	"symposium/internal/accounts"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/mail"
	"symposium/internal/matchmaking"
	"symposium/internal/outcomes"
	"symposium/internal/privacy"
	"symposium/internal/registration"
	"symposium/internal/server"
	"symposium/internal/webhooks"
)

// runServe runs the web server until SIGINT or SIGTERM, then finishes the
// requests in flight, sends the mail they queued, and closes the database.
func runServe(ctx context.Context, args []string, env environment) error {
	fs, db := newFlags("serve", env)
	addr := fs.String("addr", envOr(env, "SYMPOSIUM_ADDR", "127.0.0.1:8080"), "address to listen on (env SYMPOSIUM_ADDR)")
	demo := fs.Bool("demo", false, "load the demo event first if it is absent")
	metricsToken := fs.String("metrics-token", env.getenv("SYMPOSIUM_METRICS_TOKEN"),
		"a bearer token /metrics asks for; without it /metrics is open (env SYMPOSIUM_METRICS_TOKEN)")
	files := fs.String("files", env.getenv("SYMPOSIUM_FILES_DIR"),
		"a directory to keep uploaded materials' files in; without it they go into the database (env SYMPOSIUM_FILES_DIR)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log, err := newLogger(env.stderr, env)
	if err != nil {
		return err
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.SetFileDir(*files); err != nil {
		return err
	}
	if *demo {
		if err := loadDemo(ctx, s, env); err != nil {
			return err
		}
	}
	accCfg := accounts.DefaultConfig()
	if envBool(env, "SYMPOSIUM_NO_CLIENT_LIMITS") {
		accCfg.Limits = accCfg.Limits.Unlimited()
	}
	acc, err := accounts.New(s, accCfg)
	if err != nil {
		return err
	}
	bundle, err := i18n.New()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	cfg := server.Config{
		BaseURL:        envOr(env, "SYMPOSIUM_BASE_URL", "http://"+ln.Addr().String()),
		TrustProxy:     envBool(env, "SYMPOSIUM_TRUST_PROXY"),
		MailConfigured: env.getenv("SYMPOSIUM_SMTP_URL") != "",
		Version:        Version(),
		MetricsToken:   *metricsToken,
		// SYMPOSIUM_WEBHOOKS_ALLOW_PRIVATE lets webhooks reach the
		// installation's own network; by default they reach public
		// addresses only.
		WebhooksAllowPrivate: envBool(env, "SYMPOSIUM_WEBHOOKS_ALLOW_PRIVATE"),
	}
	srv, err := server.New(cfg, s, acc, bundle, log)
	if err != nil {
		return err
	}
	var sender *mail.Sender
	if cfg.MailConfigured {
		tr, err := mail.NewSMTP(env.getenv("SYMPOSIUM_SMTP_URL"), envOr(env, "SYMPOSIUM_MAIL_FROM", "Symposium <noreply@localhost>"))
		if err != nil {
			return err
		}
		sender = mail.NewSender(s, tr, log)
		sender.BaseURL = cfg.BaseURL
	} else {
		log.Warn("mail is not configured: messages stay in the outbox (set SYMPOSIUM_SMTP_URL)")
	}
	log.Info("serving", "addr", ln.Addr().String(), "db", s.Dialect(), "version", cfg.Version)
	fmt.Fprintf(env.stderr, "Symposium is running at %s\n", cfg.BaseURL)
	ev := events.New(s, acc)
	sweeper := registration.New(s, ev, bundle, cfg.BaseURL)
	go sweeper.Sweep(ctx, 30*time.Second, log)
	go privacy.New(s, ev, sweeper).Sweep(ctx, time.Hour, log)
	go acc.Sweep(ctx, 10*time.Minute, log)
	go outcomes.New(s, events.New(s, acc), bundle, cfg.BaseURL).Sweep(ctx, time.Hour, log)
	go matchmaking.New(s, ev, bundle, cfg.BaseURL).Sweep(ctx, time.Minute, log)
	go webhooks.New(s, ev, cfg.BaseURL, cfg.WebhooksAllowPrivate).Run(ctx, 15*time.Second, log)
	return serveUntilDone(ctx, srv, ln, sender)
}

// serveUntilDone serves until ctx ends, running the mail sender alongside,
// and flushes the mail queued by the last requests before returning.
func serveUntilDone(ctx context.Context, srv *server.Server, ln net.Listener, sender *mail.Sender) error {
	senderCtx, stopSender := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	if sender != nil {
		wg.Add(1)
		go func() { defer wg.Done(); sender.Run(senderCtx) }()
	}
	err := srv.Serve(ctx, ln, 20*time.Second)
	stopSender()
	wg.Wait()
	if sender != nil {
		fctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, _ = sender.Flush(fctx)
	}
	return err
}
