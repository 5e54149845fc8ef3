package symposium

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// User is an account: someone who can sign in. A person in the programme
// with the same email is the same individual.
type User struct {
	ID      string `json:"id"`
	Email   string `json:"email"`
	Name    string `json:"name"`
	IsAdmin bool   `json:"is_admin"`
	// Verified says the account's owner opened a link mailed to its email
	// (or an administrator made the account): only then does the account
	// count as the person with that email.
	Verified bool `json:"verified"`
	// IsCurator marks a curator of the people directory, who may see the
	// whole duplicates queue and merge people.
	IsCurator bool `json:"is_curator"`
	// CanCreateEvents marks an organizer an administrator allowed to create
	// events.
	CanCreateEvents bool `json:"can_create_events"`
	// PendingEmail is a new address the owner asked to change to: it
	// replaces Email once its link is opened, and counts for nothing until
	// then.
	PendingEmail string    `json:"pending_email,omitempty"`
	Language     string    `json:"language"`
	CreatedAt    time.Time `json:"created_at"`
}

// Grants are the site-wide permissions an administrator gives an account;
// a nil field stays as it is.
type Grants struct {
	IsCurator       *bool `json:"is_curator,omitempty"`
	CanCreateEvents *bool `json:"can_create_events,omitempty"`
}

// Limits on account fields.
const (
	MaxNameLength     = 200
	MaxEmailLength    = 254
	MinPasswordLength = 10
	MaxPasswordLength = 256
)

// NormalizeEmail returns the form an email address is stored and compared
// in: trimmed and lower-cased.
func NormalizeEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}

// ValidEmail reports whether email is a plain address such as
// "a@example.org", without a display name.
func ValidEmail(email string) bool {
	if email == "" || len(email) > MaxEmailLength {
		return false
	}
	a, err := mail.ParseAddress(email)
	return err == nil && a.Address == email && a.Name == "" && strings.Contains(email[strings.LastIndex(email, "@"):], ".")
}

// Validate records problems with the account's email, name and language.
func (u *User) Validate(p *Problems) {
	u.Email = NormalizeEmail(u.Email)
	u.Name = strings.TrimSpace(u.Name)
	if u.Email == "" {
		p.Add("email", "error.field.required")
	} else if !ValidEmail(u.Email) {
		p.Add("email", "error.field.email")
	}
	switch {
	case u.Name == "":
		p.Add("name", "error.field.required")
	case utf8.RuneCountInString(u.Name) > MaxNameLength:
		p.Add("name", "error.field.too_long", "Max", MaxNameLength)
	case hasControl(u.Name, false):
		p.Add("name", "error.field.control_chars")
	}
	if u.Language == "" {
		u.Language = DefaultLanguage
	} else if !IsLanguage(u.Language) {
		p.Add("language", "error.field.language_unknown", "Lang", u.Language)
	}
}

// ValidatePassword records a problem when a new password is too short or
// too long.
func ValidatePassword(p *Problems, field, password string) {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLength:
		p.Add(field, "error.field.password_short", "Min", MinPasswordLength)
	case len(password) > MaxPasswordLength:
		p.Add(field, "error.field.password_long", "Max", MaxPasswordLength)
	}
}
