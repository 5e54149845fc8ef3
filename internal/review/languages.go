package review

import (
	"context"
	"slices"
	"strings"

	"symposium"
)

// SetMyLanguages records the languages the caller, a reviewer of the
// event with the slug, reads: the automatic assignment then gives them
// only abstracts written in one of them. None means any language. A
// language that is not one of Symposium's is refused, naming the field
// "languages", and nothing changes. It returns the languages stored.
func (s *Service) SetMyLanguages(ctx context.Context, u *symposium.User, slug string, languages []string) ([]string, error) {
	e, _, err := s.require(ctx, u, slug, func(a symposium.Access) bool { return a.Has(symposium.RoleReviewer) })
	if err != nil {
		return nil, err
	}
	out := []string{}
	for _, l := range languages {
		l = strings.TrimSpace(l)
		if !symposium.IsLanguage(l) {
			var p symposium.Problems
			p.Add("languages", "error.field.one_of", "Allowed", strings.Join(symposium.Languages, ", "))
			return nil, p.Err()
		}
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out, s.store.SetReviewerLanguages(ctx, e.ID, u.ID, out)
}

// reviewerLanguages returns the languages a reviewer of an event reads;
// none means any.
func (s *Service) reviewerLanguages(ctx context.Context, u *symposium.User, eventID string) ([]string, error) {
	reviewers, err := s.store.EventReviewers(ctx, eventID)
	if err != nil {
		return nil, err
	}
	for _, r := range reviewers {
		if r.User.ID == u.ID {
			return r.Languages, nil
		}
	}
	return nil, nil
}
