package search

import (
	"context"

	"symposium"
)

// Find answers a search by a caller: it checks the query and narrows it
// to the event with the slug event, if any, which the caller must be able
// to see; otherwise the event is not found, naming the field "event". Who
// registered for an event is for those who may see its registrants, its
// managers and check-in staff: anyone else asking for registrants is
// refused (unauthorized when not signed in, forbidden otherwise) naming
// the field "role", and otherwise finds only the event's speakers.
func (s *Service) Find(ctx context.Context, u *symposium.User, q Query, event string) ([]Result, error) {
	q.Viewer = u
	var p symposium.Problems
	q.Validate(&p)
	if event != "" {
		if err := s.narrow(ctx, u, &q, event, p); err != nil {
			return nil, err
		}
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	return s.Search(ctx, q)
}

// narrow narrows a query to the event with a slug, as the caller may;
// a refusal lists the problems found so far with its own.
func (s *Service) narrow(ctx context.Context, u *symposium.User, q *Query, slug string, p symposium.Problems) error {
	e, access, err := s.access.Visible(ctx, u, slug)
	switch {
	case symposium.ErrorCode(err) == symposium.ENOTFOUND:
		return withField(symposium.NotFound(), p, "event", "error.field.unknown_reference")
	case err != nil:
		return err
	}
	q.EventID = e.ID
	switch {
	case access.CanSeeRegistrants():
	case q.Part == "registrant":
		return withField(access.Require(e, false), p, "role", "search.error.registrants")
	default:
		q.Part = "speaker"
	}
	return nil
}

// withField returns a copy of a refusal listing the problems and one
// more on field.
func withField(err error, p symposium.Problems, field, key string) error {
	e := *symposium.AsError(err)
	e.Fields = append(append(symposium.Problems(nil), p...), symposium.FieldError{Field: field, Key: key})
	return &e
}
