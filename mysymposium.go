package symposium

import (
	"cmp"
	"slices"
	"time"
)

// MySymposium is one signed-in person's part in every event: what they
// registered for, wrote, review, speak at, chair and manage, and the
// meetings matchmaking arranged for them. Events to come are listed first,
// soonest first, then past events, latest first.
type MySymposium struct {
	Events []*MyEvent `json:"events"`
}

// MyEvent is the person's part in one event.
type MyEvent struct {
	ID            string           `json:"-"`
	Slug          string           `json:"slug"`
	Title         LocalizedText    `json:"title"`
	StartsAt      time.Time        `json:"starts_at"`
	EndsAt        time.Time        `json:"ends_at"`
	Timezone      string           `json:"timezone"`
	Past          bool             `json:"past" doc:"The event has ended."`
	Roles         []string         `json:"roles"`
	Registrations []MyRegistration `json:"registrations"`
	Abstracts     []MyAbstract     `json:"abstracts"`
	Reviews       []MyReview       `json:"reviews" doc:"Abstracts assigned to the person whose review is not yet submitted."`
	Talks         []MyTalk         `json:"talks"`
	Chairing      []MySession      `json:"chairing"`
	Meetings      []MyMeeting      `json:"meetings"`
}

// MyRegistration is one of the person's registrations, with its ticket
// when confirmed and the place in the queue when waitlisted.
type MyRegistration struct {
	ID            string        `json:"id"`
	Category      LocalizedText `json:"category"`
	Status        string        `json:"status"`
	Ticket        string        `json:"ticket,omitempty"`
	WaitlistPlace int           `json:"waitlist_place,omitempty" doc:"1 for the next to be promoted."`
	CheckedInAt   *time.Time    `json:"checked_in_at,omitempty"`
	CreatedAt     time.Time     `json:"created_at"`
}

// MyAbstract is an abstract the person submitted, wrote or presents, with
// its status as released to its authors.
type MyAbstract struct {
	ID     string        `json:"id"`
	Title  LocalizedText `json:"title"`
	Status string        `json:"status"`
}

// MyReview is an abstract the person is to review.
type MyReview struct {
	AbstractID string        `json:"abstract_id"`
	Title      LocalizedText `json:"title"`
	Started    bool          `json:"started" doc:"A draft of the review is saved."`
}

// MyTalk is a contribution of the programme the person speaks at; an
// entry not yet placed in the timetable has no time.
type MyTalk struct {
	ContributionID string        `json:"contribution_id"`
	Title          LocalizedText `json:"title"`
	Kind           string        `json:"kind"`
	StartsAt       *time.Time    `json:"starts_at,omitempty"`
	EndsAt         *time.Time    `json:"ends_at,omitempty"`
	Room           LocalizedText `json:"room,omitempty"`
}

// MySession is a session the person chairs, from its first entry's start
// to its last entry's end; a session with nothing placed has no time.
type MySession struct {
	SessionID string        `json:"session_id"`
	Title     LocalizedText `json:"title"`
	StartsAt  *time.Time    `json:"starts_at,omitempty"`
	EndsAt    *time.Time    `json:"ends_at,omitempty"`
	Room      LocalizedText `json:"room,omitempty"`
}

// MyMeeting is a matchmaking meeting scheduled for the person.
type MyMeeting struct {
	ID       string        `json:"id"`
	With     LocalizedText `json:"with"`
	StartsAt time.Time     `json:"starts_at"`
	EndsAt   time.Time     `json:"ends_at"`
	Table    int           `json:"table"`
	Status   string        `json:"status"`
}

// Arrange marks the events that ended before now as past and orders the
// events, events to come first and soonest first, then past events,
// latest first, and each event's timed items by time.
func (m *MySymposium) Arrange(now time.Time) {
	for _, e := range m.Events {
		e.Past = !e.EndsAt.After(now)
		slices.SortStableFunc(e.Talks, func(a, b MyTalk) int { return compareStart(a.StartsAt, b.StartsAt) })
		slices.SortStableFunc(e.Chairing, func(a, b MySession) int { return compareStart(a.StartsAt, b.StartsAt) })
		slices.SortStableFunc(e.Meetings, func(a, b MyMeeting) int { return a.StartsAt.Compare(b.StartsAt) })
	}
	slices.SortStableFunc(m.Events, func(a, b *MyEvent) int {
		switch {
		case a.Past != b.Past && a.Past:
			return 1
		case a.Past != b.Past:
			return -1
		case a.Past:
			return cmp.Or(b.StartsAt.Compare(a.StartsAt), cmp.Compare(a.Slug, b.Slug))
		default:
			return cmp.Or(a.StartsAt.Compare(b.StartsAt), cmp.Compare(a.Slug, b.Slug))
		}
	})
}

// compareStart orders times, with an unknown time last.
func compareStart(a, b *time.Time) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return a.Compare(*b)
}
