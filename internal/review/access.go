package review

import (
	"context"

	"symposium"
)

// What a person is to an abstract, which decides what they see of it.
const (
	AsManager  = "manager"  // manages the event: sees everything
	AsAuthor   = "author"   // submitted it or is an author: sees it, and decisions once released
	AsReviewer = "reviewer" // assigned without a conflict: sees it, blind if the call is
)

// View is an abstract as one person may see it, with its event, the
// person's access there, and its call.
type View struct {
	Abstract *symposium.Abstract
	Event    *symposium.Event
	Access   symposium.Access
	Call     *symposium.Call
	As       string
}

// View returns what an account may see of an abstract. Whoever is neither
// a manager of its event, an author, nor a reviewer assigned without an
// unresolved conflict of interest gets not found; nobody signed in is
// unauthorized.
func (s *Service) View(ctx context.Context, u *symposium.User, id string) (*View, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	v, err := s.reach(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if v.As == "" {
		return nil, symposium.NotFound()
	}
	return v, nil
}

// reach loads an abstract with its event, call and the caller's access,
// and finds what the caller is to it: As stays "" when they may not see
// it, and the abstract is then not to be shown.
func (s *Service) reach(ctx context.Context, u *symposium.User, id string) (*View, error) {
	a, err := s.store.Abstract(ctx, id)
	if err != nil {
		return nil, err
	}
	v := &View{Abstract: a}
	if v.Event, v.Access, err = s.events.Lookup(ctx, u, a.EventID); err != nil {
		return nil, err
	}
	if v.Call, err = s.call(ctx, a.EventID); err != nil {
		return nil, err
	}
	if v.As, err = s.relation(ctx, u, v); err != nil {
		return nil, err
	}
	v.Abstract = Redact(a, v.As, v.Call.Blind)
	return v, nil
}

// relation finds what an account is to an abstract: "" when nothing.
func (s *Service) relation(ctx context.Context, u *symposium.User, v *View) (string, error) {
	if u == nil {
		return "", nil
	}
	if v.Access.CanManage() {
		return AsManager, nil
	}
	if ok, err := s.isAuthor(ctx, u, v.Abstract); err != nil || ok {
		return AsAuthor, err
	}
	if err := s.mayReview(ctx, u, v.Abstract); err != nil {
		if symposium.AsError(err) == nil {
			return "", err
		}
		return "", nil
	}
	return AsReviewer, nil
}

// managedAbstract returns an abstract for a manager of its event: not
// found to whoever may not see it, forbidden to its authors and reviewers.
func (s *Service) managedAbstract(ctx context.Context, u *symposium.User, id string) (*View, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	v, err := s.View(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if v.As != AsManager {
		return nil, symposium.Forbidden()
	}
	return v, nil
}

// mayReview checks that an account is assigned to an abstract and has no
// conflict of interest with it, unless a manager overrode it; otherwise it
// says why not.
func (s *Service) mayReview(ctx context.Context, u *symposium.User, a *symposium.Abstract) error {
	as, err := s.store.Assignment(ctx, a.ID, u.ID)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return symposium.Errorf(symposium.EFORBIDDEN, "error.not_assigned")
	}
	if err != nil {
		return err
	}
	if as.Override != "" {
		return nil
	}
	interests, err := s.interestsOf(ctx, u, a)
	if err != nil {
		return err
	}
	if len(interests) > 0 {
		return conflictError(interests, true)
	}
	return nil
}

// interestsOf finds one reviewer's conflicts of interest with one abstract.
func (s *Service) interestsOf(ctx context.Context, u *symposium.User, a *symposium.Abstract) ([]symposium.Interest, error) {
	g, err := s.eventInterests(ctx, u, a.EventID, []*symposium.Abstract{a})
	if err != nil {
		return nil, err
	}
	return g.of(u.ID, a), nil
}

// conflictError refuses a reviewer for their conflicts of interest,
// naming the first reason in the message and listing all in the detail;
// blind hides which author each concerns.
func conflictError(list []symposium.Interest, blind bool) error {
	e := symposium.Errorf(symposium.ECONFLICT, "error.interest")
	e.Detail = map[string]any{"reason": InterestKey(list[0].Reason), "conflicts": hidden(list, blind)}
	return e
}

// InterestKey names a reason of conflict of interest in the catalogs.
func InterestKey(reason string) string {
	switch reason {
	case symposium.InterestAuthor:
		return "interest.author"
	case symposium.InterestSamePerson:
		return "interest.same_person"
	case symposium.InterestOrganization:
		return "interest.same_organization"
	case symposium.InterestCoauthor:
		return "interest.coauthor"
	}
	return "interest.declared"
}

// Redact returns the abstract as seen in a relation: reviewers of a blind
// review see no authors, presenter or organizations; authors and reviewers
// see a decision only once released.
func Redact(a *symposium.Abstract, as string, blind bool) *symposium.Abstract {
	if as == AsManager {
		return a
	}
	out := *a
	if out.Decision != nil && !out.Decision.Released {
		out.Decision = nil
	}
	if as == AsReviewer && blind {
		out.Authors, out.AuthorIDs, out.PresenterID, out.Answers = nil, nil, "", nil
	}
	return &out
}
