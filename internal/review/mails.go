package review

import (
	"context"
	"strings"

	"symposium"
)

// tellCoauthors mails every author of a new abstract, but the one who
// submitted it, that they are listed and may confirm.
func (s *Service) tellCoauthors(ctx context.Context, e *symposium.Event, submitter *symposium.User, a *symposium.Abstract) error {
	people, err := s.store.People(ctx, a.AuthorIDs)
	if err != nil {
		return err
	}
	for _, id := range a.AuthorIDs {
		p := people[id]
		if p == nil || p.Email == "" || p.Email == submitter.Email {
			continue
		}
		lang := personLanguage(p, e)
		l := s.i18n.For(lang)
		title := a.Title.Get(lang, a.Language)
		m := symposium.Mail{To: p.Email, ToName: p.Name.Get(lang, e.DefaultLanguage),
			Subject: l.T("mail.abstract.coauthor.subject", "Event", e.Title.Get(lang, e.DefaultLanguage)),
			Text: l.T("mail.abstract.coauthor.body", "Submitter", submitter.Name, "Title", title,
				"Event", e.Title.Get(lang, e.DefaultLanguage), "Link", s.baseURL+"/abstracts/"+a.ID+"?lang="+lang)}
		if err := s.store.EnqueueMail(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// tellReviewers mails each reviewer how many abstracts were newly
// assigned to them, with a link to their list.
func (s *Service) tellReviewers(ctx context.Context, eventID string, added []symposium.Assignment) error {
	e, err := s.store.EventByID(ctx, eventID)
	if err != nil {
		return err
	}
	reviewers, err := s.store.EventReviewers(ctx, eventID)
	if err != nil {
		return err
	}
	count := map[string]int{}
	for _, a := range added {
		count[a.ReviewerID]++
	}
	for _, r := range reviewers {
		n := count[r.User.ID]
		if n == 0 {
			continue
		}
		lang := r.User.Language
		if !symposium.IsLanguage(lang) {
			lang = e.DefaultLanguage
		}
		l := s.i18n.For(lang)
		title := e.Title.Get(lang, e.DefaultLanguage)
		m := symposium.Mail{To: r.User.Email, ToName: r.User.Name,
			Subject: l.T("mail.review.assigned.subject", "Event", title),
			Text:    l.T("mail.review.assigned.body", "Count", l.Number(int64(n)), "Event", title, "Link", s.baseURL+"/events/"+e.Slug+"/reviews?lang="+lang)}
		if err := s.store.EnqueueMail(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// decisionMails writes the mails telling an abstract's authors its
// decision, each in the author's language, with the comments meant for
// the authors and no word of who reviewed.
func (s *Service) decisionMails(ctx context.Context, e *symposium.Event, a *symposium.Abstract) ([]symposium.Mail, error) {
	people, err := s.store.People(ctx, a.AuthorIDs)
	if err != nil {
		return nil, err
	}
	reviews, err := s.store.AbstractReviews(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	var comments []string
	for _, r := range reviews {
		if r.Submitted && r.CommentToAuthors != "" {
			comments = append(comments, r.CommentToAuthors)
		}
	}
	keys := [2]string{"mail.abstract.rejected.subject", "mail.abstract.rejected.body"}
	if a.Decision.Outcome == symposium.DecisionAccept {
		keys = [2]string{"mail.abstract.accepted.subject", "mail.abstract.accepted.body"}
	}
	var mails []symposium.Mail
	for _, id := range a.AuthorIDs {
		p := people[id]
		if p == nil || p.Email == "" {
			continue
		}
		lang := personLanguage(p, e)
		l := s.i18n.For(lang)
		title := a.Title.Get(lang, a.Language)
		text := l.T(keys[1], "Title", title, "Event", e.Title.Get(lang, e.DefaultLanguage), "As", l.T(submissionTypeKey(a.Decision.As)))
		if len(comments) > 0 {
			text += "\n\n" + l.T("mail.abstract.comments") + "\n\n" + strings.Join(comments, "\n\n---\n\n")
		}
		mails = append(mails, symposium.Mail{To: p.Email, ToName: p.Name.Get(lang, e.DefaultLanguage),
			Subject: l.T(keys[0], "Title", title), Text: text})
	}
	return mails, nil
}

// personLanguage is the language to write to a person in: the first of
// theirs that Symposium speaks, or the event's.
func personLanguage(p *symposium.Person, e *symposium.Event) string {
	for _, l := range p.Languages {
		if symposium.IsLanguage(l) {
			return l
		}
	}
	return e.DefaultLanguage
}

// submissionTypeKey names a submission type in the catalogs.
func submissionTypeKey(t string) string {
	switch t {
	case symposium.ContributionPoster:
		return "abstract.type.poster"
	case symposium.ContributionPanel:
		return "abstract.type.panel"
	}
	return "abstract.type.talk"
}
