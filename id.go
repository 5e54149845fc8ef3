package symposium

import "github.com/google/uuid"

// NewID returns a new identifier: a version 7 UUID, ordered by creation
// time and unique across server instances without coordination.
func NewID() string {
	return uuid.Must(uuid.NewV7()).String()
}

// IsID reports whether s has the form of an identifier made by NewID, so that
// malformed identifiers can be answered as absent without a query.
func IsID(s string) bool {
	_, err := uuid.Parse(s)
	return err == nil && len(s) == 36
}
