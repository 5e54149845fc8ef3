package live

import (
	"context"

	"symposium"
	"symposium/internal/store"
)

// CreatePoll adds a poll to a contribution, for the event's moderators; it
// opens at once when open is set, and otherwise waits as a draft.
func (s *Service) CreatePoll(ctx context.Context, u *symposium.User, contributionID string, pl *symposium.LivePoll, open bool) error {
	t, err := s.target(ctx, u, contributionID)
	if err != nil {
		return err
	}
	if err := t.access.Require(t.event, t.access.CanModerate()); err != nil {
		return err
	}
	var p symposium.Problems
	pl.Validate(&p)
	if err := p.Err(); err != nil {
		return err
	}
	pl.ID, pl.ContributionID, pl.Status = symposium.NewID(), contributionID, symposium.PollDraft
	if open {
		pl.Status = symposium.PollOpen
	}
	entry := symposium.NewAuditEntry(u, t.event.ID, symposium.AuditLivePoll, pl.ID, nil, pl)
	return s.store.AddLivePoll(store.WithAudit(ctx, entry), t.event.ID, pl)
}

// poll returns a poll and its contribution, when the caller may see both:
// drafts only to moderators.
func (s *Service) poll(ctx context.Context, u *symposium.User, id string) (*symposium.LivePoll, *target, error) {
	return s.pollOf(ctx, &Caller{User: u}, id)
}

// pollOf is poll for a caller who may carry a badge.
func (s *Service) pollOf(ctx context.Context, c *Caller, id string) (*symposium.LivePoll, *target, error) {
	pl, err := s.store.LivePoll(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	t, err := s.targetOf(ctx, c, pl.ContributionID)
	if err != nil {
		return nil, nil, err
	}
	if pl.Status == symposium.PollDraft && !t.access.CanModerate() {
		return nil, nil, symposium.NotFound()
	}
	return pl, t, nil
}

// SetPollStatus opens or closes a poll, for the event's moderators.
func (s *Service) SetPollStatus(ctx context.Context, u *symposium.User, pollID, status string) (*symposium.LivePoll, error) {
	_, t, err := s.poll(ctx, u, pollID)
	if err != nil {
		return nil, err
	}
	if err := t.access.Require(t.event, t.access.CanModerate()); err != nil {
		return nil, err
	}
	entry := symposium.NewAuditEntry(u, t.event.ID, symposium.AuditLivePoll, pollID, nil, map[string]string{"status": status})
	return s.store.SetLivePollStatus(store.WithAudit(ctx, entry), pollID, status)
}

// AnswerPoll records the caller's answer to an open poll: the indexes of
// the options chosen, or the word given to a word cloud. A second answer
// replaces the first. It returns the poll as the caller may see it.
func (s *Service) AnswerPoll(ctx context.Context, c Caller, pollID string, choices []int, word string) (*symposium.LivePoll, error) {
	pl, t, err := s.pollOf(ctx, &c, pollID)
	if err != nil {
		return nil, err
	}
	if err := t.participant(c); err != nil {
		return nil, err
	}
	var p symposium.Problems
	if pl.Kind == symposium.PollWords {
		word, choices = symposium.CleanWord(&p, word), nil
	} else {
		pl.ValidateChoices(&p, choices)
		word = ""
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	if err := s.limits.Vote(ctx, c.Client, c.voter()); err != nil {
		return nil, err
	}
	pl, err = s.store.AnswerLivePoll(ctx, pollID, c.voter(), choices, word)
	if err != nil {
		return nil, err
	}
	if !t.access.CanModerate() {
		*pl = pl.ForAudience()
	}
	return pl, nil
}

// Polls lists a contribution's polls as the caller may see them: no
// drafts, and no results hidden until closing, to the audience.
func (s *Service) Polls(ctx context.Context, c Caller, contributionID string) ([]symposium.LivePoll, error) {
	t, err := s.targetOf(ctx, &c, contributionID)
	if err != nil {
		return nil, err
	}
	list, err := s.store.LivePolls(ctx, contributionID, c.voter())
	if err != nil {
		return nil, err
	}
	if t.access.CanModerate() {
		return list, nil
	}
	out := []symposium.LivePoll{}
	for _, pl := range list {
		if pl.Status != symposium.PollDraft {
			out = append(out, pl.ForAudience())
		}
	}
	return out, nil
}
