package symposium

import "time"

// PersonMerge records that one person was merged into another: every
// reference to the merged person now points to the survivor, which keeps
// the merged person's spellings. A merge can be undone.
type PersonMerge struct {
	ID         string     `json:"id"`
	SurvivorID string     `json:"survivor_id"`
	MergedID   string     `json:"merged_id"`
	MergedBy   string     `json:"merged_by,omitempty"` // the account that merged
	CreatedAt  time.Time  `json:"created_at"`
	UndoneAt   *time.Time `json:"undone_at,omitempty"`
}

// Kinds of evidence that two people are one.
const (
	EvidenceName         = "name"         // the names look alike across scripts
	EvidenceEmail        = "email"        // the same email address
	EvidenceOrganization = "organization" // the same organization
	EvidenceCountry      = "country"      // the same country
)

// DuplicatePair is two people who are likely one, with the evidence.
type DuplicatePair struct {
	A        *Person  `json:"a"`
	B        *Person  `json:"b"`
	Score    float64  `json:"score"` // how likely, in (0, 1]
	Evidence []string `json:"evidence"`
}
