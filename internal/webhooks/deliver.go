package webhooks

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"symposium"
	"symposium/internal/store"
)

// Backoff is how long to wait after each failed attempt before the next:
// about three days in all, as pretix does, after which a delivery is given
// up on.
var Backoff = []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, time.Hour, 3 * time.Hour,
	6 * time.Hour, 12 * time.Hour, 24 * time.Hour, 24 * time.Hour}

// A sender claims batch deliveries at a time and holds them for lease,
// before another sender may take them: longer than attempting the whole
// batch can take, each attempt at most attemptTimeout, so that no
// delivery is sent twice at once.
const (
	batch          = 10
	attemptTimeout = 15 * time.Second
	lease          = batch*attemptTimeout + time.Minute
)

// Payload is the body of every message: its type, when it happened and
// which API object it is about.
type Payload struct {
	Type      string    `json:"type"`
	Timestamp time.Time `json:"timestamp"`
	Data      struct {
		ID  string `json:"id"`
		URL string `json:"url"`
	} `json:"data"`
}

// payload encodes the body of a delivery.
func (s *Service) payload(d *store.DueDelivery) []byte {
	p := Payload{Type: d.Type, Timestamp: d.OccurredAt.UTC()}
	p.Data.ID = d.ObjectID
	p.Data.URL = s.BaseURL + symposium.HookObjectPath(d.Type, d.EventSlug, d.ObjectID)
	b, _ := json.Marshal(p) // strings and a time always encode
	return b
}

// Run sends due deliveries every interval until ctx ends.
func (s *Service) Run(ctx context.Context, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := s.SendDue(ctx); err != nil && ctx.Err() == nil {
			log.Warn("sending webhooks failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// SendDue sends every delivery due now, a batch at a time, and reports how
// many it attempted.
func (s *Service) SendDue(ctx context.Context) (int, error) {
	n := 0
	for {
		due, err := s.store.ClaimDueDeliveries(ctx, s.Now(), lease, batch)
		if err != nil || len(due) == 0 {
			return n, err
		}
		for i := range due {
			if err := s.attempt(ctx, &due[i]); err != nil {
				return n, err
			}
			n++
		}
	}
}

// attempt posts one claimed delivery and records how it went: 2xx is
// delivered, 410 turns the hook off, anything else is tried again after
// the backoff, until the backoff runs out.
func (s *Service) attempt(ctx context.Context, d *store.DueDelivery) error {
	at := s.Now()
	code, err := s.post(ctx, d, at)
	a := store.Attempt{At: at, StatusCode: code, Delivered: err == nil && code >= 200 && code < 300, Gone: code == http.StatusGone}
	switch {
	case err != nil:
		a.Error = err.Error()
	case !a.Delivered:
		a.Error = "HTTP " + strconv.Itoa(code)
	}
	if !a.Delivered && !a.Gone && d.Attempts < len(Backoff) {
		a.RetryAt = at.Add(Backoff[d.Attempts])
	}
	d.Attempts++
	return s.store.RecordAttempt(ctx, d, a)
}

// post sends a delivery's message once, signed, and returns the
// receiver's status code.
func (s *Service) post(ctx context.Context, d *store.DueDelivery, at time.Time) (int, error) {
	body := s.payload(d)
	sig, err := Sign(d.Secret, d.ID, at, body)
	if err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(ctx, attemptTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.URL, bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("webhooks: request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Symposium-Webhooks")
	req.Header.Set("webhook-id", d.ID)
	req.Header.Set("webhook-timestamp", strconv.FormatInt(at.Unix(), 10))
	req.Header.Set("webhook-signature", sig)
	resp, err := s.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode, nil
}

// Retry sends a delivery of a hook again now, whatever its state, and
// returns it as it then is. A hook turned off is a conflict: turn it on
// first.
func (s *Service) Retry(ctx context.Context, u *symposium.User, slug, hookID, id string) (*symposium.WebhookDelivery, error) {
	_, h, err := s.Get(ctx, u, slug, hookID)
	if err != nil {
		return nil, err
	}
	if !symposium.IsID(id) {
		return nil, symposium.NotFound()
	}
	if _, err := s.store.WebhookDelivery(ctx, h.ID, id); err != nil {
		return nil, err
	}
	return s.sendNow(ctx, h, id)
}

// SendTest sends a test message to a hook now and returns its delivery.
func (s *Service) SendTest(ctx context.Context, u *symposium.User, slug, hookID string) (*symposium.WebhookDelivery, error) {
	_, h, err := s.Get(ctx, u, slug, hookID)
	if err != nil {
		return nil, err
	}
	if !h.Active {
		return nil, symposium.Errorf(symposium.ECONFLICT, "error.webhook_inactive")
	}
	id, err := s.store.EnqueueWebhookTest(ctx, h, s.Now())
	if err != nil {
		return nil, err
	}
	return s.sendNow(ctx, h, id)
}

// sendNow claims a delivery of an active hook, attempts it and returns it.
func (s *Service) sendNow(ctx context.Context, h *symposium.Webhook, id string) (*symposium.WebhookDelivery, error) {
	if !h.Active {
		return nil, symposium.Errorf(symposium.ECONFLICT, "error.webhook_inactive")
	}
	d, err := s.store.ClaimDelivery(ctx, h.ID, id, s.Now(), lease)
	if err != nil {
		return nil, err
	}
	if err := s.attempt(ctx, d); err != nil {
		return nil, err
	}
	return s.store.WebhookDelivery(ctx, h.ID, id)
}
