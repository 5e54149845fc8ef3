package symposium

import (
	"strings"
	"time"
	"unicode/utf8"
)

// APIToken is an API token as its owner sees it: never the token itself,
// only a short prefix of it to recognize it by.
type APIToken struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Prefix is the start of the token, such as "sym_Ab3dE9xQ".
	Prefix     string    `json:"prefix"`
	CreatedAt  time.Time `json:"created_at"`
	ExpiresAt  time.Time `json:"expires_at,omitzero"`
	LastUsedAt time.Time `json:"last_used_at,omitzero"`
	RevokedAt  time.Time `json:"revoked_at,omitzero"`
}

// MaxTokenNameLength bounds the name an API token is recognized by.
const MaxTokenNameLength = 100

// Active reports whether the token still authenticates at now: not revoked,
// not expired.
func (t *APIToken) Active(now time.Time) bool {
	return t.RevokedAt.IsZero() && (t.ExpiresAt.IsZero() || t.ExpiresAt.After(now))
}

// Validate records problems with the token's name and expiry, which must
// lie after now when it is set.
func (t *APIToken) Validate(p *Problems, now time.Time) {
	t.Name = strings.TrimSpace(t.Name)
	switch {
	case utf8.RuneCountInString(t.Name) > MaxTokenNameLength:
		p.Add("name", "error.field.too_long", "Max", MaxTokenNameLength)
	case hasControl(t.Name, false):
		p.Add("name", "error.field.control_chars")
	}
	if !t.ExpiresAt.IsZero() && !t.ExpiresAt.After(now) {
		p.Add("expires_at", "error.field.expires_past")
	}
}
