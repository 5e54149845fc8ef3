package symposium

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// MatchmakingProfile is what a participant offers and seeks at an event's
// matchmaking, the topics and languages they meet in, and the slots they
// keep free of meetings.
type MatchmakingProfile struct {
	EventID     string        `json:"-"`
	PersonID    string        `json:"person_id"`
	Offers      LocalizedText `json:"offers"`
	Seeks       LocalizedText `json:"seeks"`
	Topics      []string      `json:"topics"`
	Languages   []string      `json:"languages"`
	BusySlotIDs []string      `json:"busy_slot_ids"`
	// FeedToken is the secret of the personal calendar feed.
	FeedToken string    `json:"-"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate records problems with the profile, whose busy slots must be
// among the event's.
func (pr *MatchmakingProfile) Validate(p *Problems, m *Matchmaking) {
	pr.Offers, pr.Seeks = pr.Offers.Clean(), pr.Seeks.Clean()
	pr.Offers.Validate(p, "offers", false, MaxProfileText, true)
	pr.Seeks.Validate(p, "seeks", false, MaxProfileText, true)
	if pr.Offers.IsEmpty() && pr.Seeks.IsEmpty() {
		p.Add("offers", "error.matchmaking.offers_or_seeks")
	}
	for i, t := range pr.Topics {
		if !IsTopic(t) {
			p.Add(fieldIndex("topics", i, ""), "error.field.topic")
		}
	}
	if len(pr.Languages) == 0 {
		p.Add("languages", "error.field.required")
	}
	if len(pr.Languages) > MaxMeetingLanguage {
		p.Add("languages", "error.field.too_many", "Max", MaxMeetingLanguage)
	}
	for i, l := range pr.Languages {
		if !IsLanguageCode(l) {
			p.Add(fieldIndex("languages", i, ""), "error.field.language_unknown", "Lang", l)
		}
	}
	for i, id := range pr.BusySlotIDs {
		if m.Slot(id) == nil {
			p.Add(fieldIndex("busy_slot_ids", i, ""), "error.field.unknown_reference")
		}
	}
	pr.Topics = uniq(pr.Topics)
	pr.Languages = uniq(pr.Languages)
	pr.BusySlotIDs = uniq(pr.BusySlotIDs)
}

// MeetingRequest asks for a meeting between two parties (participants or
// delegations): its message, its priority (the weight), and its status.
type MeetingRequest struct {
	ID       string `json:"id"`
	EventID  string `json:"-"`
	FromID   string `json:"from"`
	ToID     string `json:"to"`
	Priority int    `json:"priority"`
	Message  string `json:"message,omitempty"`
	Status   string `json:"status"`
	// Approved says a manager let the request count, where the event asks
	// for approval.
	Approved  bool      `json:"approved"`
	ByManager bool      `json:"by_manager"`
	CreatedBy string    `json:"-"`
	CreatedAt time.Time `json:"created_at"`
}

// Validate records problems with the request's own fields.
func (r *MeetingRequest) Validate(p *Problems) {
	r.Message = strings.TrimSpace(r.Message)
	if r.Priority == 0 {
		r.Priority = PriorityShould
	}
	if r.Priority < PriorityCould || r.Priority > PriorityMust {
		p.Add("priority", "error.field.between", "Min", PriorityCould, "Max", PriorityMust)
	}
	if utf8.RuneCountInString(r.Message) > MaxMeetingMessage {
		p.Add("message", "error.field.too_long", "Max", MaxMeetingMessage)
	}
	if hasControl(r.Message, true) {
		p.Add("message", "error.field.control_chars")
	}
	if r.ToID == "" {
		p.Add("to", "error.field.required")
	}
	if r.FromID != "" && r.FromID == r.ToID {
		p.Add("to", "error.matchmaking.request_self")
	}
}

// Expired reports whether the request is still pending once requests
// closed at now: it lapses unanswered.
func (r *MeetingRequest) Expired(m *Matchmaking, now time.Time) bool {
	return r.Status == RequestPending && !now.Before(m.ClosesAt)
}

// Counts reports whether an accepted request counts for the schedule.
func (r *MeetingRequest) Counts() bool { return r.Status == RequestAccepted && r.Approved }

// Meeting is a scheduled meeting of two parties in a slot, at a table.
type Meeting struct {
	ID          string    `json:"id"`
	EventID     string    `json:"-"`
	RequestID   string    `json:"request_id"`
	A           string    `json:"a"`
	B           string    `json:"b"`
	SlotID      string    `json:"slot_id"`
	Table       int       `json:"table"`
	Interpreter string    `json:"interpreter,omitempty"`
	Weight      int       `json:"weight"`
	Status      string    `json:"status"`
	StartsAt    time.Time `json:"starts_at"`
	EndsAt      time.Time `json:"ends_at"`
	// FollowUp answers "Follow-up planned?" after the meeting: "",
	// FollowUpYes or FollowUpNo.
	FollowUp string `json:"follow_up,omitempty"`
	// MarkedBy is the account that last marked the meeting.
	MarkedBy string `json:"-"`
}

// Answers to "Follow-up planned?" after a meeting held.
const (
	FollowUpYes = "yes"
	FollowUpNo  = "no"
)

// MaxFollowUpText bounds the text of a planned follow-up.
const MaxFollowUpText = MaxTitleLength

// Occupies reports whether the meeting takes its parties' time and its
// table in its slot: a meeting cancelled or missed ("did not come") leaves
// both free, so that the slot may go to another meeting.
func (m *Meeting) Occupies() bool {
	return m.Status == MeetingScheduled || m.Status == MeetingHeld
}

// Live reports whether the meeting still takes or took place.
func (m *Meeting) Live() bool { return m.Status != MeetingCancelled }

// uniq drops repeats and empty strings, keeping the order.
func uniq(list []string) []string {
	out := []string{}
	for _, s := range list {
		s = strings.TrimSpace(s)
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
