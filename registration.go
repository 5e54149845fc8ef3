package symposium

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Registration statuses.
const (
	RegConfirmed  = "confirmed"
	RegWaitlisted = "waitlisted"
	RegPending    = "pending" // waiting for a manager's approval
	RegCancelled  = "cancelled"
	RegRejected   = "rejected"
)

// Category is a kind of registration at an event — participant, speaker,
// press, official delegation, online — with its own capacity and rules.
type Category struct {
	ID               string        `json:"id"`
	EventID          string        `json:"event_id"`
	Name             LocalizedText `json:"name"`
	Capacity         *int          `json:"capacity,omitempty" doc:"Seats; absent means unlimited."`
	RequiresApproval bool          `json:"requires_approval"`
	Waitlist         bool          `json:"waitlist"`
	OpensAt          *time.Time    `json:"opens_at,omitempty"`
	ClosesAt         *time.Time    `json:"closes_at,omitempty"`
	Price            string        `json:"price,omitempty" doc:"Shown as information only."`
	Confirmed        int           `json:"confirmed"`
	Waitlisted       int           `json:"waitlisted"`
}

// Validate records problems with the category's fields.
func (c *Category) Validate(p *Problems) {
	c.Name = c.Name.Clean()
	c.Name.Validate(p, "name", true, MaxTitleLength, false)
	if c.Capacity != nil && (*c.Capacity < 0 || *c.Capacity > 10_000_000) {
		p.Add("capacity", "error.field.invalid")
	}
	if c.OpensAt != nil && c.ClosesAt != nil && !c.ClosesAt.After(*c.OpensAt) {
		p.Add("closes_at", "error.field.ends_before_start")
	}
	c.Price = strings.TrimSpace(c.Price)
	if utf8.RuneCountInString(c.Price) > 100 {
		p.Add("price", "error.field.too_long", "Max", 100)
	}
}

// IsOpen reports whether the category takes registrations at t.
func (c *Category) IsOpen(t time.Time) bool {
	return (c.OpensAt == nil || !t.Before(*c.OpensAt)) && (c.ClosesAt == nil || t.Before(*c.ClosesAt))
}

// Registration is one person's place at an event, in one category.
type Registration struct {
	ID         string        `json:"id"`
	EventID    string        `json:"event_id"`
	CategoryID string        `json:"category_id"`
	Email      string        `json:"email"`
	Name       LocalizedText `json:"name"`
	// PersonID is the person in the directory with the registrant's email,
	// if there is one.
	PersonID     string            `json:"person_id,omitempty"`
	Organization string            `json:"organization,omitempty"`
	Country      string            `json:"country,omitempty"`
	Answers      map[string]string `json:"answers,omitempty"`
	Listed       bool              `json:"listed" doc:"The registrant agrees to appear on the participant list."`
	// PhotoConsent is the registrant's answer to being photographed and
	// shown in the event's photos: "yes", "no" or "" (not answered). It is
	// read from the log of consents, where the registration form and every
	// later answer write it: the newest answer for the event or the site.
	PhotoConsent string `json:"photo_consent" enum:"yes,no," doc:"Agreement to appear in the event's photos: yes, no, or empty for not answered."`
	// ConsentText holds, by kind of consent, the words the registrant was
	// shown when answering, in their language, for the log of consents.
	ConsentText map[string]string `json:"-"`
	Language    string            `json:"language"`
	Status      string            `json:"status"`
	Ticket      string            `json:"ticket,omitempty"`
	// WaitlistPlace is a waitlisted registration's place in the queue, 1
	// for the next to be promoted; 0 for any other.
	WaitlistPlace int        `json:"waitlist_place,omitempty" doc:"A waitlisted registration's place in the queue, 1 for the next to be promoted."`
	CheckedInAt   *time.Time `json:"checked_in_at,omitempty"`
	// EmailConfirmed says the registrant proved the address is theirs:
	// signed in with it, or opened a link mailed to it.
	EmailConfirmed bool `json:"email_confirmed"`
	// HoldUntil is when a seat not yet confirmed passes on.
	HoldUntil *time.Time `json:"hold_until,omitempty"`
	// ManageToken is the secret of the registrant's manage link, known only
	// while a mail carrying it is written; only its hash is stored.
	ManageToken string    `json:"-"`
	CreatedAt   time.Time `json:"created_at"`
}

// Limits on registration fields.
const (
	MaxAnswers      = 50
	MaxAnswerLength = 5000
)

// Validate records problems with the registrant's fields.
func (r *Registration) Validate(p *Problems) {
	r.Email = NormalizeEmail(r.Email)
	if r.Email == "" {
		p.Add("email", "error.field.required")
	} else if !ValidEmail(r.Email) {
		p.Add("email", "error.field.email")
	}
	r.Name = r.Name.Clean()
	r.Name.Validate(p, "name", true, MaxNameLength, false)
	r.Organization = strings.TrimSpace(r.Organization)
	switch {
	case utf8.RuneCountInString(r.Organization) > MaxTitleLength:
		p.Add("organization", "error.field.too_long", "Max", MaxTitleLength)
	case hasControl(r.Organization, false):
		p.Add("organization", "error.field.control_chars")
	}
	r.Country = validCountry(p, "country", r.Country)
	if len(r.Answers) > MaxAnswers {
		p.Add("answers", "error.field.invalid")
	}
	for k, v := range r.Answers {
		if utf8.RuneCountInString(v) > MaxAnswerLength || len(k) > 100 {
			p.Add("answers."+k, "error.field.too_long", "Max", MaxAnswerLength)
		}
	}
	if r.Language == "" || !IsLanguage(r.Language) {
		r.Language = DefaultLanguage
	}
	if r.PhotoConsent != "" {
		r.PhotoConsent = oneOf(p, "photo_consent", r.PhotoConsent, "", []string{PhotoConsentYes, PhotoConsentNo})
	}
}
