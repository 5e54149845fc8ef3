package symposium

import "time"

// Invitation statuses, in the order an invitation moves through them.
const (
	InvitationSent     = "sent"
	InvitationOpened   = "opened"
	InvitationAccepted = "accepted"
	InvitationDeclined = "declined"
	InvitationRevoked  = "revoked"
)

// Invitation asks someone — an official, a speaker — to an event with a
// personal link that registers them in a chosen category past its capacity
// and its approval.
type Invitation struct {
	ID             string        `json:"id"`
	EventID        string        `json:"event_id"`
	CategoryID     string        `json:"category_id"`
	Email          string        `json:"email"`
	Name           LocalizedText `json:"name,omitempty"`
	Language       string        `json:"language"`
	Status         string        `json:"status"`
	RegistrationID string        `json:"registration_id,omitempty"`
	CreatedAt      time.Time     `json:"created_at"`
	OpenedAt       *time.Time    `json:"opened_at,omitempty"`
	RespondedAt    *time.Time    `json:"responded_at,omitempty"`
}

// Validate records problems with an invitation's fields.
func (inv *Invitation) Validate(p *Problems) {
	inv.Email = NormalizeEmail(inv.Email)
	if inv.Email == "" {
		p.Add("email", "error.field.required")
	} else if !ValidEmail(inv.Email) {
		p.Add("email", "error.field.email")
	}
	inv.Name = inv.Name.Clean()
	inv.Name.Validate(p, "name", false, MaxNameLength, false)
	if inv.CategoryID == "" {
		p.Add("category_id", "error.field.required")
	}
	if inv.Language == "" || !IsLanguage(inv.Language) {
		inv.Language = DefaultLanguage
	}
}
