// Package outcomes keeps what an event leaves behind: the minutes of its
// contributions and sessions, the materials its speakers and team upload,
// its photos, the cooperation agreed there and followed afterwards, the
// report generated from its data, and the site's news. Every method takes
// the caller and checks the rules of access.go: what the caller may not
// see is "not found", what they see but may not change is "forbidden".
package outcomes

import (
	"context"
	"slices"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/store"
)

// Service reads and changes the outcomes of events.
type Service struct {
	store  *store.Store
	events *events.Service
	bundle *i18n.Bundle
	// BaseURL is where the site is reached, for links in mail and feeds.
	BaseURL string
	// Questions and Meetings count what live Q&A and matchmaking hold for
	// the report: the store's tables by default; nil counts nothing.
	Questions QuestionCounter
	Meetings  MeetingCounter
}

// New returns a Service that finds events and the caller's access to them
// through ev.
func New(st *store.Store, ev *events.Service, bundle *i18n.Bundle, baseURL string) *Service {
	return &Service{store: st, events: ev, bundle: bundle, BaseURL: baseURL, Questions: st, Meetings: storeMeetings{st}}
}

// storeMeetings counts meetings from the matchmaking tables of the store.
type storeMeetings struct{ st *store.Store }

// MeetingCounts implements MeetingCounter.
func (m storeMeetings) MeetingCounts(ctx context.Context, e *symposium.Event) (accepted, held int, perHour map[int]int, err error) {
	return m.st.MeetingCounts(ctx, e.ID, e.Location())
}

// QuestionCounter counts the questions asked at an event's contributions,
// and of them those answered.
type QuestionCounter interface {
	QuestionCounts(ctx context.Context, eventID string) (asked, answered int, err error)
}

// MeetingCounter counts an event's matchmaking meetings: those accepted by
// both people, those held, and the held ones per hour of the day in the
// event's zone.
type MeetingCounter interface {
	MeetingCounts(ctx context.Context, e *symposium.Event) (accepted, held int, perHour map[int]int, err error)
}

// visible returns the event with the slug and the caller's access, when
// the caller may see it.
func (s *Service) visible(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, symposium.Access, error) {
	return s.events.Visible(ctx, u, slug)
}

// require returns the event and access when the caller may see the event
// and allowed says they may do what they ask: unauthorized without a
// caller when the action needs an account (asked before anything is
// read), not found when they may not see the event, forbidden otherwise.
func (s *Service) require(ctx context.Context, u *symposium.User, slug string, allowed func(symposium.Access) bool) (*symposium.Event, symposium.Access, error) {
	if u == nil && !allowed(symposium.Access{}) {
		return nil, symposium.Access{}, symposium.Unauthorized() // before anything is read, so nothing is told
	}
	e, access, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, access, err
	}
	if err := access.Require(e, allowed(access)); err != nil {
		return nil, access, err
	}
	return e, access, nil
}

// speaks returns the IDs of the event's contributions where the caller
// speaks: a verified account whose email is a speaker's.
func (s *Service) speaks(ctx context.Context, u *symposium.User, eventID string) ([]string, error) {
	if u == nil || !u.Verified {
		return nil, nil
	}
	return s.store.SpeakerContributions(ctx, eventID, u.Email)
}

// contribution returns the event's contribution, or not found.
func (s *Service) contribution(ctx context.Context, e *symposium.Event, id string) (*symposium.Contribution, error) {
	return s.store.Contribution(ctx, e.ID, id)
}

// session returns the event's session, or not found.
func (s *Service) session(ctx context.Context, e *symposium.Event, id string) (*symposium.Session, error) {
	list, err := s.store.ProgrammeSessions(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(list, func(ps symposium.Session) bool { return ps.ID == id })
	if i < 0 {
		return nil, symposium.NotFound()
	}
	return &list[i], nil
}
