package symposium

import (
	"regexp"
	"slices"
	"strings"
	"time"
)

// Minutes states: a draft is seen by the event's team only; published
// minutes by whoever sees the event; locked minutes are published and
// final, refusing every further edit.
const (
	MinutesDraft     = "draft"
	MinutesPublished = "published"
	MinutesLocked    = "locked"
)

// MinutesStates lists the states of minutes.
var MinutesStates = []string{MinutesDraft, MinutesPublished, MinutesLocked}

// MaxMinutesLength bounds the minutes of one contribution or session, per
// language.
const MaxMinutesLength = 50000

// Minutes are the record of one contribution or session, written by the
// event's team in the event's languages. Body is a small Markdown subset
// (see internal/outcomes/markdown.go); a line starting with "! " is a key
// message. Revision counts the saves: a save naming an older revision is
// refused, so that no one's text is lost to a concurrent edit.
type Minutes struct {
	ID             string        `json:"id"`
	EventID        string        `json:"event_id"`
	ContributionID string        `json:"contribution_id,omitempty"`
	SessionID      string        `json:"session_id,omitempty"`
	Body           LocalizedText `json:"body"`
	Status         string        `json:"status"`
	Revision       int           `json:"revision"`
	UpdatedAt      time.Time     `json:"updated_at"`
	UpdatedBy      string        `json:"updated_by,omitempty"`
	UpdatedByName  string        `json:"updated_by_name,omitempty"`
}

// MinutesRevision is one saved state of minutes, kept for ever.
type MinutesRevision struct {
	Revision int           `json:"revision"`
	Body     LocalizedText `json:"body"`
	Status   string        `json:"status"`
	At       time.Time     `json:"at"`
	ByName   string        `json:"by_name,omitempty"`
}

// Validate checks the minutes' text and state against the event's
// languages.
func (m *Minutes) Validate(p *Problems, e *Event) {
	m.Body = m.Body.Clean()
	m.Body.Validate(p, "body", false, MaxMinutesLength, true)
	for _, lang := range m.Body.Languages() {
		if len(e.Languages) > 0 && !slices.Contains(e.Languages, lang) {
			p.Add("body."+lang, "error.field.language_unknown", "Lang", lang)
		}
	}
	m.Status = oneOf(p, "status", m.Status, MinutesDraft, MinutesStates)
}

// keyMessage marks a key message: a line of minutes starting with "! ".
var keyMessage = regexp.MustCompile(`(?m)^!\s+(.+?)\s*$`)

// KeyMessages returns the key messages marked in a text of minutes, in
// their order.
func KeyMessages(text string) []string {
	var out []string
	for _, m := range keyMessage.FindAllStringSubmatch(strings.ReplaceAll(text, "\r\n", "\n"), -1) {
		out = append(out, m[1])
	}
	return out
}

// Who may see a material.
const (
	SeenByEveryone     = "everyone"
	SeenByParticipants = "participants"
	SeenBySpeakers     = "speakers"
	SeenByManagers     = "managers"
)

// MaterialVisibilities lists who a material may be shown to, widest first.
var MaterialVisibilities = []string{SeenByEveryone, SeenByParticipants, SeenBySpeakers, SeenByManagers}

// Material is a file of a contribution or session (slides, a paper), with
// every version kept; its fields describe the current version.
type Material struct {
	ID             string        `json:"id"`
	EventID        string        `json:"event_id"`
	ContributionID string        `json:"contribution_id,omitempty"`
	SessionID      string        `json:"session_id,omitempty"`
	Title          LocalizedText `json:"title"`
	Visibility     string        `json:"visibility"`
	Version        int           `json:"version"`
	FileName       string        `json:"file_name"`
	ContentType    string        `json:"content_type"`
	Size           int64         `json:"size"`
	SHA256         string        `json:"sha256"`
	CreatedAt      time.Time     `json:"created_at"`
	UpdatedAt      time.Time     `json:"updated_at"`
}

// MaterialVersion is one stored version of a material's file.
type MaterialVersion struct {
	Version     int       `json:"version"`
	FileName    string    `json:"file_name"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	CreatedAt   time.Time `json:"created_at"`
	CreatedBy   string    `json:"-"`
	Data        []byte    `json:"-"`
}

// Photo consent answers: a registrant agrees to be photographed and shown,
// refuses, or has not answered (which counts as no on public pages).
const (
	PhotoConsentYes        = "yes"
	PhotoConsentNo         = "no"
	PhotoConsentUnanswered = ""
)

// EventPhoto is a photo of an event or one of its contributions, stored
// upright at several widths with its metadata stripped.
type EventPhoto struct {
	ID             string        `json:"id"`
	EventID        string        `json:"event_id"`
	ContributionID string        `json:"contribution_id,omitempty"`
	Caption        LocalizedText `json:"caption"`
	Credit         string        `json:"credit"`
	Licence        string        `json:"licence"`
	InReport       bool          `json:"in_report"`
	PersonIDs      []string      `json:"person_ids"`
	Widths         []int         `json:"widths"`
	CreatedAt      time.Time     `json:"created_at"`
}

// Validate checks a photo's caption, credit and licence.
func (ph *EventPhoto) Validate(p *Problems) {
	ph.Caption = ph.Caption.Clean()
	ph.Caption.Validate(p, "caption", false, 500, false)
	ph.Credit = strings.TrimSpace(ph.Credit)
	ph.Licence = strings.TrimSpace(ph.Licence)
	plainField(p, "credit", ph.Credit, 200, true)
	plainField(p, "licence", ph.Licence, 200, false)
}

// plainField checks a one-line text field.
func plainField(p *Problems, field, value string, maxLen int, required bool) {
	switch {
	case required && value == "":
		p.Add(field, "error.field.required")
	case len([]rune(value)) > maxLen:
		p.Add(field, "error.field.too_long", "Max", maxLen)
	case hasControl(value, false):
		p.Add(field, "error.field.control_chars")
	}
}
