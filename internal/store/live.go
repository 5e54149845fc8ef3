package store

import (
	"context"
	"database/sql"
	"fmt"

	"symposium"
)

// LiveSettings returns an event's rules for live questions, the defaults
// when it set none.
func (s *Store) LiveSettings(ctx context.Context, eventID string) (symposium.LiveSettings, error) {
	ls := symposium.DefaultLiveSettings()
	err := s.read.QueryRowContext(ctx, `SELECT moderation, guests, window_minutes FROM live_settings WHERE event_id = $1`, eventID).
		Scan(&ls.Moderation, &ls.Guests, &ls.WindowMinutes)
	if err != nil && err != sql.ErrNoRows {
		return ls, fmt.Errorf("store: live settings: %w", err)
	}
	return ls, nil
}

// SetLiveSettings replaces an event's rules for live questions.
func (s *Store) SetLiveSettings(ctx context.Context, eventID string, ls symposium.LiveSettings) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO live_settings (event_id, moderation, guests, window_minutes) VALUES ($1, $2, $3, $4)
			ON CONFLICT (event_id) DO UPDATE SET moderation = $2, guests = $3, window_minutes = $4`,
			eventID, ls.Moderation, ls.Guests, ls.WindowMinutes)
		if err != nil {
			return err
		}
		return t.changed(ChangeEvent, eventID) // other instances' live services forget their decisions
	})
	if err != nil {
		return fmt.Errorf("store: set live settings: %w", err)
	}
	return nil
}

// ContributionEvent returns the ID of the event a contribution belongs to.
func (s *Store) ContributionEvent(ctx context.Context, contributionID string) (string, error) {
	if !symposium.IsID(contributionID) {
		return "", symposium.NotFound()
	}
	var eventID string
	err := s.read.QueryRowContext(ctx, `SELECT event_id FROM contributions WHERE id = $1`, contributionID).Scan(&eventID)
	return eventID, notFound("contribution event", err)
}

const liveQuestionColumns = `id, contribution_id, asker, author_name, author_latin, anonymous, text, language, status,
	pinned, answered, votes, merged_into, answer, created_at`

// scanLiveQuestion reads a row of liveQuestionColumns.
func scanLiveQuestion(row interface{ Scan(...any) error }, q *symposium.LiveQuestion) error {
	return row.Scan(&q.ID, &q.ContributionID, &q.Asker, &q.AuthorName, &q.AuthorLatin, &q.Anonymous, &q.Text, &q.Language,
		&q.Status, &q.Pinned, &q.Answered, &q.Votes, &q.MergedInto, &q.Answer, timeCol{&q.CreatedAt})
}

// AddLiveQuestion stores a new question of a contribution at an event and
// announces it on the contribution's live stream.
func (s *Store) AddLiveQuestion(ctx context.Context, eventID string, q *symposium.LiveQuestion) error {
	q.CreatedAt = now()
	err := s.writeLive(ctx, func(t *tx, log *liveLog) error {
		_, err := t.exec(`INSERT INTO live_questions (`+liveQuestionColumns+`, event_id)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
			q.ID, q.ContributionID, q.Asker, q.AuthorName, q.AuthorLatin, q.Anonymous, q.Text, q.Language, q.Status,
			q.Pinned, q.Answered, 0, "", "", ts(q.CreatedAt), eventID)
		if err != nil {
			return err
		}
		return log.question(t, symposium.LiveEventQuestion, q)
	})
	if err != nil {
		return fmt.Errorf("store: add live question: %w", err)
	}
	return nil
}

// LiveQuestion returns one question.
func (s *Store) LiveQuestion(ctx context.Context, id string) (*symposium.LiveQuestion, error) {
	if !symposium.IsID(id) {
		return nil, symposium.NotFound()
	}
	var q symposium.LiveQuestion
	err := scanLiveQuestion(s.read.QueryRowContext(ctx, `SELECT `+liveQuestionColumns+` FROM live_questions WHERE id = $1`, id), &q)
	if err != nil {
		return nil, notFound("live question", err)
	}
	return &q, nil
}

// LiveQuestions lists a contribution's questions in the order they were
// asked: all of them, or only the visible ones. Each says whether voter
// ("" for nobody) voted for it.
func (s *Store) LiveQuestions(ctx context.Context, contributionID, voter string, all bool) ([]symposium.LiveQuestion, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+liveQuestionColumns+`,
		EXISTS (SELECT 1 FROM live_votes v WHERE v.question_id = q.id AND v.voter = $2)
		FROM live_questions q WHERE contribution_id = $1 AND ($3 OR status = 'visible')
		ORDER BY created_at, id`, contributionID, voter, all)
	if err != nil {
		return nil, fmt.Errorf("store: live questions: %w", err)
	}
	defer rows.Close()
	out := []symposium.LiveQuestion{}
	for rows.Next() {
		var q symposium.LiveQuestion
		err := rows.Scan(&q.ID, &q.ContributionID, &q.Asker, &q.AuthorName, &q.AuthorLatin, &q.Anonymous, &q.Text, &q.Language,
			&q.Status, &q.Pinned, &q.Answered, &q.Votes, &q.MergedInto, &q.Answer, timeCol{&q.CreatedAt}, &q.Voted)
		if err != nil {
			return nil, fmt.Errorf("store: live questions: %w", err)
		}
		out = append(out, q)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: live questions: %w", err)
	}
	return out, nil
}

// lockLiveQuestion reads a question in a transaction, locking its row on
// PostgreSQL so that concurrent votes and moderation of it take turns.
func lockLiveQuestion(t *tx, id string) (*symposium.LiveQuestion, error) {
	var q symposium.LiveQuestion
	err := scanLiveQuestion(t.queryRow(`SELECT `+liveQuestionColumns+` FROM live_questions WHERE id = $1`+t.d.forUpdate, id), &q)
	if err != nil {
		return nil, notFound("live question", err)
	}
	return &q, nil
}

// recount sets a question's count of votes from its rows of votes, in the
// transaction that changed them, and returns it.
func recount(t *tx, q *symposium.LiveQuestion) error {
	err := t.queryRow(`UPDATE live_questions SET votes = (SELECT COUNT(*) FROM live_votes WHERE question_id = $1)
		WHERE id = $1 RETURNING votes`, q.ID).Scan(&q.Votes)
	if err != nil {
		return fmt.Errorf("recount: %w", err)
	}
	return nil
}

// Vote records voter's vote for a visible question (on) or withdraws it,
// at most one per voter, and returns the question with its count of votes
// as it stands after the change. A question that is not visible takes no
// votes (ECONFLICT). A vote given twice, or withdrawn without being given,
// changes nothing and announces nothing.
func (s *Store) Vote(ctx context.Context, questionID, voter string, on bool) (*symposium.LiveQuestion, error) {
	return s.VoteWithin(ctx, questionID, voter, on, Quotas{})
}

// VoteWithin is Vote, counting the vote against the quotas in its own
// transaction and refusing it past any of them (ETOOMANY). The count of
// votes moves by the one row added or removed, under the question's lock,
// so it stays exact without counting the rows again.
func (s *Store) VoteWithin(ctx context.Context, questionID, voter string, on bool, quotas Quotas) (*symposium.LiveQuestion, error) {
	if s.votes != nil {
		return s.votes.vote(ctx, voteRequest{questionID: questionID, voter: voter, on: on, quotas: quotas})
	}
	var q *symposium.LiveQuestion
	err := s.writeLive(ctx, func(t *tx, log *liveLog) error {
		if err := quotas.take(t); err != nil {
			return err
		}
		var err error
		if q, err = lockLiveQuestion(t, questionID); err != nil {
			return err
		}
		if q.Status != symposium.LiveVisible {
			return symposium.Errorf(symposium.ECONFLICT, "error.live.not_visible")
		}
		q.Voted = on
		delta, err := castVote(t, questionID, voter, on)
		if err != nil || delta == 0 {
			return err
		}
		err = t.queryRow(`UPDATE live_questions SET votes = votes + $2 WHERE id = $1 RETURNING votes`, questionID, delta).Scan(&q.Votes)
		if err != nil {
			return fmt.Errorf("count vote: %w", err)
		}
		return log.vote(t, q)
	})
	if err != nil {
		return nil, wrapLive("vote", err)
	}
	return q, nil
}

// castVote adds voter's row of votes for a question (on) or removes it,
// and returns by how much the count moves: 1, -1, or 0 when the vote was
// already given or not given.
func castVote(t *tx, questionID, voter string, on bool) (int64, error) {
	if on {
		return affected(t.exec(`INSERT INTO live_votes (question_id, voter, created_at) VALUES ($1, $2, $3)
			ON CONFLICT (question_id, voter) DO NOTHING`, questionID, voter, ts(now())))
	}
	n, err := affected(t.exec(`DELETE FROM live_votes WHERE question_id = $1 AND voter = $2`, questionID, voter))
	return -n, err
}

// wrapLive adds the store's context to an internal error and leaves the
// errors meant for people as they are.
func wrapLive(what string, err error) error {
	if symposium.AsError(err) != nil {
		return err
	}
	return fmt.Errorf("store: %s: %w", what, err)
}
