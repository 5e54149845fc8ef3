package matchmaking

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"symposium"
)

// FollowUpProposer records a follow-up planned at a meeting as a proposal
// in the event's cooperation tracker; the outcomes service is one.
type FollowUpProposer interface {
	ProposeFollowUp(ctx context.Context, e *symposium.Event, meetingID string, title symposium.LocalizedText, personIDs []string) (*symposium.Agreement, error)
}

// FollowUp answers "Follow-up planned?" for a meeting held, for either
// of its parties, once per meeting. A yes needs a short text of what is
// planned, which becomes a proposal in the event's cooperation tracker
// with the people of both parties; it returns that proposal, or nil for a
// no.
func (s *Service) FollowUp(ctx context.Context, u *symposium.User, slug, meetingID string, planned bool, text string) (*Page, *symposium.Agreement, error) {
	p, err := s.member(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	all, err := s.store.Meetings(ctx, p.Event.ID)
	if err != nil {
		return nil, nil, err
	}
	i := slices.IndexFunc(all, func(mt *symposium.Meeting) bool { return mt.ID == meetingID })
	if i < 0 || (!p.IsParty(all[i].A) && !p.IsParty(all[i].B)) {
		return nil, nil, symposium.NotFound()
	}
	mt := all[i]
	text = strings.TrimSpace(text)
	var probs symposium.Problems
	switch {
	case planned && text == "":
		probs.Add("text", "error.field.required")
	case utf8.RuneCountInString(text) > symposium.MaxFollowUpText:
		probs.Add("text", "error.field.too_long", "Max", symposium.MaxFollowUpText)
	}
	if err := probs.Err(); err != nil {
		return nil, nil, err
	}
	answer := symposium.FollowUpNo
	if planned {
		answer = symposium.FollowUpYes
	}
	if err := s.store.AnswerFollowUp(ctx, p.Event.ID, mt.ID, answer); err != nil {
		return nil, nil, err
	}
	if !planned {
		return p, nil, nil
	}
	a, err := s.propose(ctx, p, mt, text)
	if err != nil {
		// Take the answer back, so that it may be given again.
		if undo := s.store.AnswerFollowUp(ctx, p.Event.ID, mt.ID, ""); undo != nil {
			return nil, nil, fmt.Errorf("matchmaking: follow-up: %w (and taking the answer back: %v)", err, undo)
		}
		return nil, nil, err
	}
	return p, a, nil
}

// propose records the follow-up as a proposal of the people of both
// parties, its text in the caller's language.
func (s *Service) propose(ctx context.Context, p *Page, mt *symposium.Meeting, text string) (*symposium.Agreement, error) {
	if s.FollowUps == nil {
		return nil, fmt.Errorf("matchmaking: follow-up: no cooperation tracker")
	}
	lang := symposium.LanguageFromContext(ctx)
	if !symposium.IsLanguage(lang) {
		lang = p.Event.DefaultLanguage
	}
	people := append(peopleOf(p.Matchmaking, mt.A), peopleOf(p.Matchmaking, mt.B)...)
	return s.FollowUps.ProposeFollowUp(ctx, p.Event, mt.ID, symposium.Text(lang, text), people)
}
