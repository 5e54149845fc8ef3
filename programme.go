package symposium

import (
	"regexp"
	"strings"
	"time"
)

// Contribution kinds.
const (
	ContributionAddress    = "address"
	ContributionKeynote    = "keynote"
	ContributionTalk       = "talk"
	ContributionPanel      = "panel"
	ContributionDiscussion = "discussion"
	ContributionBreak      = "break"
	ContributionPoster     = "poster"
)

// ContributionKinds lists the kinds of programme entry.
var ContributionKinds = []string{
	ContributionAddress, ContributionKeynote, ContributionTalk, ContributionPanel,
	ContributionDiscussion, ContributionPoster, ContributionBreak,
}

// Room is a place within an event's venue where programme entries happen.
type Room struct {
	ID       string        `json:"id"`
	EventID  string        `json:"event_id"`
	Name     LocalizedText `json:"name"`
	Capacity int           `json:"capacity,omitempty"`
	Position int           `json:"position"`
}

// Contribution is an entry of the programme: an address, a keynote, a talk,
// a panel, a discussion, a poster or a break. It is scheduled once it has a
// start; until then it waits in the editor.
type Contribution struct {
	ID              string        `json:"id"`
	EventID         string        `json:"event_id"`
	Title           LocalizedText `json:"title"`
	Kind            string        `json:"kind"`
	Description     LocalizedText `json:"description,omitempty"`
	StartsAt        *time.Time    `json:"starts_at,omitempty"`
	DurationMinutes int           `json:"duration_minutes"`
	RoomID          string        `json:"room_id,omitempty"`
	SessionID       string        `json:"session_id,omitempty"`
	SpeakerIDs      []string      `json:"speaker_ids"`
	Topics          []string      `json:"topics,omitempty"`
	CreatedAt       time.Time     `json:"created_at"`
	// UpdatedAt is when the entry or its speakers last changed.
	UpdatedAt time.Time `json:"updated_at"`
}

// Session groups contributions under a title, with conveners and a colour.
type Session struct {
	ID          string        `json:"id"`
	EventID     string        `json:"event_id"`
	Title       LocalizedText `json:"title"`
	RoomID      string        `json:"room_id,omitempty"`
	Colour      string        `json:"colour,omitempty"`
	ConvenerIDs []string      `json:"convener_ids,omitempty"`
}

// MaxDurationMinutes bounds one programme entry: a day.
const MaxDurationMinutes = 24 * 60

// EndsAt returns when a scheduled contribution ends, or nil.
func (c *Contribution) EndsAt() *time.Time {
	if c.StartsAt == nil {
		return nil
	}
	t := c.StartsAt.Add(time.Duration(c.DurationMinutes) * time.Minute)
	return &t
}

// Validate records problems with the contribution's own fields; conflicts
// with the rest of the programme are found by the store.
func (c *Contribution) Validate(p *Problems) {
	c.Title, c.Description = c.Title.Clean(), c.Description.Clean()
	c.Title.Validate(p, "title", true, MaxTitleLength, false)
	c.Description.Validate(p, "description", false, MaxSummaryLength, true)
	c.Kind = oneOf(p, "kind", c.Kind, ContributionTalk, ContributionKinds)
	if c.DurationMinutes <= 0 || c.DurationMinutes > MaxDurationMinutes {
		p.Add("duration_minutes", "error.field.duration", "Max", MaxDurationMinutes)
	}
	if c.StartsAt != nil {
		t := c.StartsAt.UTC()
		c.StartsAt = &t
	}
	seen := map[string]bool{}
	var ids []string
	for _, id := range c.SpeakerIDs {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	c.SpeakerIDs = ids
	for i, t := range c.Topics {
		if !IsTopic(t) {
			p.Add(fieldIndex("topics", i, ""), "error.field.topic")
		}
	}
}

// Validate records problems with the room's fields.
func (r *Room) Validate(p *Problems) {
	r.Name = r.Name.Clean()
	r.Name.Validate(p, "name", true, MaxTitleLength, false)
	if r.Capacity < 0 || r.Capacity > 1_000_000 {
		p.Add("capacity", "error.field.invalid")
	}
}

var colourPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Validate records problems with the session's fields.
func (s *Session) Validate(p *Problems) {
	s.Title = s.Title.Clean()
	s.Title.Validate(p, "title", true, MaxTitleLength, false)
	s.Colour = strings.TrimSpace(s.Colour)
	if s.Colour != "" && !colourPattern.MatchString(s.Colour) {
		p.Add("colour", "error.field.colour")
	}
}

// Conflict kinds.
const (
	ConflictRoom         = "room"
	ConflictSpeaker      = "speaker"
	ConflictOutsideEvent = "outside_event"
)

// Conflict is a reason a programme entry cannot be where it is: its room is
// taken, one of its speakers is elsewhere, or it falls outside the event.
type Conflict struct {
	Kind string `json:"kind" enum:"room,speaker,outside_event"`
	// With is the entry it collides with, for room and speaker conflicts.
	With *ConflictEntry `json:"with,omitempty"`
	// RoomID is the room used twice, for room conflicts.
	RoomID string `json:"room_id,omitempty"`
	// PersonID is the speaker in two places, for speaker conflicts.
	PersonID   string        `json:"person_id,omitempty"`
	PersonName LocalizedText `json:"person_name,omitempty"`
}

// ConflictEntry names the programme entry a conflict is with.
type ConflictEntry struct {
	ID       string        `json:"id"`
	Title    LocalizedText `json:"title"`
	StartsAt time.Time     `json:"starts_at"`
	EndsAt   time.Time     `json:"ends_at"`
	RoomID   string        `json:"room_id,omitempty"`
}

// ConflictError is the error for a programme entry that would collide.
func ConflictError(conflicts []Conflict) *Error {
	e := Errorf(ECONFLICT, "error.programme_conflict")
	e.Detail = map[string]any{"conflicts": conflicts}
	return e
}

// OutsideDays says whether a scheduled contribution starts before the
// event's first day or ends after its last, days taken in the event's
// zone: as when the event moved and its programme stayed.
func (e *Event) OutsideDays(c *Contribution) bool {
	if c.StartsAt == nil {
		return false
	}
	loc := e.Location()
	midnight := func(t time.Time) time.Time {
		t = t.In(loc)
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
	}
	first, last := midnight(e.StartsAt), midnight(e.EndsAt).AddDate(0, 0, 1)
	return c.StartsAt.Before(first) || c.EndsAt().After(last)
}
