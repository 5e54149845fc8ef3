package live

import (
	"context"

	"symposium"
	"symposium/internal/store"
)

// Settings returns an event's rules for live questions, for its managers.
func (s *Service) Settings(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, symposium.Access, symposium.LiveSettings, error) {
	e, access, err := s.events.Managed(ctx, u, slug)
	if err != nil {
		return nil, access, symposium.LiveSettings{}, err
	}
	ls, err := s.store.LiveSettings(ctx, e.ID)
	return e, access, ls, err
}

// SetSettings validates and replaces an event's rules for live
// questions, for its managers. Invalid settings come back with the event
// and the caller's access, for the form to show again.
func (s *Service) SetSettings(ctx context.Context, u *symposium.User, slug string, ls symposium.LiveSettings) (*symposium.Event, symposium.Access, error) {
	e, access, err := s.events.Managed(ctx, u, slug)
	if err != nil {
		return nil, access, err
	}
	var p symposium.Problems
	ls.Validate(&p)
	if err := p.Err(); err != nil {
		return e, access, err
	}
	old, err := s.store.LiveSettings(ctx, e.ID)
	if err != nil {
		return nil, access, err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditLiveSettings, e.ID, old, ls)
	return e, access, s.store.SetLiveSettings(store.WithAudit(ctx, entry), e.ID, ls)
}

// Subscribe opens a stream of a contribution's live events for whoever
// may see it: moderators get every event, the audience only what it may
// see. A client that saw the events up to after (-1 for none) first gets
// the ones it missed.
func (s *Service) Subscribe(ctx context.Context, u *symposium.User, contributionID string, after int64) (*Subscription, error) {
	return s.SubscribeAs(ctx, Caller{User: u}, contributionID, after)
}

// SubscribeAs is Subscribe for a caller who may carry a badge, which lets
// its participant follow a restricted event's contributions.
func (s *Service) SubscribeAs(ctx context.Context, c Caller, contributionID string, after int64) (*Subscription, error) {
	t, err := s.targetOf(ctx, &c, contributionID)
	if err != nil {
		return nil, err
	}
	return s.hub.subscribe(ctx, contributionID, t.access.CanModerate(), after)
}

// Record is what a contribution's live questions and polls leave behind:
// every question with its asker, votes, marks and answer, and every poll
// with its results, for the minutes and the event's report.
type Record struct {
	Event        *symposium.Event         `json:"-"`
	Contribution *symposium.Contribution  `json:"contribution"`
	Questions    []symposium.LiveQuestion `json:"questions"`
	Polls        []symposium.LivePoll     `json:"polls"`
}

// Export returns a contribution's record, also while it runs, for the
// event's moderators and managers.
func (s *Service) Export(ctx context.Context, u *symposium.User, contributionID string) (*Record, error) {
	t, err := s.target(ctx, u, contributionID)
	if err != nil {
		return nil, err
	}
	if err := t.access.Require(t.event, t.access.MayExportLive()); err != nil {
		return nil, err
	}
	qs, err := s.store.LiveQuestions(ctx, contributionID, "", true)
	if err != nil {
		return nil, err
	}
	symposium.SortLiveQuestions(qs, "votes")
	polls, err := s.store.LivePolls(ctx, contributionID, "")
	if err != nil {
		return nil, err
	}
	return &Record{Event: t.event, Contribution: t.contribution, Questions: qs, Polls: polls}, nil
}

// Answered lists a contribution's visible questions that carry a written
// answer, for its page, to whoever may see it.
func (s *Service) Answered(ctx context.Context, u *symposium.User, contributionID string) ([]symposium.LiveQuestion, error) {
	if _, err := s.target(ctx, u, contributionID); err != nil {
		return nil, err
	}
	qs, err := s.store.LiveQuestions(ctx, contributionID, "", false)
	if err != nil {
		return nil, err
	}
	out := []symposium.LiveQuestion{}
	for _, q := range qs {
		if q.Answer != "" {
			out = append(out, q.ForAudience())
		}
	}
	symposium.SortLiveQuestions(out, "votes")
	return out, nil
}
