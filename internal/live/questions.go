package live

import (
	"context"
	"slices"

	"symposium"
	"symposium/internal/store"
)

// Ask adds the caller's question to a contribution while it takes
// questions. On a pre-moderated event it waits for a moderator (a
// moderator's own question shows at once). Guests ask anonymously.
func (s *Service) Ask(ctx context.Context, c Caller, contributionID, text string, anonymous bool) (*symposium.LiveQuestion, error) {
	t, err := s.targetOf(ctx, &c, contributionID)
	if err != nil {
		return nil, err
	}
	if err := t.participant(c); err != nil {
		return nil, err
	}
	var p symposium.Problems
	text = symposium.ValidateLiveText(&p, "text", text, symposium.MaxLiveQuestionLength)
	if err := p.Err(); err != nil {
		return nil, err
	}
	if err := s.open(t); err != nil {
		return nil, err
	}
	if err := s.limits.Vote(ctx, c.Client, c.voter()); err != nil {
		return nil, err
	}
	q := &symposium.LiveQuestion{ID: symposium.NewID(), ContributionID: contributionID, Text: text,
		Language: symposium.DetectLanguage(text), Status: symposium.LiveVisible, Anonymous: anonymous || (c.User == nil && c.badge == nil), Asker: c.voter()}
	switch {
	case c.User != nil:
		q.AuthorName, q.AuthorLatin = c.User.Name, latinName(c.User.Name)
	case c.badge != nil:
		q.AuthorName, q.AuthorLatin = c.badge.Name, latinName(c.badge.Name)
	}
	if t.settings.Moderation == symposium.ModerationPre && !t.access.CanModerate() {
		q.Status = symposium.LivePending
	}
	if err := s.store.AddLiveQuestion(ctx, t.event.ID, q); err != nil {
		return nil, err
	}
	return q, nil
}

// Query says which questions to list and in which order.
type Query struct {
	// Sort is "votes" (pinned first, then most votes) or "time" (newest
	// first, the default).
	Sort string
	// Language keeps only questions in that language; "" keeps all.
	Language string
	// Page is the page of QuestionsPerPage questions to list, from 1; 0
	// lists them all.
	Page int
}

// QuestionsPerPage is how many questions a page of a long list shows.
const QuestionsPerPage = 50

// Questions is a contribution's list of questions as one caller sees it.
type Questions struct {
	Event        *symposium.Event
	Access       symposium.Access
	Contribution *symposium.Contribution
	Settings     symposium.LiveSettings
	Items        []symposium.LiveQuestion
	// Languages are the languages the listed questions are in, before the
	// filter by language.
	Languages []string
	// Open says whether the contribution takes questions now.
	Open bool
	// Moderator says whether the caller moderates.
	Moderator bool
	// Badge is the participant the caller joined as by scanning their
	// badge, if they did.
	Badge *symposium.LiveBadge
	// Total counts the questions listed on all pages; Page is the page
	// listed (0 for all) of Pages.
	Total, Page, Pages int
}

// Questions lists a contribution's questions: the visible ones, without
// askers of anonymous questions, to the audience; all of them to
// moderators.
func (s *Service) Questions(ctx context.Context, c Caller, contributionID string, q Query) (*Questions, error) {
	t, err := s.targetOf(ctx, &c, contributionID)
	if err != nil {
		return nil, err
	}
	mod := t.access.CanModerate()
	list, err := s.store.LiveQuestions(ctx, contributionID, c.voter(), mod)
	if err != nil {
		return nil, err
	}
	out := &Questions{Event: t.event, Access: t.access, Contribution: t.contribution, Settings: t.settings, Moderator: mod, Badge: c.badge,
		Open: symposium.LiveOpen(t.contribution, t.settings, s.Now()), Items: []symposium.LiveQuestion{}}
	for _, item := range list {
		if !slices.Contains(out.Languages, item.Language) {
			out.Languages = append(out.Languages, item.Language)
		}
		if q.Language != "" && item.Language != q.Language {
			continue
		}
		if !mod {
			item = item.ForAudience()
		}
		out.Items = append(out.Items, item)
	}
	symposium.SortLiveQuestions(out.Items, q.Sort)
	out.paginate(q.Page)
	return out, nil
}

// paginate keeps the page of the sorted list asked for, the last one when
// the list is shorter; page 0 keeps all.
func (out *Questions) paginate(page int) {
	out.Total = len(out.Items)
	out.Pages = max(1, (out.Total+QuestionsPerPage-1)/QuestionsPerPage)
	if page <= 0 {
		return
	}
	out.Page = min(page, out.Pages)
	from := (out.Page - 1) * QuestionsPerPage
	out.Items = out.Items[from:min(from+QuestionsPerPage, out.Total)]
}

// Vote gives the caller's vote to a visible question (on) or withdraws it,
// once per person, while the contribution takes questions. It returns the
// question with its count after the vote. The vote is counted against the
// limits on storms in its own transaction, and a caller who voted on the
// contribution lately is not looked up again (see accessCache).
func (s *Service) Vote(ctx context.Context, c Caller, questionID string, on bool) (*symposium.LiveQuestion, error) {
	t, err := s.voteTarget(ctx, &c, questionID)
	if err != nil {
		return nil, err
	}
	if err := t.participant(c); err != nil {
		return nil, err
	}
	if err := s.open(t); err != nil {
		return nil, err
	}
	q, err := s.store.VoteWithin(ctx, questionID, c.voter(), on, s.limits.VoteQuotas(c.Client, c.voter()))
	if symposium.ErrorCode(err) == symposium.ECONFLICT && !t.access.CanModerate() {
		return nil, symposium.NotFound() // the audience does not learn of questions it may not see
	}
	return q, err
}

// voteTarget returns the contribution of a question the caller may vote
// on: from the cache when the contribution was read lately, with the
// caller's access (and badge) checked afresh unless decided lately too;
// otherwise as question does, keeping what it read.
func (s *Service) voteTarget(ctx context.Context, c *Caller, questionID string) (*target, error) {
	if cid, ok := s.cache.question(questionID); ok {
		if t, ok := s.cache.place(cid); ok {
			return s.cachedTarget(ctx, c, questionID, t)
		}
	}
	q, t, err := s.questionOf(ctx, c, questionID)
	if err != nil {
		return nil, err
	}
	if q.Status != symposium.LiveVisible {
		return nil, symposium.Errorf(symposium.ECONFLICT, "error.live.not_visible")
	}
	s.cache.put(c, q.ID, t)
	return t, nil
}

// cachedTarget completes a cached contribution with the caller's access to
// its event, which must let them see it.
func (s *Service) cachedTarget(ctx context.Context, c *Caller, questionID string, t *target) (*target, error) {
	access, badge, ok := s.cache.accessOf(c, t.event.ID)
	if !ok {
		var err error
		if access, err = s.store.EventAccess(ctx, t.event.ID, c.User); err != nil {
			return nil, err
		}
		if err := s.badgeOf(ctx, c, t.event, &access); err != nil {
			return nil, err
		}
		badge = c.badge
	}
	if err := access.See(t.event); err != nil {
		return nil, err
	}
	t.access, c.badge = access, badge
	if !ok {
		s.cache.put(c, questionID, t)
	}
	return t, nil
}

// Moderate applies a moderator's action to a question: approve, hide,
// pin, unpin, answered, or merge into the question into (a duplicate's
// votes join the other's). It returns the question changed, or for a
// merge the one merged into.
func (s *Service) Moderate(ctx context.Context, u *symposium.User, questionID, action, into string) (*symposium.LiveQuestion, error) {
	q, t, err := s.question(ctx, u, questionID)
	if err != nil {
		return nil, err
	}
	if err := t.access.Require(t.event, t.access.CanModerate()); err != nil {
		return nil, err
	}
	entry := symposium.NewAuditEntry(u, t.event.ID, symposium.AuditLiveModeration, q.ID, nil, map[string]string{"action": action, "into": into})
	ctx = store.WithAudit(ctx, entry)
	if action != symposium.ModMerge {
		return s.store.ModerateLiveQuestion(ctx, questionID, action)
	}
	if !symposium.IsID(into) || into == questionID {
		var p symposium.Problems
		p.Add("into", "error.field.invalid")
		return nil, p.Err()
	}
	return s.store.MergeLiveQuestion(ctx, questionID, into)
}

// Answer keeps the written answer of one of the contribution's speakers,
// or of a moderator, to a question, and marks it answered; the answer
// shows on the contribution's page.
func (s *Service) Answer(ctx context.Context, u *symposium.User, questionID, text string) (*symposium.LiveQuestion, error) {
	q, t, err := s.question(ctx, u, questionID)
	if err != nil {
		return nil, err
	}
	speaker, err := s.IsSpeaker(ctx, u, t.contribution)
	if err != nil {
		return nil, err
	}
	if err := t.access.Require(t.event, t.access.MayAnswerLive(speaker)); err != nil {
		return nil, err
	}
	var p symposium.Problems
	text = symposium.ValidateLiveText(&p, "text", text, symposium.MaxLiveAnswerLength)
	if err := p.Err(); err != nil {
		return nil, err
	}
	return s.store.AnswerLiveQuestion(ctx, q.ID, text)
}

// IsSpeaker reports whether u is one of the contribution's speakers: a
// verified account with a speaker's email.
func (s *Service) IsSpeaker(ctx context.Context, u *symposium.User, c *symposium.Contribution) (bool, error) {
	if u == nil || len(c.SpeakerIDs) == 0 {
		return false, nil
	}
	people, err := s.store.People(ctx, c.SpeakerIDs)
	if err != nil {
		return false, err
	}
	for _, p := range people {
		if u.IsPerson(p) {
			return true, nil
		}
	}
	return false, nil
}
