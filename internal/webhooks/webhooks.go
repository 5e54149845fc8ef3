// Package webhooks lets an event's managers have what happens at the
// event — registrations created, cancelled and checked in, abstracts
// submitted and decided, meetings scheduled — posted to their own systems,
// signed the Standard Webhooks way. The store queues a delivery per hook in
// the transaction of the change; the sender here posts it and retries for
// about three days, and a receiver answering 410 turns its hook off.
package webhooks

import (
	"context"
	"net/http"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/store"
)

// Service manages an event's webhooks and delivers their messages.
type Service struct {
	store  *store.Store
	events *events.Service
	// BaseURL starts the links to API objects in the messages.
	BaseURL string
	// AllowPrivate lets hooks reach loopback and private addresses, for an
	// installation whose receivers live in its own network, and for tests.
	AllowPrivate bool
	// Now tells the time; tests move it.
	Now    func() time.Time
	client *http.Client
}

// New returns a Service; allowPrivate is the operator's setting that lets
// hooks reach addresses that are not public.
func New(st *store.Store, ev *events.Service, baseURL string, allowPrivate bool) *Service {
	return &Service{store: st, events: ev, BaseURL: baseURL, AllowPrivate: allowPrivate, Now: time.Now, client: newClient(allowPrivate)}
}

// Patch is a change to a hook: the fields given replace the hook's.
type Patch struct {
	URL    *string
	Types  *[]string
	Active *bool
}

// managed returns the event with the slug for a caller who may manage its
// webhooks.
func (s *Service) managed(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, error) {
	e, _, err := s.events.Require(ctx, u, slug, symposium.Access.CanManageWebhooks)
	return e, err
}

// List returns an event's hooks, for those who manage them.
func (s *Service) List(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, []*symposium.Webhook, error) {
	e, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	hooks, err := s.store.Webhooks(ctx, e.ID)
	return e, hooks, err
}

// Get returns one hook of an event, for those who manage them.
func (s *Service) Get(ctx context.Context, u *symposium.User, slug, id string) (*symposium.Event, *symposium.Webhook, error) {
	e, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	if !symposium.IsID(id) {
		return nil, nil, symposium.NotFound()
	}
	h, err := s.store.Webhook(ctx, e.ID, id)
	return e, h, err
}

// Create adds a hook to an event with a new signing secret.
func (s *Service) Create(ctx context.Context, u *symposium.User, slug string, in symposium.WebhookInput) (*symposium.Webhook, error) {
	e, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	if err := s.validate(&in); err != nil {
		return nil, err
	}
	h := &symposium.Webhook{ID: symposium.NewID(), EventID: e.ID, URL: in.URL, Types: in.Types, Active: in.Active, Secret: NewSecret()}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditWebhookSave, h.ID, nil, h.AuditView())
	if err := s.store.CreateWebhook(store.WithAudit(ctx, entry), h); err != nil {
		return nil, err
	}
	return h, nil
}

// Update changes a hook's address, types or whether it is active.
func (s *Service) Update(ctx context.Context, u *symposium.User, slug, id string, p Patch) (*symposium.Webhook, error) {
	_, h, err := s.Get(ctx, u, slug, id)
	if err != nil {
		return nil, err
	}
	in := symposium.WebhookInput{URL: h.URL, Types: h.Types, Active: h.Active}
	if p.URL != nil {
		in.URL = *p.URL
	}
	if p.Types != nil {
		in.Types = *p.Types
	}
	if p.Active != nil {
		in.Active = *p.Active
	}
	if err := s.validate(&in); err != nil {
		return nil, err
	}
	before := h.AuditView()
	h.URL, h.Types, h.Active = in.URL, in.Types, in.Active
	entry := symposium.NewAuditEntry(u, h.EventID, symposium.AuditWebhookSave, h.ID, before, h.AuditView())
	if err := s.store.UpdateWebhook(store.WithAudit(ctx, entry), h); err != nil {
		return nil, err
	}
	return h, nil
}

// Delete removes a hook with its delivery log.
func (s *Service) Delete(ctx context.Context, u *symposium.User, slug, id string) error {
	e, h, err := s.Get(ctx, u, slug, id)
	if err != nil {
		return err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditWebhookDelete, h.ID, h.AuditView(), nil)
	return s.store.DeleteWebhook(store.WithAudit(ctx, entry), e.ID, h.ID)
}

// validate checks a hook's input and, unless the operator allows private
// addresses, refuses an address that names one outright.
func (s *Service) validate(in *symposium.WebhookInput) error {
	if err := in.Validate(); err != nil {
		return err
	}
	if !s.AllowPrivate && privateLiteral(in.URL) {
		var p symposium.Problems
		p.Add("url", "error.field.webhook_private")
		return p.Err()
	}
	return nil
}

// Deliveries returns a hook and a page of its delivery log, newest first.
func (s *Service) Deliveries(ctx context.Context, u *symposium.User, slug, id, before string, limit int) (*symposium.Webhook, []*symposium.WebhookDelivery, error) {
	_, h, err := s.Get(ctx, u, slug, id)
	if err != nil {
		return nil, nil, err
	}
	list, err := s.store.WebhookDeliveries(ctx, h.ID, before, limit)
	return h, list, err
}
