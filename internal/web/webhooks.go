package web

import (
	"net/http"
	"strings"

	"symposium"
	"symposium/internal/webhooks"
)

// hookTypeKeys name the types a webhook may subscribe to.
var hookTypeKeys = map[string]string{
	symposium.HookRegistrationCreated: "webhooks.type.registration_created", symposium.HookRegistrationCancelled: "webhooks.type.registration_cancelled",
	symposium.HookRegistrationCheckedIn: "webhooks.type.registration_checked_in", symposium.HookAbstractSubmitted: "webhooks.type.abstract_submitted",
	symposium.HookAbstractDecided: "webhooks.type.abstract_decided", symposium.HookMeetingScheduled: "webhooks.type.meeting_scheduled",
	symposium.HookTest: "webhooks.type.test",
}

// deliveryStatusKeys name the states of a delivery.
var deliveryStatusKeys = map[string]string{
	symposium.DeliveryPending: "webhooks.status.pending", symposium.DeliveryDelivered: "webhooks.status.delivered",
	symposium.DeliveryFailed: "webhooks.status.failed",
}

// init names the audit log's actions on webhooks.
func init() {
	auditActionKeys[symposium.AuditWebhookSave] = "audit.action.webhook_save"
	auditActionKeys[symposium.AuditWebhookDelete] = "audit.action.webhook_delete"
}

// webhooksView is an event's hooks and the types a hook may subscribe to.
type webhooksView struct {
	Hooks []*symposium.Webhook
	Types []string
}

// webhookView is one hook with a page of its delivery log.
type webhookView struct {
	Hook       *symposium.Webhook
	Deliveries []*symposium.WebhookDelivery
	Types      []string
	// Older is the cursor of the next page of the log, when there is one.
	Older string
}

// deliveriesPage is how many deliveries the hook's page shows at once.
const deliveriesPage = 50

// showWebhooks lists an event's hooks with a form to add one.
func (h *Handler) showWebhooks(w http.ResponseWriter, r *http.Request) {
	f := newForm()
	f.Values["types"], f.Values["active"] = strings.Join(symposium.HookTypes, ","), "yes"
	h.renderWebhooks(w, r, http.StatusOK, f)
}

func (h *Handler) renderWebhooks(w http.ResponseWriter, r *http.Request, status int, f *form) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	_, hooks, err := h.Webhooks.List(r.Context(), symposium.UserFromContext(r.Context()), ed.Event.Slug)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, ed, "webhooks", webhooksView{Hooks: hooks, Types: symposium.HookTypes})
	p.Form = f
	h.render(w, r, status, "webhooks", p)
}

// readHookForm reads the form of a hook: its address, the types ticked
// and whether it is active.
func readHookForm(w http.ResponseWriter, r *http.Request) (*form, symposium.WebhookInput, error) {
	f, err := readForm(w, r, "url", "active")
	if err != nil {
		return nil, symposium.WebhookInput{}, err
	}
	types := r.PostForm["types"]
	f.Values["types"] = strings.Join(types, ",")
	return f, symposium.WebhookInput{URL: f.Values["url"], Types: types, Active: f.Values["active"] == "yes"}, nil
}

// createWebhook adds a hook and shows it with its secret.
func (h *Handler) createWebhook(w http.ResponseWriter, r *http.Request) {
	f, in, err := readHookForm(w, r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	hook, err := h.Webhooks.Create(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), in)
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderWebhooks(w, r, status, f) })
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/webhooks/"+hook.ID)
}

// showWebhook shows a hook, its form and its delivery log.
func (h *Handler) showWebhook(w http.ResponseWriter, r *http.Request) {
	h.renderWebhook(w, r, http.StatusOK, nil)
}

func (h *Handler) renderWebhook(w http.ResponseWriter, r *http.Request, status int, f *form) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	u := symposium.UserFromContext(r.Context())
	hook, list, err := h.Webhooks.Deliveries(r.Context(), u, ed.Event.Slug, r.PathValue("id"), r.URL.Query().Get("before"), deliveriesPage)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if f == nil {
		f = newForm()
		f.Values["url"], f.Values["types"] = hook.URL, strings.Join(hook.Types, ",")
		if hook.Active {
			f.Values["active"] = "yes"
		}
	}
	v := webhookView{Hook: hook, Deliveries: list, Types: symposium.HookTypes}
	if len(list) == deliveriesPage {
		v.Older = list[len(list)-1].ID
	}
	p := h.eventPage(r, ed, "webhooks", v)
	p.Form = f
	h.render(w, r, status, "webhook", p)
}

// updateWebhook changes a hook's address, types and whether it is on.
func (h *Handler) updateWebhook(w http.ResponseWriter, r *http.Request) {
	f, in, err := readHookForm(w, r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := webhooks.Patch{URL: &in.URL, Types: &in.Types, Active: &in.Active}
	if _, err := h.Webhooks.Update(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.PathValue("id"), p); err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderWebhook(w, r, status, f) })
		return
	}
	redirect(w, r, r.URL.Path)
}

// deleteWebhook removes a hook and its log.
func (h *Handler) deleteWebhook(w http.ResponseWriter, r *http.Request) {
	if err := h.Webhooks.Delete(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.PathValue("id")); err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/webhooks")
}

// testWebhook sends a test message now; the log shows how it went.
func (h *Handler) testWebhook(w http.ResponseWriter, r *http.Request) {
	_, err := h.Webhooks.SendTest(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.PathValue("id"))
	h.afterSend(w, r, err)
}

// retryDelivery sends a delivery again now.
func (h *Handler) retryDelivery(w http.ResponseWriter, r *http.Request) {
	_, err := h.Webhooks.Retry(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.PathValue("id"), r.PathValue("delivery"))
	h.afterSend(w, r, err)
}

// afterSend shows the hook's page after a test or a retry: its log on
// success, the reason as the form's summary on a conflict.
func (h *Handler) afterSend(w http.ResponseWriter, r *http.Request, err error) {
	if err != nil {
		f := newForm()
		h.formFailed(w, r, f, err, func(status int) { h.renderWebhook(w, r, status, f) })
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/webhooks/"+r.PathValue("id"))
}
