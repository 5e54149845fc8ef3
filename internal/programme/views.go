package programme

import (
	"context"
	"slices"
	"time"

	"symposium"
)

// Timetable is an event's scheduled programme as the caller sees it.
type Timetable struct {
	Event     *symposium.Event
	Access    symposium.Access
	Programme *symposium.Timetable // shared: not to be modified
	// Rooms are the event's rooms in their order, for the grid; only
	// Grid fills them.
	Rooms []symposium.Room
}

// Timetable returns the event's scheduled programme, for whoever may see
// the event.
func (s *Service) Timetable(ctx context.Context, u *symposium.User, slug string) (*Timetable, error) {
	e, access, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	tt, err := s.store.Timetable(ctx, e)
	if err != nil {
		return nil, err
	}
	return &Timetable{Event: e, Access: access, Programme: tt}, nil
}

// Grid is Timetable with the event's rooms, which lay the timetable out.
func (s *Service) Grid(ctx context.Context, u *symposium.User, slug string) (*Timetable, error) {
	t, err := s.Timetable(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	if t.Rooms, err = s.store.Rooms(ctx, t.Event.ID); err != nil {
		return nil, err
	}
	return t, nil
}

// Calendar returns what a calendar file of the event holds: with id "",
// every scheduled entry; otherwise the scheduled entry with that ID, and
// not found when there is none.
func (s *Service) Calendar(ctx context.Context, u *symposium.User, slug, id string) (*symposium.Event, []symposium.TimetableEntry, error) {
	t, err := s.Timetable(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	if id == "" {
		return t.Event, t.Programme.Entries, nil
	}
	for _, e := range t.Programme.Entries {
		if e.ID == id {
			return t.Event, []symposium.TimetableEntry{e}, nil
		}
	}
	return nil, nil, symposium.NotFound()
}

// Page is what the page of one contribution shows.
type Page struct {
	Event        *symposium.Event
	Access       symposium.Access
	Contribution *symposium.Contribution
	Room         *symposium.Room
	Speakers     []*symposium.Person
	Orgs         map[string]*symposium.Organization
	// Session is the entry's session, if any, and Chairs its conveners.
	Session *symposium.Session
	Chairs  []*symposium.Person
	// Prev and Next are the entries before and after it in the
	// timetable, for a scheduled entry.
	Prev, Next *symposium.Contribution
	// Materials counts the entry's materials the caller may see.
	Materials int
}

// Page returns the page of one entry of the event's programme, for
// whoever may see the event.
func (s *Service) Page(ctx context.Context, u *symposium.User, slug, id string) (*Page, error) {
	e, access, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	c, err := s.store.Contribution(ctx, e.ID, id)
	if err != nil {
		return nil, err
	}
	v := &Page{Event: e, Access: access, Contribution: c}
	if c.RoomID != "" {
		rooms, err := s.store.Rooms(ctx, e.ID)
		if err != nil {
			return nil, err
		}
		for i := range rooms {
			if rooms[i].ID == c.RoomID {
				v.Room = &rooms[i]
			}
		}
	}
	people, err := s.store.People(ctx, c.SpeakerIDs)
	if err != nil {
		return nil, err
	}
	for _, id := range c.SpeakerIDs {
		if p := people[id]; p != nil {
			v.Speakers = append(v.Speakers, p)
		}
	}
	v.Speakers = redact(u, v.Speakers)
	if v.Orgs, err = s.organizationsOf(ctx, v.Speakers); err != nil {
		return nil, err
	}
	return v, s.surroundings(ctx, u, v)
}

// Speakers are an event's speakers with their organizations.
type Speakers struct {
	// Event carries its organizers.
	Event    *symposium.Event
	Access   symposium.Access
	Speakers []*symposium.Person
	Orgs     map[string]*symposium.Organization
	// Outside counts, for the event's managers, the scheduled entries
	// outside the event's days.
	Outside int
	// RegistrationOpen and CallOpen say whether people may register for
	// the event, and submit abstracts to its call, now.
	RegistrationOpen, CallOpen bool
}

// Speakers returns the event, with its organizers, and the people who
// speak at it in the order of their first appearance, for whoever may see
// the event.
func (s *Service) Speakers(ctx context.Context, u *symposium.User, slug string) (*Speakers, error) {
	e, access, err := s.events.Get(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	people, err := s.store.EventSpeakers(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	v := &Speakers{Event: e, Access: access, Speakers: redact(u, people)}
	if v.Orgs, err = s.organizationsOf(ctx, v.Speakers); err != nil {
		return nil, err
	}
	if v.RegistrationOpen, v.CallOpen, err = s.openDoors(ctx, e, time.Now()); err != nil {
		return nil, err
	}
	if access.CanManage() {
		list, err := s.store.Contributions(ctx, e.ID)
		if err != nil {
			return nil, err
		}
		for i := range list {
			if e.OutsideDays(&list[i]) {
				v.Outside++
			}
		}
	}
	return v, nil
}

// organizationsOf returns the organizations of people, by ID.
func (s *Service) organizationsOf(ctx context.Context, people []*symposium.Person) (map[string]*symposium.Organization, error) {
	var ids []string
	for _, p := range people {
		if p.OrganizationID != "" {
			ids = append(ids, p.OrganizationID)
		}
	}
	return s.store.Organizations(ctx, ids)
}

// Editor is what the programme editor shows its managers: the timetable,
// every entry, the rooms and sessions, and the people who may be chosen as
// speakers and conveners.
type Editor struct {
	Timetable
	Sessions []symposium.Session
	List     []symposium.Contribution
	People   []*symposium.Person
	// LastChange is the caller's last change to the programme, which
	// undo reverts, or nil.
	LastChange *symposium.AuditEntry
}

// Editor returns the programme editor's content, for the event's
// managers. Its people are the event's speakers and conveners and those
// chosen, by ID, in a form being shown again; speakers are found by name
// through the people index rather than picked from a list of everyone.
func (s *Service) Editor(ctx context.Context, u *symposium.User, slug string, chosen ...string) (*Editor, error) {
	e, access, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	v := &Editor{Timetable: Timetable{Event: e, Access: access}}
	if v.Rooms, err = s.store.Rooms(ctx, e.ID); err != nil {
		return nil, err
	}
	if v.Sessions, err = s.store.ProgrammeSessions(ctx, e.ID); err != nil {
		return nil, err
	}
	if v.List, err = s.store.Contributions(ctx, e.ID); err != nil {
		return nil, err
	}
	if v.People, err = s.editorPeople(ctx, v, chosen); err != nil {
		return nil, err
	}
	v.People = redact(u, v.People)
	if v.LastChange, err = s.lastChange(ctx, u, e); err != nil {
		return nil, err
	}
	if v.Programme, err = s.store.Timetable(ctx, e); err != nil {
		return nil, err
	}
	return v, nil
}

// editorPeople returns the people the editor names: every speaker and
// convener of the programme and the people chosen, each once.
func (s *Service) editorPeople(ctx context.Context, v *Editor, chosen []string) ([]*symposium.Person, error) {
	ids := append([]string{}, chosen...)
	for _, c := range v.List {
		ids = append(ids, c.SpeakerIDs...)
	}
	for _, ps := range v.Sessions {
		ids = append(ids, ps.ConvenerIDs...)
	}
	var wanted []string
	for _, id := range ids {
		if symposium.IsID(id) && !slices.Contains(wanted, id) {
			wanted = append(wanted, id)
		}
	}
	found, err := s.store.People(ctx, wanted)
	if err != nil {
		return nil, err
	}
	var out []*symposium.Person
	for _, id := range wanted {
		if p := found[id]; p != nil {
			out = append(out, p)
		}
	}
	return out, nil
}

// openDoors says whether the event takes registrations at now, in at
// least one category, and whether its call for abstracts is open.
func (s *Service) openDoors(ctx context.Context, e *symposium.Event, now time.Time) (registration, call bool, err error) {
	if e.TakesRegistrations(now) {
		cats, err := s.store.Categories(ctx, e.ID)
		if err != nil {
			return false, false, err
		}
		for i := range cats {
			registration = registration || cats[i].IsOpen(now)
		}
	}
	c, err := s.store.Call(ctx, e.ID)
	switch {
	case symposium.ErrorCode(err) == symposium.ENOTFOUND:
		return registration, false, nil
	case err != nil:
		return false, false, err
	}
	return registration, c.IsOpen(now), nil
}
