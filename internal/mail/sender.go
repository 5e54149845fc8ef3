// Package mail delivers the messages queued in the outbox: a sender loop
// claims due messages, sends them over SMTP, and retries failures with
// growing delays. Without SMTP configured, mail stays in the outbox, where
// administrators can read it.
package mail

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"symposium"
	"symposium/internal/calendar"
	"symposium/internal/qrcode"
	"symposium/internal/redact"
	"symposium/internal/store"
)

// Transport delivers one message.
type Transport interface {
	Send(ctx context.Context, m symposium.Mail) error
}

// backoff is the wait before each retry; after the last, a message is
// given up as failed.
var backoff = []time.Duration{time.Minute, 5 * time.Minute, 15 * time.Minute, time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour}

// Sender moves mail from the outbox to a Transport.
type Sender struct {
	store     *store.Store
	transport Transport
	log       *slog.Logger
	// Interval is how often the outbox is checked for due mail.
	Interval time.Duration
	// Backoff overrides the retry delays, for tests.
	Backoff []time.Duration
	// BaseURL starts the links in attached calendars.
	BaseURL string
}

// NewSender returns a Sender that checks the outbox every few seconds.
func NewSender(s *store.Store, t Transport, log *slog.Logger) *Sender {
	return &Sender{store: s, transport: t, log: log, Interval: 5 * time.Second, Backoff: backoff}
}

// Run sends due mail until ctx ends.
func (s *Sender) Run(ctx context.Context) {
	tick := time.NewTicker(s.Interval)
	defer tick.Stop()
	for {
		if _, err := s.Flush(ctx); err != nil && ctx.Err() == nil {
			s.log.Error("mail: flush", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// Flush sends every message due now and reports how many were sent. It is
// also called once at shutdown, so that mail queued by the last requests
// leaves before the process does.
func (s *Sender) Flush(ctx context.Context) (int, error) {
	sent := 0
	for ctx.Err() == nil {
		batch, err := s.store.ClaimMail(ctx, time.Now(), 2*time.Minute, 20)
		if err != nil || len(batch) == 0 {
			return sent, err
		}
		for _, m := range batch {
			if s.deliver(ctx, m) {
				sent++
			}
		}
	}
	return sent, nil
}

// deliver sends one message and records the outcome.
func (s *Sender) deliver(ctx context.Context, m symposium.OutboxMail) bool {
	sendCtx, cancel := context.WithTimeout(ctx, time.Minute)
	err := s.drawAttachments(sendCtx, &m.Mail)
	if err == nil {
		err = s.transport.Send(sendCtx, m.Mail)
	}
	cancel()
	now := time.Now()
	// Outcomes are recorded even when ctx has just ended, so that a sent
	// message is never sent again.
	record := context.WithoutCancel(ctx)
	if err == nil {
		if err := s.store.MarkMailSent(record, m.ID, now); err != nil {
			s.log.Error("mail: mark sent", "id", m.ID, "err", err)
		}
		return true
	}
	var retryAt time.Time
	if m.Attempts < len(s.Backoff) {
		retryAt = now.Add(s.Backoff[m.Attempts])
	}
	s.log.Warn("mail: send failed", "id", m.ID, "attempt", m.Attempts+1, "retry_at", retryAt, "err", redact.Emails(err.Error()))
	if err := s.store.MarkMailFailed(record, m.ID, err.Error(), now, retryAt); err != nil {
		s.log.Error("mail: mark failed", "id", m.ID, "err", err)
	}
	return false
}

// drawAttachments makes the files a mail carries as what they are made
// from: QR codes, and events' calendars.
func (s *Sender) drawAttachments(ctx context.Context, m *symposium.Mail) error {
	for i, a := range m.Attachments {
		var err error
		switch {
		case a.Data != nil:
		case a.QR != "":
			m.Attachments[i].Data, err = qrcode.PNG(a.QR)
		case a.Event != "":
			var e *symposium.Event
			if e, err = s.store.EventByID(ctx, a.Event); err == nil {
				m.Attachments[i].Data, err = calendar.ForEvent(e, a.Lang, s.BaseURL+"/events/"+e.Slug, time.Now())
			}
		}
		if err != nil {
			return fmt.Errorf("mail: attachment %s: %w", a.Name, err)
		}
	}
	return nil
}
