package matchmaking

import (
	"context"

	"symposium"
)

// mailKeys are the subject and body of each mail about a request: to the
// receiver of a new one, and to the sender of an answered one.
var mailKeys = map[string][2]string{
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
