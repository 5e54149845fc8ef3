package store

import (
	"context"
	"fmt"
	"slices"

	"symposium"
)

// Reviewer is an account holding the reviewer role at an event, with the
// tracks it reviews (none: any track).
type Reviewer struct {
	User     symposium.User
	TrackIDs []string
	// Languages are the languages the reviewer reads; none named means
	// any.
	Languages []string
}

// EventReviewers returns the reviewers of an event with their tracks,
// ordered by email.
func (s *Store) EventReviewers(ctx context.Context, eventID string) ([]*Reviewer, error) {
	var out []*Reviewer
	byID := map[string]*Reviewer{}
	err := s.each(ctx, "reviewers", `SELECT `+userColumns+` FROM event_roles r JOIN users u ON u.id = r.user_id
		WHERE r.event_id = $1 AND r.role = 'reviewer' ORDER BY u.email`, func(sc scanner) error {
		rv := &Reviewer{TrackIDs: []string{}}
		if err := scanUser(sc, &rv.User); err != nil {
			return err
		}
		out = append(out, rv)
		byID[rv.User.ID] = rv
		return nil
	}, eventID)
	if err != nil {
		return nil, err
	}
	err = s.each(ctx, "reviewer tracks", `SELECT user_id, track_id FROM reviewer_tracks WHERE event_id = $1`, func(sc scanner) error {
		var userID, trackID string
		if err := sc.Scan(&userID, &trackID); err != nil {
			return err
		}
		if rv := byID[userID]; rv != nil {
			rv.TrackIDs = append(rv.TrackIDs, trackID)
		}
		return nil
	}, eventID)
	if err != nil {
		return nil, err
	}
	err = s.each(ctx, "reviewer languages", `SELECT user_id, languages FROM reviewer_languages WHERE event_id = $1`, func(sc scanner) error {
		var userID string
		var langs []string
		if err := sc.Scan(&userID, jsonCol{&langs}); err != nil {
			return err
		}
		if rv := byID[userID]; rv != nil {
			rv.Languages = langs
		}
		return nil
	}, eventID)
	return out, err
}

// SetReviewerLanguages sets the languages a reviewer reads at an event;
// none means any.
func (s *Store) SetReviewerLanguages(ctx context.Context, eventID, userID string, languages []string) error {
	err := s.write(ctx, func(t *tx) error {
		if _, err := t.exec(`DELETE FROM reviewer_languages WHERE event_id = $1 AND user_id = $2`, eventID, userID); err != nil {
			return err
		}
		_, err := t.exec(`INSERT INTO reviewer_languages (event_id, user_id, languages) VALUES ($1, $2, $3)`,
			eventID, userID, jsonText(orEmpty(languages)))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: set reviewer languages: %w", err)
	}
	return nil
}

// SetReviewerTracks sets the tracks a reviewer reviews at an event.
func (s *Store) SetReviewerTracks(ctx context.Context, eventID, userID string, trackIDs []string) error {
	err := s.write(ctx, func(t *tx) error {
		if _, err := t.exec(`DELETE FROM reviewer_tracks WHERE event_id = $1 AND user_id = $2`, eventID, userID); err != nil {
			return err
		}
		for i, id := range trackIDs {
			n, err := affected(t.exec(`INSERT INTO reviewer_tracks (event_id, user_id, track_id)
				SELECT $1, $2, id FROM tracks WHERE id = $3 AND event_id = $1`, eventID, userID, id))
			if err != nil {
				return err
			}
			if n == 0 {
				return invalidReference(fmt.Sprintf("track_ids.%d", i))
			}
		}
		return nil
	})
	if err != nil && symposium.AsError(err) == nil {
		return fmt.Errorf("store: set reviewer tracks: %w", err)
	}
	return err
}

// SetBid records how much a reviewer wants an abstract; an empty bid
// removes it.
func (s *Store) SetBid(ctx context.Context, abstractID, userID, bid string) error {
	err := s.write(ctx, func(t *tx) error {
		if bid == "" {
			_, err := t.exec(`DELETE FROM bids WHERE abstract_id = $1 AND user_id = $2`, abstractID, userID)
			return err
		}
		_, err := t.exec(`INSERT INTO bids (abstract_id, user_id, bid) VALUES ($1, $2, $3)
			ON CONFLICT (abstract_id, user_id) DO UPDATE SET bid = excluded.bid`, abstractID, userID, bid)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: set bid: %w", err)
	}
	return nil
}

// DeclareInterest records a conflict of interest between a reviewer and an
// abstract, declared by the reviewer or an author ("reviewer", "author").
func (s *Store) DeclareInterest(ctx context.Context, abstractID, userID, by string) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO declared_interests (abstract_id, user_id, declared_by, created_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (abstract_id, user_id) DO NOTHING`, abstractID, userID, by, ts(now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: declare interest: %w", err)
	}
	return nil
}

// ReviewSetup is what assigning reviewers at an event needs to know
// besides the abstracts and reviewers: bids and declared conflicts by
// abstract, then reviewer.
type ReviewSetup struct {
	Bids     map[string]map[string]string
	Declared map[string]map[string]bool
}

// EventReviewSetup reads the bids and declared conflicts of an event.
func (s *Store) EventReviewSetup(ctx context.Context, eventID string) (*ReviewSetup, error) {
	rs := &ReviewSetup{Bids: map[string]map[string]string{}, Declared: map[string]map[string]bool{}}
	err := s.each(ctx, "bids", `SELECT b.abstract_id, b.user_id, b.bid FROM bids b JOIN abstracts a ON a.id = b.abstract_id
		WHERE a.event_id = $1`, func(sc scanner) error {
		var a, u, bid string
		if err := sc.Scan(&a, &u, &bid); err != nil {
			return err
		}
		if rs.Bids[a] == nil {
			rs.Bids[a] = map[string]string{}
		}
		rs.Bids[a][u] = bid
		return nil
	}, eventID)
	if err != nil {
		return nil, err
	}
	err = s.each(ctx, "declared interests", `SELECT d.abstract_id, d.user_id FROM declared_interests d
		JOIN abstracts a ON a.id = d.abstract_id WHERE a.event_id = $1`, func(sc scanner) error {
		var a, u string
		if err := sc.Scan(&a, &u); err != nil {
			return err
		}
		if rs.Declared[a] == nil {
			rs.Declared[a] = map[string]bool{}
		}
		rs.Declared[a][u] = true
		return nil
	}, eventID)
	return rs, err
}

// Assign stores assignments of reviewers to abstracts, leaving those that
// exist as they are, and returns the ones that are new.
func (s *Store) Assign(ctx context.Context, list []symposium.Assignment, byUserID string) ([]symposium.Assignment, error) {
	var added []symposium.Assignment
	err := s.write(ctx, func(t *tx) error {
		added = added[:0]
		at := ts(now())
		for _, a := range list {
			n, err := affected(t.exec(`INSERT INTO assignments (abstract_id, user_id, override, assigned_by, assigned_at)
				VALUES ($1, $2, $3, $4, $5) ON CONFLICT (abstract_id, user_id) DO NOTHING`,
				a.AbstractID, a.ReviewerID, a.Override, byUserID, at))
			if err != nil {
				return err
			}
			if n > 0 {
				added = append(added, a)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: assign: %w", err)
	}
	return added, nil
}

// Unassign removes a reviewer from an abstract, with their draft review;
// a submitted review stays and so does the assignment, which is then a
// conflict.
func (s *Store) Unassign(ctx context.Context, abstractID, userID string) error {
	err := s.write(ctx, func(t *tx) error {
		var submitted int
		if err := t.queryRow(`SELECT COUNT(*) FROM reviews WHERE abstract_id = $1 AND user_id = $2 AND submitted`,
			abstractID, userID).Scan(&submitted); err != nil {
			return err
		}
		if submitted > 0 {
			return symposium.Errorf(symposium.ECONFLICT, "error.review_submitted")
		}
		if _, err := t.exec(`DELETE FROM reviews WHERE abstract_id = $1 AND user_id = $2`, abstractID, userID); err != nil {
			return err
		}
		_, err := t.exec(`DELETE FROM assignments WHERE abstract_id = $1 AND user_id = $2`, abstractID, userID)
		return err
	})
	if err != nil && symposium.AsError(err) == nil {
		return fmt.Errorf("store: unassign: %w", err)
	}
	return err
}

// EventAssignments returns the assignments of an event.
func (s *Store) EventAssignments(ctx context.Context, eventID string) ([]symposium.Assignment, error) {
	var out []symposium.Assignment
	err := s.each(ctx, "assignments", `SELECT s.abstract_id, s.user_id, s.override FROM assignments s
		JOIN abstracts a ON a.id = s.abstract_id WHERE a.event_id = $1 ORDER BY s.abstract_id, s.assigned_at, s.user_id`,
		func(sc scanner) error {
			var a symposium.Assignment
			if err := sc.Scan(&a.AbstractID, &a.ReviewerID, &a.Override); err != nil {
				return err
			}
			out = append(out, a)
			return nil
		}, eventID)
	return out, err
}

// Assignment returns a reviewer's assignment to an abstract, or a
// not-found error.
func (s *Store) Assignment(ctx context.Context, abstractID, userID string) (*symposium.Assignment, error) {
	a := symposium.Assignment{AbstractID: abstractID, ReviewerID: userID}
	err := s.read.QueryRowContext(ctx, `SELECT override FROM assignments WHERE abstract_id = $1 AND user_id = $2`,
		abstractID, userID).Scan(&a.Override)
	if err != nil {
		return nil, notFound("assignment", err)
	}
	return &a, nil
}

// ReviewerAssignments returns the IDs of the abstracts of an event a
// reviewer is assigned to, in the order assigned.
func (s *Store) ReviewerAssignments(ctx context.Context, eventID, userID string) ([]string, error) {
	var out []string
	err := s.each(ctx, "reviewer assignments", `SELECT s.abstract_id FROM assignments s JOIN abstracts a ON a.id = s.abstract_id
		WHERE a.event_id = $1 AND s.user_id = $2 ORDER BY s.assigned_at, a.created_at, a.id`, func(sc scanner) error {
		var id string
		if err := sc.Scan(&id); err != nil {
			return err
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
		return nil
	}, eventID, userID)
	return out, err
}

// AssignmentCounts returns how many reviewers each abstract of an event
// has.
func (s *Store) AssignmentCounts(ctx context.Context, eventID string) (map[string]int, error) {
	out := map[string]int{}
	err := s.each(ctx, "assignment counts", `SELECT s.abstract_id, COUNT(*) FROM assignments s
		JOIN abstracts a ON a.id = s.abstract_id WHERE a.event_id = $1 GROUP BY s.abstract_id`, func(sc scanner) error {
		var id string
		var n int
		if err := sc.Scan(&id, &n); err != nil {
			return err
		}
		out[id] = n
		return nil
	}, eventID)
	return out, err
}
