package symposium

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Priorities of a meeting request: how much the sender wants the meeting,
// which is its weight in the schedule.
const (
	PriorityCould  = 1
	PriorityShould = 2
	PriorityMust   = 3
)

// Statuses of a meeting request.
const (
	RequestPending   = "pending"
	RequestAccepted  = "accepted"
	RequestDeclined  = "declined"
	RequestCancelled = "cancelled"
)

// Statuses of a meeting.
const (
	MeetingScheduled = "scheduled"
	MeetingHeld      = "held"
	MeetingNoShow    = "no_show"
	MeetingCancelled = "cancelled"
)

// Limits on matchmaking input.
const (
	MaxMeetingSlots    = 200
	MaxTablesPerSlot   = 5000
	MaxMeetingMessage  = 1000
	MaxProfileText     = 2000
	MaxMeetingLanguage = 10
)

// Matchmaking is an event's matchmaking: its meeting slots with their
// tables, when requests open and close, how many requests a person may
// send, whether managers approve requests before they count, and the
// tables, interpreters and delegations the schedule knows of.
type Matchmaking struct {
	EventID  string    `json:"-"`
	OpensAt  time.Time `json:"opens_at"`
	ClosesAt time.Time `json:"closes_at"`
	// RequestsPerPerson caps the requests one person sends; 0 is no cap.
	RequestsPerPerson int  `json:"requests_per_person"`
	Approval          bool `json:"approval" doc:"Managers approve requests before they count."`
	// IndustryScience favours meetings between companies and research
	// in the recommendations.
	IndustryScience bool                 `json:"industry_science"`
	Slots           []MeetingSlot        `json:"slots"`
	Tables          []MeetingTable       `json:"tables,omitempty"`
	Interpreters    []MeetingInterpreter `json:"interpreters,omitempty"`
	Delegations     []Delegation         `json:"delegations,omitempty"`
	// The last published schedule's weight and proven bound.
	PublishedWeight int        `json:"published_weight"`
	PublishedBound  int        `json:"published_bound"`
	PublishedAt     *time.Time `json:"published_at,omitempty"`
}

// MeetingSlot is a time in which everyone holds at most one meeting, at
// one of Tables shared tables numbered from 1.
type MeetingSlot struct {
	ID       string    `json:"id"`
	StartsAt time.Time `json:"starts_at"`
	EndsAt   time.Time `json:"ends_at"`
	Tables   int       `json:"tables"`
}

// MeetingTable names a table, and may reserve it for one participant (a
// company with a booth), whose meetings all take place there. A reserved
// table's number is above every slot's shared tables.
type MeetingTable struct {
	Number   int    `json:"number"`
	Name     string `json:"name,omitempty"`
	HolderID string `json:"holder_id,omitempty"`
}

// MeetingInterpreter interprets at one table per slot between any two of
// their languages.
type MeetingInterpreter struct {
	ID        string   `json:"id,omitempty"`
	Name      string   `json:"name"`
	Languages []string `json:"languages"`
}

// Delegation is an official delegation that meets as one party, taking
// every member's slot.
type Delegation struct {
	ID      string        `json:"id,omitempty"`
	Name    LocalizedText `json:"name"`
	Members []string      `json:"members"`
}

// Open reports whether requests may be sent at now.
func (m *Matchmaking) Open(now time.Time) bool {
	return !now.Before(m.OpensAt) && now.Before(m.ClosesAt)
}

// Slot returns the slot with the ID, or nil.
func (m *Matchmaking) Slot(id string) *MeetingSlot {
	for i := range m.Slots {
		if m.Slots[i].ID == id {
			return &m.Slots[i]
		}
	}
	return nil
}

// Delegation returns the delegation with the ID, or nil.
func (m *Matchmaking) Delegation(id string) *Delegation {
	for i := range m.Delegations {
		if m.Delegations[i].ID == id {
			return &m.Delegations[i]
		}
	}
	return nil
}

// ReservedTable returns the number of the table reserved for a party, or 0.
func (m *Matchmaking) ReservedTable(party string) int {
	for _, t := range m.Tables {
		if t.HolderID == party {
			return t.Number
		}
	}
	return 0
}

// TableNumbers lists every table: the shared ones of the largest slot,
// then the named and reserved ones above them.
func (m *Matchmaking) TableNumbers() []int {
	var out []int
	shared := 0
	for _, s := range m.Slots {
		shared = max(shared, s.Tables)
	}
	for n := 1; n <= shared; n++ {
		out = append(out, n)
	}
	for _, t := range m.Tables {
		if t.Number > shared {
			out = append(out, t.Number)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TableName returns the name of a table, or its number.
func (m *Matchmaking) TableName(n int) string {
	for _, t := range m.Tables {
		if t.Number == n && t.Name != "" {
			return t.Name
		}
	}
	return itoa(n)
}

// Validate records problems with the settings. Slots must not overlap,
// end after they start and have tables; reserved tables lie above every
// slot's shared tables; interpreters and delegations are named.
func (m *Matchmaking) Validate(p *Problems) {
	if m.OpensAt.IsZero() {
		p.Add("opens_at", "error.field.required")
	}
	if m.ClosesAt.IsZero() {
		p.Add("closes_at", "error.field.required")
	} else if !m.ClosesAt.After(m.OpensAt) {
		p.Add("closes_at", "error.field.ends_before_start")
	}
	if m.RequestsPerPerson < 0 || m.RequestsPerPerson > 1000 {
		p.Add("requests_per_person", "error.field.between", "Min", 0, "Max", 1000)
	}
	m.validateSlots(p)
	m.validateTables(p)
	m.validateInterpreters(p)
	m.validateDelegations(p)
}

// validateSlots sorts the slots by time and records problems with them.
func (m *Matchmaking) validateSlots(p *Problems) {
	if len(m.Slots) == 0 {
		p.Add("slots", "error.field.required")
	}
	if len(m.Slots) > MaxMeetingSlots {
		p.Add("slots", "error.field.too_many", "Max", MaxMeetingSlots)
	}
	for i, s := range m.Slots {
		if s.StartsAt.IsZero() {
			p.Add(fieldIndex("slots", i, "starts_at"), "error.field.required")
		}
		if !s.EndsAt.After(s.StartsAt) {
			p.Add(fieldIndex("slots", i, "ends_at"), "error.field.ends_before_start")
		}
		if s.Tables < 0 || s.Tables > MaxTablesPerSlot {
			p.Add(fieldIndex("slots", i, "tables"), "error.field.between", "Min", 0, "Max", MaxTablesPerSlot)
		}
		for j := range i {
			if s.StartsAt.Before(m.Slots[j].EndsAt) && m.Slots[j].StartsAt.Before(s.EndsAt) {
				p.Add(fieldIndex("slots", i, "starts_at"), "error.matchmaking.slots_overlap")
				break
			}
		}
	}
}

// validateTables records problems with named and reserved tables.
func (m *Matchmaking) validateTables(p *Problems) {
	shared := 0
	for _, s := range m.Slots {
		shared = max(shared, s.Tables)
	}
	seen := map[int]bool{}
	holders := map[string]bool{}
	for i, t := range m.Tables {
		t.Name = strings.TrimSpace(t.Name)
		m.Tables[i].Name = t.Name
		switch {
		case t.Number < 1:
			p.Add(fieldIndex("tables", i, "number"), "error.field.between", "Min", 1, "Max", MaxTablesPerSlot*2)
		case seen[t.Number]:
			p.Add(fieldIndex("tables", i, "number"), "error.field.duplicate")
		case t.HolderID != "" && t.Number <= shared:
			p.Add(fieldIndex("tables", i, "number"), "error.matchmaking.reserved_table_number", "Shared", shared)
		}
		if utf8.RuneCountInString(t.Name) > 100 {
			p.Add(fieldIndex("tables", i, "name"), "error.field.too_long", "Max", 100)
		}
		if t.HolderID != "" && holders[t.HolderID] {
			p.Add(fieldIndex("tables", i, "holder_id"), "error.field.duplicate")
		}
		seen[t.Number], holders[t.HolderID] = true, t.HolderID != ""
	}
}

// validateInterpreters records problems with the interpreters.
func (m *Matchmaking) validateInterpreters(p *Problems) {
	for i := range m.Interpreters {
		it := &m.Interpreters[i]
		it.Name = strings.TrimSpace(it.Name)
		if it.ID == "" {
			it.ID = NewID()
		}
		if it.Name == "" {
			p.Add(fieldIndex("interpreters", i, "name"), "error.field.required")
		}
		if len(it.Languages) < 2 {
			p.Add(fieldIndex("interpreters", i, "languages"), "error.matchmaking.interpreter_languages")
		}
		for j, l := range it.Languages {
			if !IsLanguageCode(l) {
				p.Add(fieldIndex("interpreters", i, "languages")+"."+itoa(j), "error.field.language_unknown", "Lang", l)
			}
		}
	}
}

// validateDelegations records problems with the delegations; their
// members are checked against the participants by the service.
func (m *Matchmaking) validateDelegations(p *Problems) {
	for i := range m.Delegations {
		d := &m.Delegations[i]
		d.Name = d.Name.Clean()
		if d.ID == "" {
			d.ID = NewID()
		}
		d.Name.Validate(p, fieldIndex("delegations", i, "name"), true, MaxTitleLength, false)
		if len(d.Members) < 2 {
			p.Add(fieldIndex("delegations", i, "members"), "error.matchmaking.delegation_members")
		}
	}
}

// itoa writes a small integer in decimal.
func itoa(n int) string { return strconv.Itoa(n) }
