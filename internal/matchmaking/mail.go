package matchmaking

import (
	"context"
	"slices"

	"symposium"
)

// mailKeys are the subject and body of each mail about a request (to the
// receiver of a new one, and to the sender of an answered one) and about
// a meeting (a reminder before it, and one placed in a free slot now).
var mailKeys = map[string][2]string{
	"reminder": {"mail.matchmaking.reminder.subject", "mail.matchmaking.reminder.body"},
	"now":      {"mail.matchmaking.now.subject", "mail.matchmaking.now.body"},
	"new":      {"mail.matchmaking.request.subject", "mail.matchmaking.request.body"},
	"accepted": {"mail.matchmaking.accepted.subject", "mail.matchmaking.accepted.body"},
	"declined": {"mail.matchmaking.declined.subject", "mail.matchmaking.declined.body"},
}

// requestMail writes the mail about a request to the party it concerns —
// the receiver of a new request, the sender of an answer — in their
// language, or returns nil when that party is a delegation or has no
// email.
func (s *Service) requestMail(ctx context.Context, p *Page, r *symposium.MeetingRequest, what string) (*symposium.Mail, error) {
	to, other := r.ToID, r.FromID
	if what != "new" {
		to, other = r.FromID, r.ToID
	}
	if p.Matchmaking.Delegation(to) != nil {
		return nil, nil
	}
	people, err := s.store.People(ctx, []string{to, other})
	if err != nil {
		return nil, err
	}
	person := people[to]
	if person == nil || person.Email == "" {
		return nil, nil
	}
	lang, err := s.languageOf(ctx, p.Event, to)
	if err != nil {
		return nil, err
	}
	l := s.i18n.For(lang)
	keys := mailKeys[what]
	e := p.Event
	title := e.Title.Get(lang, e.DefaultLanguage)
	name := person.Name.Get(lang, e.DefaultLanguage)
	otherName := partyName(p.Matchmaking, people, other).Get(lang, e.DefaultLanguage)
	link := s.baseURL + "/events/" + e.Slug + "/matchmaking/requests?lang=" + lang
	return &symposium.Mail{
		To: person.Email, ToName: name,
		Subject: l.T(keys[0], "Event", title, "Other", otherName),
		Text: l.T(keys[1], "Name", name, "Other", otherName, "Event", title, "Message", r.Message,
			"Priority", l.T(priorityKey(r.Priority)), "Link", link),
	}, nil
}

// languageOf returns the language to write to a person in: the one they
// registered in, else the first of their meeting languages the site
// speaks, else the event's default.
func (s *Service) languageOf(ctx context.Context, e *symposium.Event, personID string) (string, error) {
	lang, err := s.store.ParticipantLanguage(ctx, e.ID, personID)
	if err != nil || symposium.IsLanguage(lang) {
		return lang, err
	}
	pr, err := s.store.Profile(ctx, e.ID, personID)
	if err != nil && symposium.ErrorCode(err) != symposium.ENOTFOUND {
		return "", err
	}
	if pr != nil {
		for _, l := range pr.Languages {
			if symposium.IsLanguage(l) {
				return l, nil
			}
		}
	}
	return e.DefaultLanguage, nil
}

// priorityKey is the catalog key naming a priority.
func priorityKey(priority int) string {
	switch priority {
	case symposium.PriorityMust:
		return "matchmaking.priority.must"
	case symposium.PriorityCould:
		return "matchmaking.priority.could"
	}
	return "matchmaking.priority.should"
}

// agendaMails writes, for every participant whose meetings a published
// schedule adds or removes, a mail in their language saying how many
// meetings their agenda now holds, with its link. Delegations are told
// through their members.
func (s *Service) agendaMails(ctx context.Context, p *Page, pb *problem, sc *Schedule) ([]symposium.Mail, error) {
	changed := map[string]bool{}
	kept := map[string]bool{}
	for _, mt := range sc.Meetings {
		if mt.ID == "" {
			changed[mt.A], changed[mt.B] = true, true
		}
		kept[mt.ID] = true
	}
	for _, mt := range pb.live {
		if mt.Status == symposium.MeetingScheduled && !kept[mt.ID] {
			changed[mt.A], changed[mt.B] = true, true
		}
	}
	var ids []string
	for party := range changed {
		if d := p.Matchmaking.Delegation(party); d != nil {
			ids = append(ids, d.Members...)
		} else {
			ids = append(ids, party)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	people, err := s.store.People(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []symposium.Mail
	for _, id := range ids {
		person := people[id]
		if person == nil || person.Email == "" {
			continue
		}
		lang, err := s.languageOf(ctx, p.Event, id)
		if err != nil {
			return nil, err
		}
		parties := append([]string{id}, delegationsOf(p.Matchmaking, id)...)
		count := 0
		for _, mt := range sc.Meetings {
			if slices.Contains(parties, mt.A) || slices.Contains(parties, mt.B) {
				count++
			}
		}
		l := s.i18n.For(lang)
		title := p.Event.Title.Get(lang, p.Event.DefaultLanguage)
		name := person.Name.Get(lang, p.Event.DefaultLanguage)
		link := s.baseURL + "/events/" + p.Event.Slug + "/matchmaking/agenda?lang=" + lang
		out = append(out, symposium.Mail{To: person.Email, ToName: name,
			Subject: l.T("mail.matchmaking.agenda.subject", "Event", title),
			Text:    l.N("mail.matchmaking.agenda.body", count, "Name", name, "Event", title, "Link", link)})
	}
	return out, nil
}
