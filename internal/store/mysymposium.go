package store

import (
	"context"
	"time"

	"symposium"
)

// myEvents collects a person's items by event as the queries of
// MySymposium find them.
type myEvents struct {
	byID  map[string]*symposium.MyEvent
	order []*symposium.MyEvent
}

// myEventColumns are the event's columns every query of MySymposium reads
// first.
const myEventColumns = `e.id, e.slug, e.title, e.starts_at, e.ends_at, e.timezone`

// scan reads the event's columns, then the item's, and returns the event.
func (m *myEvents) scan(sc scanner, item ...any) (*symposium.MyEvent, error) {
	var e symposium.MyEvent
	cols := append([]any{&e.ID, &e.Slug, jsonCol{&e.Title}, timeCol{&e.StartsAt}, timeCol{&e.EndsAt}, &e.Timezone}, item...)
	if err := sc.Scan(cols...); err != nil {
		return nil, err
	}
	if have := m.byID[e.ID]; have != nil {
		return have, nil
	}
	e.Roles, e.Registrations, e.Abstracts, e.Reviews = []string{}, []symposium.MyRegistration{}, []symposium.MyAbstract{}, []symposium.MyReview{}
	e.Talks, e.Chairing, e.Meetings = []symposium.MyTalk{}, []symposium.MySession{}, []symposium.MyMeeting{}
	m.byID[e.ID] = &e
	m.order = append(m.order, &e)
	return &e, nil
}

// MySymposium gathers the subject's part in every event: their roles,
// registrations (with the place in the queue of a waitlisted one),
// abstracts, reviews still to submit, talks, sessions they chair and live
// matchmaking meetings. Events come in no particular order.
func (s *Store) MySymposium(ctx context.Context, sub DataSubject) ([]*symposium.MyEvent, error) {
	m := &myEvents{byID: map[string]*symposium.MyEvent{}}
	ids := jsonText(orEmpty(sub.PersonIDs))
	uid := ""
	if sub.User != nil {
		uid = sub.User.ID
	}
	parts := []func() error{
		func() error { return s.myRoles(ctx, m, uid) },
		func() error { return s.myRegistrations(ctx, m, sub.Email, ids) },
		func() error { return s.myAbstracts(ctx, m, uid, ids) },
		func() error { return s.myReviews(ctx, m, uid) },
		func() error { return s.myTalks(ctx, m, ids) },
		func() error { return s.myChairing(ctx, m, ids) },
		func() error { return s.myMeetings(ctx, m, ids) },
	}
	for _, part := range parts {
		if err := part(); err != nil {
			return nil, err
		}
	}
	return m.order, nil
}

// myRoles reads the roles the account holds at events.
func (s *Store) myRoles(ctx context.Context, m *myEvents, uid string) error {
	return s.each(ctx, "my symposium: roles", `SELECT `+myEventColumns+`, r.role
		FROM event_roles r JOIN events e ON e.id = r.event_id WHERE r.user_id = $1 ORDER BY r.role`, func(sc scanner) error {
		var role string
		e, err := m.scan(sc, &role)
		if err == nil {
			e.Roles = append(e.Roles, role)
		}
		return err
	}, uid)
}

// myRegistrations reads the registrations under the email or naming one
// of the people, but not cancelled or rejected ones, each waitlisted one
// with its place in its category's queue.
func (s *Store) myRegistrations(ctx context.Context, m *myEvents, email, ids string) error {
	return s.each(ctx, "my symposium: registrations", `SELECT `+myEventColumns+`, r.id, c.name, r.status, r.checked_in_at, r.created_at,
		`+waitlistPlace+`
		FROM registrations r JOIN events e ON e.id = r.event_id JOIN registration_categories c ON c.id = r.category_id
		WHERE ((r.email = $1 AND $1 <> '') OR r.person_id IN (SELECT value FROM `+s.d.jsonEach("$2")+`))
		  AND r.status IN ('confirmed', 'waitlisted', 'pending')
		ORDER BY r.created_at, r.id`, func(sc scanner) error {
		var r symposium.MyRegistration
		var checked time.Time
		e, err := m.scan(sc, &r.ID, jsonCol{&r.Category}, &r.Status, timeCol{&checked}, timeCol{&r.CreatedAt}, &r.WaitlistPlace)
		if err != nil {
			return err
		}
		if !checked.IsZero() {
			r.CheckedInAt = &checked
		}
		e.Registrations = append(e.Registrations, r)
		return nil
	}, email, ids)
}

// myAbstracts reads the abstracts the account submitted or the people
// wrote or present.
func (s *Store) myAbstracts(ctx context.Context, m *myEvents, uid, ids string) error {
	in := `(SELECT value FROM ` + s.d.jsonEach("$2") + `)`
	return s.each(ctx, "my symposium: abstracts", `SELECT `+myEventColumns+`, a.id, a.title, a.status
		FROM abstracts a JOIN events e ON e.id = a.event_id
		WHERE a.submitter_id = $1 OR a.presenter_id IN `+in+`
		   OR a.id IN (SELECT abstract_id FROM abstract_authors WHERE person_id IN `+in+`)
		ORDER BY a.created_at, a.id`, func(sc scanner) error {
		var a symposium.MyAbstract
		e, err := m.scan(sc, &a.ID, jsonCol{&a.Title}, &a.Status)
		if err == nil {
			e.Abstracts = append(e.Abstracts, a)
		}
		return err
	}, uid, ids)
}

// myReviews reads the abstracts assigned to the account for review whose
// review is not submitted, while they await a decision.
func (s *Store) myReviews(ctx context.Context, m *myEvents, uid string) error {
	return s.each(ctx, "my symposium: reviews", `SELECT `+myEventColumns+`, a.id, a.title, r.id IS NOT NULL
		FROM assignments x JOIN abstracts a ON a.id = x.abstract_id JOIN events e ON e.id = a.event_id
		LEFT JOIN reviews r ON r.abstract_id = x.abstract_id AND r.user_id = x.user_id
		WHERE x.user_id = $1 AND a.status = 'submitted' AND (r.id IS NULL OR NOT r.submitted)
		ORDER BY x.assigned_at, a.id`, func(sc scanner) error {
		var r symposium.MyReview
		e, err := m.scan(sc, &r.AbstractID, jsonCol{&r.Title}, &r.Started)
		if err == nil {
			e.Reviews = append(e.Reviews, r)
		}
		return err
	}, uid)
}

// myTalks reads the contributions the people speak at, with their time
// and room where placed.
func (s *Store) myTalks(ctx context.Context, m *myEvents, ids string) error {
	return s.each(ctx, "my symposium: talks", `SELECT DISTINCT `+myEventColumns+`, c.id, c.title, c.kind, c.starts_at, c.duration_minutes,
		COALESCE(r.name, '{}')
		FROM contribution_speakers cs JOIN contributions c ON c.id = cs.contribution_id JOIN events e ON e.id = c.event_id
		LEFT JOIN rooms r ON r.id = c.room_id
		WHERE cs.person_id IN (SELECT value FROM `+s.d.jsonEach("$1")+`)`, func(sc scanner) error {
		var t symposium.MyTalk
		var start time.Time
		var minutes int
		e, err := m.scan(sc, &t.ContributionID, jsonCol{&t.Title}, &t.Kind, timeCol{&start}, &minutes, jsonCol{&t.Room})
		if err != nil {
			return err
		}
		if !start.IsZero() {
			end := start.Add(time.Duration(minutes) * time.Minute)
			t.StartsAt, t.EndsAt = &start, &end
		}
		e.Talks = append(e.Talks, t)
		return nil
	}, ids)
}

// myChairing reads the sessions one of the people convenes, each from
// its first placed entry's start to its last one's end.
func (s *Store) myChairing(ctx context.Context, m *myEvents, ids string) error {
	sessions := map[string]*symposium.MySession{}
	var order []string
	events := map[string]*symposium.MyEvent{}
	err := s.each(ctx, "my symposium: chairing", `SELECT `+myEventColumns+`, ps.id, ps.title, COALESCE(r.name, '{}'),
		c.starts_at, COALESCE(c.duration_minutes, 0)
		FROM programme_sessions ps JOIN events e ON e.id = ps.event_id
		LEFT JOIN rooms r ON r.id = ps.room_id
		LEFT JOIN contributions c ON c.session_id = ps.id AND c.starts_at IS NOT NULL
		WHERE EXISTS (SELECT 1 FROM `+s.d.jsonEach("ps.conveners")+` WHERE value IN (SELECT value FROM `+s.d.jsonEach("$1")+`))`,
		func(sc scanner) error {
			var ses symposium.MySession
			var start time.Time
			var minutes int
			e, err := m.scan(sc, &ses.SessionID, jsonCol{&ses.Title}, jsonCol{&ses.Room}, timeCol{&start}, &minutes)
			if err != nil {
				return err
			}
			have := sessions[ses.SessionID]
			if have == nil {
				have = &ses
				sessions[ses.SessionID], events[ses.SessionID] = have, e
				order = append(order, ses.SessionID)
			}
			if !start.IsZero() {
				widen(have, start, start.Add(time.Duration(minutes)*time.Minute))
			}
			return nil
		}, ids)
	for _, id := range order {
		events[id].Chairing = append(events[id].Chairing, *sessions[id])
	}
	return err
}

// widen stretches a session's time to hold an entry from start to end.
func widen(s *symposium.MySession, start, end time.Time) {
	if s.StartsAt == nil || start.Before(*s.StartsAt) {
		s.StartsAt = &start
	}
	if s.EndsAt == nil || end.After(*s.EndsAt) {
		s.EndsAt = &end
	}
}

// myMeetings reads the scheduled or held matchmaking meetings of the
// people, each with the other party's name.
func (s *Store) myMeetings(ctx context.Context, m *myEvents, ids string) error {
	in := `(SELECT value FROM ` + s.d.jsonEach("$1") + `)`
	return s.each(ctx, "my symposium: meetings", `SELECT `+myEventColumns+`, mt.id, COALESCE(p.name, '{}'),
		sl.starts_at, sl.ends_at, mt.table_no, mt.status
		FROM meetings mt JOIN events e ON e.id = mt.event_id JOIN matchmaking_slots sl ON sl.id = mt.slot_id
		LEFT JOIN people p ON p.id = CASE WHEN mt.a_id IN `+in+` THEN mt.b_id ELSE mt.a_id END
		WHERE (mt.a_id IN `+in+` OR mt.b_id IN `+in+`) AND mt.status IN ('scheduled', 'held')`, func(sc scanner) error {
		var mt symposium.MyMeeting
		e, err := m.scan(sc, &mt.ID, jsonCol{&mt.With}, timeCol{&mt.StartsAt}, timeCol{&mt.EndsAt}, &mt.Table, &mt.Status)
		if err == nil {
			e.Meetings = append(e.Meetings, mt)
		}
		return err
	}, ids)
}
