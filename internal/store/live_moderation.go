package store

import (
	"context"

	"symposium"
)

// ModerateLiveQuestion applies a moderation action other than merging to
// a question and announces the change; it returns the question as changed.
func (s *Store) ModerateLiveQuestion(ctx context.Context, id, action string) (*symposium.LiveQuestion, error) {
	var q *symposium.LiveQuestion
	err := s.writeLive(ctx, func(t *tx, log *liveLog) error {
		var err error
		if q, err = lockLiveQuestion(t, id); err != nil {
			return err
		}
		was := q.Status == symposium.LiveVisible
		if err := q.Moderate(action); err != nil {
			return err
		}
		if err := saveModeration(t, q); err != nil {
			return err
		}
		return log.change(t, q, was)
	})
	if err != nil {
		return nil, wrapLive("moderate live question", err)
	}
	return q, nil
}

// saveModeration writes a question's status and marks.
func saveModeration(t *tx, q *symposium.LiveQuestion) error {
	_, err := t.exec(`UPDATE live_questions SET status = $2, pinned = $3, answered = $4, merged_into = $5 WHERE id = $1`,
		q.ID, q.Status, q.Pinned, q.Answered, q.MergedInto)
	return err
}

// MergeLiveQuestion merges a duplicate question into another of the same
// contribution: the duplicate's voters vote for the other (each still
// once), and the duplicate leaves every list. It returns the question
// merged into, with its new count.
func (s *Store) MergeLiveQuestion(ctx context.Context, duplicateID, intoID string) (*symposium.LiveQuestion, error) {
	var into *symposium.LiveQuestion
	err := s.writeLive(ctx, func(t *tx, log *liveLog) error {
		// Lock in a fixed order, so that two opposite merges cannot deadlock.
		first, second := duplicateID, intoID
		if second < first {
			first, second = second, first
		}
		a, err := lockLiveQuestion(t, first)
		if err != nil {
			return err
		}
		b, err := lockLiveQuestion(t, second)
		if err != nil {
			return err
		}
		dup := a
		into = b
		if a.ID == intoID {
			dup, into = b, a
		}
		if dup.ContributionID != into.ContributionID || dup.Status == symposium.LiveMerged || into.Status == symposium.LiveMerged {
			var p symposium.Problems
			p.Add("into", "error.field.invalid")
			return p.Err()
		}
		if _, err := t.exec(`INSERT INTO live_votes (question_id, voter, created_at)
			SELECT $2, voter, created_at FROM live_votes WHERE question_id = $1
			ON CONFLICT (question_id, voter) DO NOTHING`, dup.ID, into.ID); err != nil {
			return err
		}
		was := dup.Status == symposium.LiveVisible
		dup.Status, dup.MergedInto, dup.Pinned = symposium.LiveMerged, into.ID, false
		if err := saveModeration(t, dup); err != nil {
			return err
		}
		if err := recount(t, into); err != nil {
			return err
		}
		if err := log.change(t, dup, was); err != nil {
			return err
		}
		return log.change(t, into, into.Status == symposium.LiveVisible)
	})
	if err != nil {
		return nil, wrapLive("merge live question", err)
	}
	return into, nil
}

// AnswerLiveQuestion keeps a speaker's written answer to a question and
// marks it answered.
func (s *Store) AnswerLiveQuestion(ctx context.Context, id, answer string) (*symposium.LiveQuestion, error) {
	var q *symposium.LiveQuestion
	err := s.writeLive(ctx, func(t *tx, log *liveLog) error {
		var err error
		if q, err = lockLiveQuestion(t, id); err != nil {
			return err
		}
		if q.Status == symposium.LiveMerged {
			return symposium.Errorf(symposium.ECONFLICT, "error.live.merged")
		}
		q.Answer, q.Answered, q.Pinned = answer, true, false
		if _, err := t.exec(`UPDATE live_questions SET answer = $2, answered = TRUE, pinned = FALSE WHERE id = $1`, id, answer); err != nil {
			return err
		}
		return log.change(t, q, q.Status == symposium.LiveVisible)
	})
	if err != nil {
		return nil, wrapLive("answer live question", err)
	}
	return q, nil
}
