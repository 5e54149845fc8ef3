package store

import (
	"context"
	"encoding/json"
	"fmt"

	"symposium"
)

// SaveReview stores a reviewer's review of an abstract, a draft or
// submitted, filling in its ID. A submitted review stays submitted.
func (s *Store) SaveReview(ctx context.Context, r *symposium.Review) error {
	r.UpdatedAt = now()
	id := symposium.NewID()
	err := s.write(ctx, func(t *tx) error {
		return t.queryRow(`INSERT INTO reviews (id, abstract_id, user_id, ratings, comment_to_authors, comment_to_committee,
				submitted, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
			ON CONFLICT (abstract_id, user_id) DO UPDATE SET ratings = excluded.ratings,
				comment_to_authors = excluded.comment_to_authors, comment_to_committee = excluded.comment_to_committee,
				submitted = reviews.submitted OR excluded.submitted, updated_at = excluded.updated_at
			RETURNING id, submitted`, id, r.AbstractID, r.ReviewerID, jsonText(r.Ratings), r.CommentToAuthors,
			r.CommentToCommittee, r.Submitted, ts(r.UpdatedAt)).Scan(&r.ID, &r.Submitted)
	})
	if err != nil {
		return fmt.Errorf("store: save review: %w", err)
	}
	return nil
}

const reviewColumns = `r.id, r.abstract_id, r.user_id, r.ratings, r.comment_to_authors, r.comment_to_committee, r.submitted, r.updated_at`

func scanReview(sc scanner, r *symposium.Review) error {
	return sc.Scan(&r.ID, &r.AbstractID, &r.ReviewerID, jsonCol{&r.Ratings}, &r.CommentToAuthors, &r.CommentToCommittee,
		&r.Submitted, timeCol{&r.UpdatedAt})
}

// AbstractReviews returns the reviews of an abstract, drafts included.
func (s *Store) AbstractReviews(ctx context.Context, abstractID string) ([]*symposium.Review, error) {
	return s.queryReviews(ctx, `SELECT `+reviewColumns+` FROM reviews r WHERE r.abstract_id = $1 ORDER BY r.created_at, r.id`, abstractID)
}

// EventReviews returns every review of an event's abstracts, drafts
// included.
func (s *Store) EventReviews(ctx context.Context, eventID string) ([]*symposium.Review, error) {
	return s.queryReviews(ctx, `SELECT `+reviewColumns+` FROM reviews r JOIN abstracts a ON a.id = r.abstract_id
		WHERE a.event_id = $1 ORDER BY r.abstract_id, r.created_at, r.id`, eventID)
}

func (s *Store) queryReviews(ctx context.Context, q, arg string) ([]*symposium.Review, error) {
	out := []*symposium.Review{}
	err := s.each(ctx, "reviews", q, func(sc scanner) error {
		var r symposium.Review
		if err := scanReview(sc, &r); err != nil {
			return err
		}
		out = append(out, &r)
		return nil
	}, arg)
	return out, err
}

// EventRatings returns the ratings of the submitted reviews of an event's
// abstracts, by abstract.
func (s *Store) EventRatings(ctx context.Context, eventID string) (map[string][]map[string]int, error) {
	out := map[string][]map[string]int{}
	err := s.each(ctx, "ratings", `SELECT r.abstract_id, r.ratings FROM reviews r JOIN abstracts a ON a.id = r.abstract_id
		WHERE a.event_id = $1 AND r.submitted`, func(sc scanner) error {
		var id, raw string
		if err := sc.Scan(&id, &raw); err != nil {
			return err
		}
		ratings, err := parseRatings(raw)
		if err != nil {
			return err
		}
		out[id] = append(out[id], ratings)
		return nil
	}, eventID)
	return out, err
}

// Decide records the committee's decision on an abstract, pending until
// released; a released decision cannot change.
func (s *Store) Decide(ctx context.Context, abstractID string, d *symposium.Decision) error {
	d.DecidedAt = now()
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE abstracts SET decision = $2, decision_as = $3, decided_at = $4, updated_at = $4
			WHERE id = $1 AND status = 'submitted' AND NOT released`, abstractID, d.Outcome, d.As, ts(d.DecidedAt)))
		if err != nil {
			return err
		}
		if n == 0 {
			return symposium.Errorf(symposium.ECONFLICT, "error.abstract_closed")
		}
		return nil
	})
	return abstractError("decide", err)
}

// Release is one pending decision to release, with the mails that tell
// the authors.
type Release struct {
	Abstract *symposium.Abstract
	Mails    []symposium.Mail
}

// ReleaseDecisions releases pending decisions in one transaction: an
// accepted abstract becomes an unscheduled contribution of its event with
// its authors as speakers, presenter first, and every author's mail is
// queued. A decision changed or released meanwhile is left out. It
// returns the abstracts released.
func (s *Store) ReleaseDecisions(ctx context.Context, e *symposium.Event, releases []Release) ([]string, error) {
	var done []string
	err := s.write(ctx, func(t *tx) error {
		done = done[:0]
		for _, rel := range releases {
			ok, err := releaseOne(t, e, rel)
			if err != nil {
				return err
			}
			if ok {
				done = append(done, rel.Abstract.ID)
			}
		}
		if len(done) > 0 {
			return bumpProgramme(t, e.ID)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: release decisions: %w", err)
	}
	return done, nil
}

// releaseOne releases one decision, if it is still the one pending.
func releaseOne(t *tx, e *symposium.Event, rel Release) (bool, error) {
	a, d := rel.Abstract, rel.Abstract.Decision
	status, contributionID := symposium.AbstractRejected, ""
	if d.Outcome == symposium.DecisionAccept {
		status, contributionID = symposium.AbstractAccepted, symposium.NewID()
	}
	n, err := affected(t.exec(`UPDATE abstracts SET released = TRUE, status = $2, updated_at = $3
		WHERE id = $1 AND status = 'submitted' AND NOT released AND decision = $4 AND decision_as = $5`,
		a.ID, status, ts(now()), d.Outcome, d.As))
	if err != nil || n == 0 {
		return false, err
	}
	if err := hooked(t, e.ID, symposium.HookAbstractDecided, a.ID, now()); err != nil {
		return false, err
	}
	if contributionID != "" {
		if err := acceptedContribution(t, e, a, contributionID); err != nil {
			return false, err
		}
	}
	for _, m := range rel.Mails {
		if err := insertMail(t, m); err != nil {
			return false, err
		}
	}
	return true, nil
}

// acceptedContribution makes an accepted abstract an unscheduled
// contribution with its authors as speakers, presenter first.
func acceptedContribution(t *tx, e *symposium.Event, a *symposium.Abstract, id string) error {
	kind := a.Decision.As
	if kind == "" {
		kind = a.Type
	}
	c := &symposium.Contribution{ID: id, EventID: e.ID, Title: a.Title, Kind: kind, Description: a.Content,
		DurationMinutes: 20, CreatedAt: now()}
	if a.PresenterID != "" {
		c.SpeakerIDs = append(c.SpeakerIDs, a.PresenterID)
	}
	for _, p := range a.AuthorIDs {
		if p != a.PresenterID {
			c.SpeakerIDs = append(c.SpeakerIDs, p)
		}
	}
	if err := upsertContribution(t, c, true); err != nil {
		return err
	}
	if _, err := t.exec(`UPDATE abstracts SET contribution_id = $2 WHERE id = $1`, a.ID, id); err != nil {
		return err
	}
	return t.changed(ChangeContribution, id)
}

// SubmittedBy returns the abstracts of an event a reviewer submitted a
// review of.
func (s *Store) SubmittedBy(ctx context.Context, eventID, userID string) (map[string]bool, error) {
	out := map[string]bool{}
	err := s.each(ctx, "submitted reviews", `SELECT r.abstract_id FROM reviews r JOIN abstracts a ON a.id = r.abstract_id
		WHERE a.event_id = $1 AND r.user_id = $2 AND r.submitted`, func(sc scanner) error {
		var id string
		if err := sc.Scan(&id); err != nil {
			return err
		}
		out[id] = true
		return nil
	}, eventID, userID)
	return out, err
}

// parseRatings reads a review's ratings.
func parseRatings(raw string) (map[string]int, error) {
	out := map[string]int{}
	if raw == "" {
		return out, nil
	}
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		return nil, fmt.Errorf("decode ratings: %w", err)
	}
	return out, nil
}
