package review

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"symposium"
	"symposium/internal/export"
	"symposium/internal/i18n"
)

// Export lists the abstracts (kind "abstracts") or the reviews ("reviews")
// of the event with the slug for a spreadsheet in l's language. Managers
// get every abstract, with authors, affiliations and review scores, and
// every review; a reviewer gets the abstracts they may review, blind if
// the call is. Anyone else who sees the event is forbidden.
func (s *Service) Export(ctx context.Context, u *symposium.User, slug, kind string, l *i18n.Localizer) (*symposium.Event, export.Table, error) {
	if kind != "abstracts" && kind != "reviews" {
		return nil, export.Table{}, symposium.NotFound()
	}
	e, access, err := s.require(ctx, u, slug, func(a symposium.Access) bool {
		return a.CanManage() || (kind == "abstracts" && a.Has(symposium.RoleReviewer))
	})
	if err != nil {
		return nil, export.Table{}, err
	}
	var t export.Table
	switch {
	case kind == "reviews":
		t, err = s.reviewsTable(ctx, e, l)
	case access.CanManage():
		t, err = s.abstractsTable(ctx, e, l, nil)
	default:
		t, err = s.abstractsTable(ctx, e, l, u)
	}
	return e, t, err
}

// abstractsTable lists an event's abstracts for a spreadsheet: every
// abstract with authors, affiliations and review scores, or for a
// reviewer (reviewer set) only the abstracts they may review, blind if
// the call is.
func (s *Service) abstractsTable(ctx context.Context, e *symposium.Event, l *i18n.Localizer, reviewer *symposium.User) (export.Table, error) {
	rows, err := s.decisionList(ctx, e, ListFilter{Sort: "submitted", Ascend: true})
	if err != nil {
		return export.Table{}, err
	}
	c, err := s.call(ctx, e.ID)
	if err != nil {
		return export.Table{}, err
	}
	var mine map[string]bool // the abstracts the reviewer may review
	if reviewer != nil {
		if mine, err = s.reviewable(ctx, reviewer, e.ID); err != nil {
			return export.Table{}, err
		}
	}
	t := export.Table{Header: []string{"id", l.T("abstracts.col.track"), l.T("abstracts.col.type"), l.T("abstracts.col.language"),
		l.T("abstracts.col.title"), l.T("abstracts.col.authors"), l.T("abstracts.col.affiliations"), l.T("abstracts.col.status"),
		l.T("abstracts.col.decision"), l.T("abstracts.col.reviews"), l.T("abstracts.col.mean"), l.T("abstracts.col.median")}}
	for _, r := range rows {
		a := r.Abstract
		if reviewer != nil {
			if !mine[a.ID] {
				continue
			}
			a = Redact(a, AsReviewer, c.Blind)
			r = Row{Abstract: a}
		}
		t.Rows = append(t.Rows, abstractCells(a, r, c, l, e))
	}
	return t, nil
}

// reviewable returns the abstracts of an event a reviewer may review.
func (s *Service) reviewable(ctx context.Context, reviewer *symposium.User, eventID string) (map[string]bool, error) {
	list, err := s.reviewerAbstracts(ctx, reviewer, eventID)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(list))
	for _, a := range list {
		out[a.Abstract.ID] = true
	}
	return out, nil
}

// abstractCells writes one abstract's row.
func abstractCells(a *symposium.Abstract, r Row, c *symposium.Call, l *i18n.Localizer, e *symposium.Event) []string {
	track := ""
	if tr := c.Track(a.TrackID); tr != nil {
		track = tr.Name.Get(l.Lang, e.DefaultLanguage)
	}
	var names, orgs []string
	for _, au := range a.Authors {
		names = append(names, au.Name.Get(l.Lang, a.Language))
		if org := au.Organization.Get(l.Lang, a.Language); org != "" && !slices.Contains(orgs, org) {
			orgs = append(orgs, org)
		}
	}
	decision := ""
	if a.Decision != nil {
		decision = label(l, symposium.DecisionKeys, a.Decision.Outcome)
		if a.Decision.As != "" {
			decision += " (" + label(l, symposium.AbstractTypeKeys, a.Decision.As) + ")"
		}
	}
	return []string{a.ID, track, label(l, symposium.AbstractTypeKeys, a.Type), l.LanguageName(a.Language), a.Title.Get(l.Lang, a.Language),
		strings.Join(names, "; "), strings.Join(orgs, "; "), label(l, symposium.AbstractStatusKeys, a.Status), decision,
		fmt.Sprint(r.Reviews), score(r.Mean), score(r.Median)}
}

// reviewsTable lists every review of an event's abstracts: one row a
// review, one column a question.
func (s *Service) reviewsTable(ctx context.Context, e *symposium.Event, l *i18n.Localizer) (export.Table, error) {
	c, err := s.call(ctx, e.ID)
	if err != nil {
		return export.Table{}, err
	}
	reviews, err := s.store.EventReviews(ctx, e.ID)
	if err != nil {
		return export.Table{}, err
	}
	reviewers, err := s.store.EventReviewers(ctx, e.ID)
	if err != nil {
		return export.Table{}, err
	}
	emails := map[string]string{}
	for _, r := range reviewers {
		emails[r.User.ID] = r.User.Email
	}
	t := export.Table{Header: []string{l.T("abstracts.col.abstract"), l.T("abstracts.col.reviewer"), l.T("abstracts.col.submitted")}}
	for _, q := range c.Questions {
		if q.Kind != symposium.ReviewComment {
			t.Header = append(t.Header, q.Text.Get(l.Lang, e.DefaultLanguage))
		}
	}
	t.Header = append(t.Header, l.T("abstracts.col.to_authors"), l.T("abstracts.col.to_committee"))
	for _, r := range reviews {
		row := []string{r.AbstractID, emails[r.ReviewerID], l.T(symposium.YesNoKeys[r.Submitted])}
		for _, q := range c.Questions {
			if q.Kind != symposium.ReviewComment {
				row = append(row, rating(l, q, r.Ratings))
			}
		}
		t.Rows = append(t.Rows, append(row, r.CommentToAuthors, r.CommentToCommittee))
	}
	return t, nil
}

// rating writes a reviewer's answer to one question: a number on its
// scale, or yes or no in the reader's language; nothing if unanswered.
func rating(l *i18n.Localizer, q symposium.ReviewQuestion, ratings map[string]int) string {
	v, ok := ratings[q.ID]
	switch {
	case !ok:
		return ""
	case q.Kind == symposium.ReviewYesNo:
		return l.T(symposium.YesNoKeys[v == 1])
	}
	return fmt.Sprint(v)
}

// label writes an enumerated value, such as a status, in the reader's
// language.
func label(l *i18n.Localizer, table map[string]string, value string) string {
	return l.T(string(symposium.Label(table, value)))
}

// score writes a score of 0–1 with two decimals, or nothing.
func score(v *float64) string {
	if v == nil {
		return ""
	}
	return fmt.Sprintf("%.2f", *v)
}
