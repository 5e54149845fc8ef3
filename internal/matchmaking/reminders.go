package matchmaking

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"symposium"
)

// ReminderLead is how long before a meeting its parties are reminded.
const ReminderLead = 15 * time.Minute

// Remind queues, for every scheduled meeting that starts within
// ReminderLead after now, a reminder to each person of both parties in
// their language, with the time, the table and the other party, and
// returns how many meetings it reminded of. Each meeting's reminders go
// once: they are queued in the transaction that marks it reminded.
func (s *Service) Remind(ctx context.Context, now time.Time) (int, error) {
	due, err := s.store.DueMeetings(ctx, now, now.Add(ReminderLead))
	if err != nil {
		return 0, fmt.Errorf("matchmaking: remind: %w", err)
	}
	pages := map[string]*Page{}
	n := 0
	for _, mt := range due {
		p := pages[mt.EventID]
		if p == nil {
			if p, err = s.feedPage(ctx, mt.EventID); err != nil {
				return n, fmt.Errorf("matchmaking: remind: %w", err)
			}
			pages[mt.EventID] = p
		}
		mails, err := s.meetingMails(ctx, p, mt, "reminder")
		if err != nil {
			return n, fmt.Errorf("matchmaking: remind: %w", err)
		}
		done, err := s.store.MarkMeetingReminded(ctx, mt.ID, mails)
		if err != nil {
			return n, err
		}
		if done {
			n++
		}
	}
	return n, nil
}

// Sweep sends the reminders every interval until ctx ends.
func (s *Service) Sweep(ctx context.Context, interval time.Duration, log *slog.Logger) {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		if n, err := s.Remind(ctx, s.now()); err != nil && ctx.Err() == nil {
			log.Error("matchmaking: remind", "err", err)
		} else if n > 0 {
			log.Info("matchmaking: reminded of meetings about to begin", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// feedPage loads an event's matchmaking for work no caller asked for.
func (s *Service) feedPage(ctx context.Context, eventID string) (*Page, error) {
	e, err := s.store.EventByID(ctx, eventID)
	if err != nil {
		return nil, err
	}
	m, err := s.store.Matchmaking(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	return &Page{Event: e, Matchmaking: m, Participant: map[string]bool{}}, nil
}

// meetingMails writes a mail about a meeting to every person of both its
// parties (a delegation's members), in each one's language, naming the
// time in the event's zone, the table and the other party: what is
// "reminder" (before the meeting) or "now" (a free slot taken at once).
// Only the parties in to are written to, or both when to is empty.
func (s *Service) meetingMails(ctx context.Context, p *Page, mt *symposium.Meeting, what string, to ...string) ([]symposium.Mail, error) {
	if len(to) == 0 {
		to = []string{mt.A, mt.B}
	}
	var out []symposium.Mail
	for _, party := range to {
		other := mt.B
		if party == mt.B {
			other = mt.A
		}
		ids := []string{party}
		if d := p.Matchmaking.Delegation(party); d != nil {
			ids = d.Members
		}
		for _, id := range ids {
			ml, err := s.meetingMail(ctx, p, mt, what, id, other)
			if err != nil {
				return nil, err
			}
			if ml != nil {
				out = append(out, *ml)
			}
		}
	}
	return out, nil
}

// meetingMail writes the mail about a meeting to one person, or returns
// nil when they have no email.
func (s *Service) meetingMail(ctx context.Context, p *Page, mt *symposium.Meeting, what, id, other string) (*symposium.Mail, error) {
	people, err := s.store.People(ctx, []string{id, other})
	if err != nil {
		return nil, err
	}
	person := people[id]
	if person == nil || person.Email == "" {
		return nil, nil
	}
	e := p.Event
	lang, err := s.languageOf(ctx, e, id)
	if err != nil {
		return nil, err
	}
	l := s.i18n.For(lang)
	name := person.Name.Get(lang, e.DefaultLanguage)
	otherName := partyName(p.Matchmaking, people, other).Get(lang, e.DefaultLanguage)
	at := mt.StartsAt.In(e.Location())
	link := s.baseURL + "/events/" + e.Slug + "/matchmaking/agenda?lang=" + lang
	args := []any{"Name", name, "Other", otherName, "Event", e.Title.Get(lang, e.DefaultLanguage), "Time", l.Time(at),
		"Date", l.DateTime(at), "TableName", p.Matchmaking.TableName(mt.Table), "Link", link}
	return &symposium.Mail{To: person.Email, ToName: name,
		Subject: l.T(mailKeys[what][0], args...),
		Text:    l.T(mailKeys[what][1], args...)}, nil
}
