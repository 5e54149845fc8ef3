package outcomes

import (
	"context"
	"sort"
	"strconv"

	"symposium"
)

// Count is one row of a chart: a key (a country code, a kind of
// organization, an hour) and its number.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Figures are the numbers of an event's report, counted from its data.
type Figures struct {
	Registered       int     `json:"registered" doc:"Confirmed registrations."`
	Participants     int     `json:"participants" doc:"Registrants checked in at the venue."`
	ByCountry        []Count `json:"by_country" doc:"Participants by country code, most first; \"\" is unknown."`
	ByKind           []Count `json:"by_organization_kind" doc:"Participants by kind of organization, most first; \"\" is unknown."`
	Speakers         int     `json:"speakers"`
	Contributions    int     `json:"contributions" doc:"Programme entries other than breaks."`
	Questions        int     `json:"questions" doc:"Questions asked in live Q&A."`
	Answered         int     `json:"questions_answered" doc:"Of the questions asked in live Q&A, those marked answered."`
	MeetingsAccepted int     `json:"meetings_accepted"`
	MeetingsHeld     int     `json:"meetings_held"`
	MeetingsPerHour  []Count `json:"meetings_per_hour" doc:"Meetings held per hour of the day, in the event's zone."`
	AgreementsSigned int     `json:"agreements_signed" doc:"Agreements signed, in progress or done."`
}

// figures counts the event's numbers; questions and meetings come from
// the counters when the services that hold them are wired in.
func (s *Service) figures(ctx context.Context, e *symposium.Event) (*Figures, error) {
	a, err := s.store.Attendance(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	f := &Figures{Registered: a.Registered, Participants: a.CheckedIn, ByCountry: sorted(a.ByCountry), ByKind: sorted(a.ByKind),
		Speakers: a.Speakers, Contributions: a.Contributions, AgreementsSigned: a.Signed,
		MeetingsPerHour: []Count{}}
	if s.Questions != nil {
		if f.Questions, f.Answered, err = s.Questions.QuestionCounts(ctx, e.ID); err != nil {
			return nil, err
		}
	}
	if s.Meetings != nil {
		accepted, held, perHour, err := s.Meetings.MeetingCounts(ctx, e)
		if err != nil {
			return nil, err
		}
		f.MeetingsAccepted, f.MeetingsHeld = accepted, held
		for h := 0; h < 24; h++ {
			if n := perHour[h]; n > 0 {
				f.MeetingsPerHour = append(f.MeetingsPerHour, Count{Key: hourLabel(h), Count: n})
			}
		}
	}
	return f, nil
}

// hourLabel writes an hour of the day as 09:00.
func hourLabel(h int) string {
	s := strconv.Itoa(h)
	if h < 10 {
		s = "0" + s
	}
	return s + ":00"
}

// sorted turns counts by key into rows, the largest first, then by key.
func sorted(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}
