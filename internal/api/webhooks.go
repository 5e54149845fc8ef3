package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/webhooks"
)

// WebhookInput creates a webhook.
type WebhookInput struct {
	URL    string   `json:"url" maxLength:"2000" doc:"Where messages are posted: an http or https address."`
	Types  []string `json:"types" minItems:"1" enum:"registration.created,registration.cancelled,registration.checked_in,abstract.submitted,abstract.decided,meeting.scheduled" doc:"What the hook is told of."`
	Active *bool    `json:"active,omitempty" doc:"Whether messages are sent; true when absent."`
}

// WebhookPatch changes a webhook; absent fields stay as they are.
type WebhookPatch struct {
	URL    *string   `json:"url,omitempty" maxLength:"2000"`
	Types  *[]string `json:"types,omitempty" enum:"registration.created,registration.cancelled,registration.checked_in,abstract.submitted,abstract.decided,meeting.scheduled"`
	Active *bool     `json:"active,omitempty" doc:"Turning a hook on again clears disabled_reason."`
}

// hookPath names a webhook of an event.
type hookPath struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
}

func (a *API) webhookRoutes() {
	const base = "/events/{slug}/webhooks"
	huma.Register(a.huma, a.authed(created(op("create-webhook", http.MethodPost, base,
		"Add a webhook: signed messages (Standard Webhooks) about what happens at the event", "Webhooks"))), a.createWebhook)
	huma.Register(a.huma, a.authed(op("list-webhooks", http.MethodGet, base, "The event's webhooks", "Webhooks")), a.listWebhooks)
	huma.Register(a.huma, a.authed(op("get-webhook", http.MethodGet, base+"/{id}", "A webhook with its signing secret", "Webhooks")), a.getWebhook)
	huma.Register(a.huma, a.authed(op("update-webhook", http.MethodPatch, base+"/{id}", "Change a webhook or turn it on or off", "Webhooks")), a.updateWebhook)
	huma.Register(a.huma, a.authed(noContent(op("delete-webhook", http.MethodDelete, base+"/{id}", "Remove a webhook and its delivery log", "Webhooks"))), a.deleteWebhook)
	huma.Register(a.huma, a.authed(op("list-webhook-deliveries", http.MethodGet, base+"/{id}/deliveries",
		"The webhook's delivery log, newest first", "Webhooks")), a.listDeliveries)
	huma.Register(a.huma, a.authed(op("retry-webhook-delivery", http.MethodPost, base+"/{id}/deliveries/{delivery_id}/retry",
		"Send a delivery again now", "Webhooks")), a.retryDelivery)
	huma.Register(a.huma, a.authed(op("test-webhook", http.MethodPost, base+"/{id}/test",
		"Send a test message of type webhook.test now", "Webhooks")), a.testWebhook)
}

func (a *API) createWebhook(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body WebhookInput
}) (*struct{ Body *symposium.Webhook }, error) {
	active := in.Body.Active == nil || *in.Body.Active
	h, err := a.Webhooks.Create(ctx, symposium.UserFromContext(ctx), in.Slug, symposium.WebhookInput{URL: in.Body.URL, Types: in.Body.Types, Active: active})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Webhook }{Body: h}, nil
}

func (a *API) listWebhooks(ctx context.Context, in *slugPath) (*struct{ Body List[*symposium.Webhook] }, error) {
	_, hooks, err := a.Webhooks.List(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[*symposium.Webhook] }{Body: List[*symposium.Webhook]{Items: hooks}}, nil
}

func (a *API) getWebhook(ctx context.Context, in *hookPath) (*struct{ Body *symposium.Webhook }, error) {
	_, h, err := a.Webhooks.Get(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Webhook }{Body: h}, nil
}

func (a *API) updateWebhook(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
	Body WebhookPatch
}) (*struct{ Body *symposium.Webhook }, error) {
	p := webhooks.Patch{URL: in.Body.URL, Types: in.Body.Types, Active: in.Body.Active}
	h, err := a.Webhooks.Update(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID, p)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Webhook }{Body: h}, nil
}

func (a *API) deleteWebhook(ctx context.Context, in *hookPath) (*struct{}, error) {
	if err := a.Webhooks.Delete(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID); err != nil {
		return nil, a.fail(ctx, err)
	}
	return nil, nil
}

func (a *API) listDeliveries(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
	ListInput
}) (*struct {
	Body List[*symposium.WebhookDelivery]
}, error) {
	_, list, err := a.Webhooks.Deliveries(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID, in.Cursor, in.Limit)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	page := List[*symposium.WebhookDelivery]{Items: list}
	if len(list) == in.Limit {
		page.Next = list[len(list)-1].ID
	}
	return &struct {
		Body List[*symposium.WebhookDelivery]
	}{Body: page}, nil
}

func (a *API) retryDelivery(ctx context.Context, in *struct {
	Slug       string `path:"slug" maxLength:"64"`
	ID         string `path:"id" maxLength:"64"`
	DeliveryID string `path:"delivery_id" maxLength:"64"`
}) (*struct{ Body *symposium.WebhookDelivery }, error) {
	d, err := a.Webhooks.Retry(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID, in.DeliveryID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.WebhookDelivery }{Body: d}, nil
}

func (a *API) testWebhook(ctx context.Context, in *hookPath) (*struct{ Body *symposium.WebhookDelivery }, error) {
	d, err := a.Webhooks.SendTest(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.WebhookDelivery }{Body: d}, nil
}
