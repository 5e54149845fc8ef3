package symposium

import "time"

// Timetable is an event's scheduled programme, ordered by start and then by
// room, with times in the event's zone.
type Timetable struct {
	Timezone string           `json:"timezone"`
	Entries  []TimetableEntry `json:"entries"`
}

// TimetableEntry is one scheduled contribution with its room and speakers.
type TimetableEntry struct {
	ID       string        `json:"id"`
	Title    LocalizedText `json:"title"`
	Kind     string        `json:"kind"`
	StartsAt time.Time     `json:"starts_at"`
	EndsAt   time.Time     `json:"ends_at"`
	Room     *RoomRef      `json:"room,omitempty"`
	Session  *SessionRef   `json:"session,omitempty"`
	Speakers []PersonRef   `json:"speakers"`
	Topics   []string      `json:"topics,omitempty"`
}

// RoomRef names a room.
type RoomRef struct {
	ID   string        `json:"id"`
	Name LocalizedText `json:"name"`
}

// SessionRef names the session an entry belongs to, with its colour.
type SessionRef struct {
	ID     string        `json:"id"`
	Title  LocalizedText `json:"title"`
	Colour string        `json:"colour,omitempty"`
}

// PersonRef names a person.
type PersonRef struct {
	ID   string        `json:"id"`
	Name LocalizedText `json:"name"`
}

// Days returns the days of the timetable in the event's zone, each with its
// entries, in order.
func (tt *Timetable) Days(loc *time.Location) []TimetableDay {
	var days []TimetableDay
	for _, e := range tt.Entries {
		start := e.StartsAt.In(loc)
		y, m, d := start.Date()
		day := time.Date(y, m, d, 0, 0, 0, 0, loc)
		if len(days) == 0 || !days[len(days)-1].Date.Equal(day) {
			days = append(days, TimetableDay{Date: day})
		}
		days[len(days)-1].Entries = append(days[len(days)-1].Entries, e)
	}
	return days
}

// TimetableDay is one day of a timetable.
type TimetableDay struct {
	Date    time.Time
	Entries []TimetableEntry
}
