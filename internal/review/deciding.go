package review

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"symposium"
	"symposium/internal/store"
)

// disagreement is the spread of review scores, on a scale of 0 to 1, from
// which reviewers are taken to disagree.
const disagreement = 0.4

// Row is one abstract of the decision list with its reviews summed up.
// Scores are weighted mean ratings on a scale of 0 to 1.
type Row struct {
	Abstract     *symposium.Abstract `json:"abstract"`
	Assigned     int                 `json:"assigned"`
	Reviews      int                 `json:"reviews" doc:"Submitted reviews."`
	Mean         *float64            `json:"mean,omitempty"`
	Median       *float64            `json:"median,omitempty"`
	Spread       *float64            `json:"spread,omitempty" doc:"The highest score less the lowest."`
	Disagreement bool                `json:"disagreement"`
}

// ListFilter narrows and orders the decision list.
type ListFilter struct {
	TrackID  string
	Status   string // an abstract status
	Decision string // accept, reject, pending (decided, not released) or none
	Sort     string // mean (default), median, spread, reviews, submitted
	Ascend   bool
	// ModifiedSince keeps the abstracts changed at or after it; zero
	// keeps all.
	ModifiedSince time.Time
}

// DecisionList returns the abstracts of the event with the slug with
// their review counts, weighted mean and median scores and spread,
// filtered and sorted, for its managers.
func (s *Service) DecisionList(ctx context.Context, u *symposium.User, slug string, f ListFilter) ([]Row, error) {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	return s.decisionList(ctx, e, f)
}

// Board is the managers' decision list of an event: the abstracts with
// their reviews summed up, how many decisions wait to be released, the
// reviewers, and every abstract briefly, to name them in an assignment.
type Board struct {
	Event   *symposium.Event
	Access  symposium.Access
	Call    *symposium.Call
	Rows    []Row
	Pending int
	// PendingMails is how many mails releasing the pending decisions
	// sends: one to each author with an email of each abstract.
	PendingMails int
	Reviewers    []*store.Reviewer
	Abstracts    []*symposium.Abstract
}

// Board returns the decision list of the event with the slug, filtered
// and sorted, for its managers.
func (s *Service) Board(ctx context.Context, u *symposium.User, slug string, f ListFilter) (*Board, error) {
	e, access, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	b := &Board{Event: e, Access: access}
	if b.Call, err = s.store.Call(ctx, e.ID); err != nil {
		return nil, err
	}
	if b.Rows, err = s.decisionList(ctx, e, f); err != nil {
		return nil, err
	}
	pending, err := s.decisionList(ctx, e, ListFilter{Decision: "pending"})
	if err != nil {
		return nil, err
	}
	b.Pending = len(pending)
	if b.PendingMails, err = s.mailsToRelease(ctx, pending); err != nil {
		return nil, err
	}
	if b.Reviewers, err = s.store.EventReviewers(ctx, e.ID); err != nil {
		return nil, err
	}
	if b.Abstracts, err = s.store.EventAbstractsBrief(ctx, e.ID); err != nil {
		return nil, err
	}
	return b, nil
}

// mailsToRelease counts the mails releasing the decisions of the rows
// sends, as decisionMails writes them: one to each author with an email
// of each abstract still submitted.
func (s *Service) mailsToRelease(ctx context.Context, rows []Row) (int, error) {
	var ids []string
	for _, r := range rows {
		if r.Abstract.Status == symposium.AbstractSubmitted {
			ids = append(ids, r.Abstract.AuthorIDs...)
		}
	}
	people, err := s.store.People(ctx, ids)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		if p := people[id]; p != nil && p.Email != "" {
			n++
		}
	}
	return n, nil
}

// decisionList returns an event's abstracts with their reviews summed up,
// filtered and sorted.
func (s *Service) decisionList(ctx context.Context, e *symposium.Event, f ListFilter) ([]Row, error) {
	c, err := s.call(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	abstracts, err := s.store.EventAbstractsBrief(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	ratings, err := s.store.EventRatings(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	assigned, err := s.store.AssignmentCounts(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	scores := map[string][]float64{}
	for id, list := range ratings {
		for _, r := range list {
			if v, ok := c.Score(r); ok {
				scores[id] = append(scores[id], v)
			}
		}
	}
	rows := make([]Row, 0, len(abstracts))
	for _, a := range abstracts {
		if f.keeps(a) {
			rows = append(rows, summarize(a, scores[a.ID], assigned[a.ID]))
		}
	}
	sortRows(rows, f)
	return rows, nil
}

// keeps reports whether the filter keeps an abstract.
func (f ListFilter) keeps(a *symposium.Abstract) bool {
	if (f.TrackID != "" && a.TrackID != f.TrackID) || (f.Status != "" && a.Status != f.Status) || a.UpdatedAt.Before(f.ModifiedSince) {
		return false
	}
	switch f.Decision {
	case "":
		return true
	case "none":
		return a.Decision == nil
	case "pending":
		return a.Decision != nil && !a.Decision.Released
	}
	return a.Decision != nil && a.Decision.Outcome == f.Decision
}

// summarize sums up the scores of an abstract's submitted reviews.
func summarize(a *symposium.Abstract, scores []float64, assigned int) Row {
	r := Row{Abstract: a, Assigned: assigned, Reviews: len(scores)}
	if len(scores) == 0 {
		return r
	}
	slices.Sort(scores)
	sum := 0.0
	for _, v := range scores {
		sum += v
	}
	mean, spread := sum/float64(len(scores)), scores[len(scores)-1]-scores[0]
	median := scores[len(scores)/2]
	if len(scores)%2 == 0 {
		median = (scores[len(scores)/2-1] + scores[len(scores)/2]) / 2
	}
	r.Mean, r.Median, r.Spread = &mean, &median, &spread
	r.Disagreement = spread >= disagreement
	return r
}

// sortRows orders the list, best first unless ascending; abstracts
// without scores go last.
func sortRows(rows []Row, f ListFilter) {
	key := func(r Row) float64 {
		switch f.Sort {
		case "median":
			return deref(r.Median)
		case "spread":
			return deref(r.Spread)
		case "reviews":
			return float64(r.Reviews)
		case "submitted":
			return float64(r.Abstract.CreatedAt.UnixNano())
		}
		return deref(r.Mean)
	}
	slices.SortStableFunc(rows, func(x, y Row) int {
		c := cmp.Compare(key(y), key(x))
		if f.Ascend {
			c = -c
		}
		return cmp.Or(c, strings.Compare(x.Abstract.ID, y.Abstract.ID))
	})
}

func deref(v *float64) float64 {
	if v == nil {
		return -1
	}
	return *v
}

// Decide records the committee's decision on the abstract with the ID,
// for the managers of its event, pending until released and recorded in
// the audit log. An accepted abstract becomes what as says, by default
// what it was submitted as.
func (s *Service) Decide(ctx context.Context, u *symposium.User, id, outcome, as string) error {
	v, err := s.managedAbstract(ctx, u, id)
	if err != nil {
		return err
	}
	return s.decide(ctx, u, v.Abstract, outcome, as)
}

// decide records a decision on an abstract.
func (s *Service) decide(ctx context.Context, u *symposium.User, a *symposium.Abstract, outcome, as string) error {
	var p symposium.Problems
	if outcome != symposium.DecisionAccept && outcome != symposium.DecisionReject {
		p.Add("decision", "error.field.one_of", "Allowed", "accept, reject")
	}
	if as != "" && !slices.Contains(symposium.SubmissionTypes, as) {
		p.Add("as", "error.field.one_of", "Allowed", strings.Join(symposium.SubmissionTypes, ", "))
	}
	if err := p.Err(); err != nil {
		return err
	}
	if outcome == symposium.DecisionReject {
		as = ""
	} else if as == "" {
		as = a.Type
	}
	d := &symposium.Decision{Outcome: outcome, As: as, DecidedAt: s.Now().UTC()}
	var before any
	if a.Decision != nil {
		before = a.Decision
	}
	entry := symposium.NewAuditEntry(u, a.EventID, symposium.AuditDecision, a.ID, before, d)
	return s.store.Decide(store.WithAudit(ctx, entry), a.ID, d)
}

// DecideMany records one decision on several abstracts of the event with
// the slug, for its managers; an abstract of another event is not found
// and decides nothing. It returns how many were decided.
func (s *Service) DecideMany(ctx context.Context, u *symposium.User, slug string, ids []string, outcome, as string) (int, error) {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return 0, err
	}
	var list []*symposium.Abstract
	for _, id := range ids {
		a, err := s.store.Abstract(ctx, id)
		if err != nil {
			return 0, err
		}
		if a.EventID != e.ID {
			return 0, symposium.NotFound()
		}
		list = append(list, a)
	}
	for _, a := range list {
		if err := s.decide(ctx, u, a, outcome, as); err != nil {
			return 0, err
		}
	}
	return len(list), nil
}

// Release releases the pending decisions of the event with the slug, for
// its managers, recorded in the audit log: accepted abstracts become
// unscheduled contributions with their authors as speakers, and every
// author is told in their language, with the reviewers' comments meant
// for them. It returns the IDs of the abstracts released.
func (s *Service) Release(ctx context.Context, u *symposium.User, slug string) ([]string, error) {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	abstracts, err := s.store.EventAbstracts(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	var releases []store.Release
	var ids []string
	for _, a := range abstracts {
		if a.Status != symposium.AbstractSubmitted || a.Decision == nil || a.Decision.Released {
			continue
		}
		mails, err := s.decisionMails(ctx, e, a)
		if err != nil {
			return nil, err
		}
		releases = append(releases, store.Release{Abstract: a, Mails: mails})
		ids = append(ids, a.ID)
	}
	if len(releases) == 0 {
		return []string{}, nil
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditDecisionsRelease, e.ID, nil, map[string]any{"abstracts": ids})
	done, err := s.store.ReleaseDecisions(store.WithAudit(ctx, entry), e, releases)
	if err != nil {
		return nil, err
	}
	if done == nil {
		done = []string{}
	}
	return done, nil
}
