package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"symposium"
)

// PutCall stores an event's call for abstracts with its tracks and review
// questions, filling in the IDs of new ones. Tracks and questions given
// with an ID are changed in place; those left out are removed, unless an
// abstract is in a track, which is then a conflict.
func (s *Store) PutCall(ctx context.Context, c *symposium.Call) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO calls (event_id, opens_at, closes_at, text, types, word_limit, blind, reviews_visible,
				review_opens_at, review_closes_at, updated_at, submission_questions)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
			ON CONFLICT (event_id) DO UPDATE SET opens_at = excluded.opens_at, closes_at = excluded.closes_at,
				text = excluded.text, types = excluded.types, word_limit = excluded.word_limit, blind = excluded.blind,
				reviews_visible = excluded.reviews_visible, review_opens_at = excluded.review_opens_at,
				review_closes_at = excluded.review_closes_at, updated_at = excluded.updated_at,
				submission_questions = excluded.submission_questions`,
			c.EventID, ts(c.OpensAt), ts(c.ClosesAt), jsonText(c.Text), jsonText(orEmpty(c.Types)), c.WordLimit, c.Blind,
			c.ReviewsVisible, optionalTime(c.ReviewOpensAt), optionalTime(c.ReviewClosesAt), ts(now()),
			jsonText(orNone(c.SubmissionQuestions)))
		if err != nil {
			return err
		}
		if err := putTracks(t, c); err != nil {
			return err
		}
		if err := putQuestions(t, c); err != nil {
			return err
		}
		return t.changed(ChangeEvent, c.EventID) // the event's pages show its call
	})
	if err != nil && symposium.AsError(err) == nil {
		return fmt.Errorf("store: put call: %w", err)
	}
	return err
}

// putTracks stores the call's tracks in their order.
func putTracks(t *tx, c *symposium.Call) error {
	keep := []string{}
	for i := range c.Tracks {
		tr := &c.Tracks[i]
		if tr.ID == "" {
			tr.ID = symposium.NewID()
			if _, err := t.exec(`INSERT INTO tracks (id, event_id, name, position) VALUES ($1, $2, $3, $4)`,
				tr.ID, c.EventID, jsonText(tr.Name), tr.Position); err != nil {
				return err
			}
		} else {
			n, err := affected(t.exec(`UPDATE tracks SET name = $3, position = $4 WHERE id = $1 AND event_id = $2`,
				tr.ID, c.EventID, jsonText(tr.Name), tr.Position))
			if err != nil {
				return err
			}
			if n == 0 {
				return invalidReference(fmt.Sprintf("tracks.%d.id", i))
			}
		}
		keep = append(keep, tr.ID)
	}
	var used int
	err := t.queryRow(`SELECT COUNT(*) FROM abstracts WHERE event_id = $1
		AND track_id NOT IN (SELECT value FROM `+t.d.jsonEach("$2")+`)`, c.EventID, jsonText(keep)).Scan(&used)
	if err != nil {
		return err
	}
	if used > 0 {
		return symposium.Errorf(symposium.ECONFLICT, "error.track_in_use")
	}
	_, err = t.exec(`DELETE FROM tracks WHERE event_id = $1 AND id NOT IN (SELECT value FROM `+t.d.jsonEach("$2")+`)`,
		c.EventID, jsonText(keep))
	return err
}

// putQuestions stores the call's review questions in their order.
func putQuestions(t *tx, c *symposium.Call) error {
	keep := []string{}
	for i := range c.Questions {
		q := &c.Questions[i]
		if q.ID == "" {
			q.ID = symposium.NewID()
			if _, err := t.exec(`INSERT INTO review_questions (id, event_id, text, kind, min, max, weight, position)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, q.ID, c.EventID, jsonText(q.Text), q.Kind, q.Min, q.Max, q.Weight, q.Position); err != nil {
				return err
			}
		} else {
			n, err := affected(t.exec(`UPDATE review_questions SET text = $3, kind = $4, min = $5, max = $6, weight = $7, position = $8
				WHERE id = $1 AND event_id = $2`, q.ID, c.EventID, jsonText(q.Text), q.Kind, q.Min, q.Max, q.Weight, q.Position))
			if err != nil {
				return err
			}
			if n == 0 {
				return invalidReference(fmt.Sprintf("questions.%d.id", i))
			}
		}
		keep = append(keep, q.ID)
	}
	_, err := t.exec(`DELETE FROM review_questions WHERE event_id = $1 AND id NOT IN (SELECT value FROM `+t.d.jsonEach("$2")+`)`,
		c.EventID, jsonText(keep))
	return err
}

// Call returns an event's call for abstracts, or a not-found error when the
// event has none.
func (s *Store) Call(ctx context.Context, eventID string) (*symposium.Call, error) {
	c := &symposium.Call{EventID: eventID}
	var reviewOpens, reviewCloses time.Time
	err := s.read.QueryRowContext(ctx, `SELECT opens_at, closes_at, text, types, word_limit, blind, reviews_visible,
			review_opens_at, review_closes_at, submission_questions FROM calls WHERE event_id = $1`, eventID).
		Scan(timeCol{&c.OpensAt}, timeCol{&c.ClosesAt}, jsonCol{&c.Text}, jsonCol{&c.Types}, &c.WordLimit, &c.Blind,
			&c.ReviewsVisible, timeCol{&reviewOpens}, timeCol{&reviewCloses}, jsonCol{&c.SubmissionQuestions})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, symposium.NotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("store: call: %w", err)
	}
	c.ReviewOpensAt, c.ReviewClosesAt = timeOrNil(reviewOpens), timeOrNil(reviewCloses)
	if err := s.loadCallParts(ctx, c); err != nil {
		return nil, fmt.Errorf("store: call: %w", err)
	}
	return c, nil
}

// loadCallParts reads a call's tracks and questions.
func (s *Store) loadCallParts(ctx context.Context, c *symposium.Call) error {
	c.Tracks, c.Questions = []symposium.Track{}, []symposium.ReviewQuestion{}
	err := s.each(ctx, "tracks", `SELECT id, name, position FROM tracks WHERE event_id = $1 ORDER BY position`, func(sc scanner) error {
		var tr symposium.Track
		if err := sc.Scan(&tr.ID, jsonCol{&tr.Name}, &tr.Position); err != nil {
			return err
		}
		c.Tracks = append(c.Tracks, tr)
		return nil
	}, c.EventID)
	if err != nil {
		return err
	}
	return s.each(ctx, "review questions", `SELECT id, text, kind, min, max, weight, position FROM review_questions
		WHERE event_id = $1 ORDER BY position`, func(sc scanner) error {
		var q symposium.ReviewQuestion
		if err := sc.Scan(&q.ID, jsonCol{&q.Text}, &q.Kind, &q.Min, &q.Max, &q.Weight, &q.Position); err != nil {
			return err
		}
		c.Questions = append(c.Questions, q)
		return nil
	}, c.EventID)
}

// orNone makes a nil list of questions encode as [].
func orNone(qs []symposium.Question) []symposium.Question {
	if qs == nil {
		return []symposium.Question{}
	}
	return qs
}

// timeOrNil returns nil for the zero time.
func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
