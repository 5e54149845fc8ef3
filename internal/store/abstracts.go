package store

import (
	"context"
	"fmt"

	"symposium"
)

// CreateAbstract stores a new abstract with its authors, filling in its
// ID. An author or presenter who does not exist is invalid input.
func (s *Store) CreateAbstract(ctx context.Context, a *symposium.Abstract) error {
	a.ID = symposium.NewID()
	a.Status = symposium.AbstractSubmitted
	a.CreatedAt = now()
	a.UpdatedAt = a.CreatedAt
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO abstracts (id, event_id, track_id, type, language, title, content, presenter_id,
				submitter_id, status, created_at, updated_at, answers)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12)`,
			a.ID, a.EventID, a.TrackID, a.Type, a.Language, jsonText(a.Title), jsonText(a.Content), nullable(a.PresenterID),
			a.SubmitterID, a.Status, ts(a.CreatedAt), jsonText(answersOf(a)))
		if isForeignKeyViolation(err) {
			return invalidReference("presenter_id")
		}
		if err != nil {
			return err
		}
		if err := putAuthors(t, a); err != nil {
			return err
		}
		return hooked(t, a.EventID, symposium.HookAbstractSubmitted, a.ID, a.CreatedAt)
	})
	if err != nil {
		a.ID = ""
	}
	return abstractError("create abstract", err)
}

// UpdateAbstract stores an abstract's text, track, type and authors.
// Authors who stay keep their confirmation.
func (s *Store) UpdateAbstract(ctx context.Context, a *symposium.Abstract) error {
	a.UpdatedAt = now()
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE abstracts SET track_id = $2, type = $3, language = $4, title = $5, content = $6,
				presenter_id = $7, updated_at = $8, answers = $9 WHERE id = $1 AND status = 'submitted'`,
			a.ID, a.TrackID, a.Type, a.Language, jsonText(a.Title), jsonText(a.Content), nullable(a.PresenterID), ts(a.UpdatedAt),
			jsonText(answersOf(a))))
		if isForeignKeyViolation(err) {
			return invalidReference("presenter_id")
		}
		if err != nil {
			return err
		}
		if n == 0 {
			return symposium.Errorf(symposium.ECONFLICT, "error.abstract_closed")
		}
		return putAuthors(t, a)
	})
	return abstractError("update abstract", err)
}

// putAuthors stores an abstract's authors in their order, keeping the
// confirmations of those who stay.
func putAuthors(t *tx, a *symposium.Abstract) error {
	if _, err := t.exec(`DELETE FROM abstract_authors WHERE abstract_id = $1
		AND person_id NOT IN (SELECT value FROM `+t.d.jsonEach("$2")+`)`, a.ID, jsonText(a.AuthorIDs)); err != nil {
		return err
	}
	for i, id := range a.AuthorIDs {
		var merged int
		if err := t.queryRow(`SELECT COUNT(*) FROM people WHERE id = $1 AND merged_into IS NULL`, id).Scan(&merged); err != nil {
			return err
		}
		if merged == 0 {
			return invalidReference(fmt.Sprintf("author_ids.%d", i))
		}
		_, err := t.exec(`INSERT INTO abstract_authors (abstract_id, person_id, position) VALUES ($1, $2, $3)
			ON CONFLICT (abstract_id, person_id) DO UPDATE SET position = excluded.position`, a.ID, id, i)
		if err != nil {
			return err
		}
	}
	return nil
}

// WithdrawAbstract withdraws an abstract; it stays, marked withdrawn.
func (s *Store) WithdrawAbstract(ctx context.Context, id string) error {
	at := now()
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE abstracts SET status = 'withdrawn', withdrawn_at = $2, updated_at = $2
			WHERE id = $1 AND status = 'submitted'`, id, ts(at)))
		if err != nil {
			return err
		}
		if n == 0 {
			return symposium.Errorf(symposium.ECONFLICT, "error.abstract_closed")
		}
		return nil
	})
	return abstractError("withdraw abstract", err)
}

// ConfirmAuthorship records that an author confirmed being one.
func (s *Store) ConfirmAuthorship(ctx context.Context, abstractID, personID string) error {
	err := s.write(ctx, func(t *tx) error {
		at := ts(now())
		n, err := affected(t.exec(`UPDATE abstract_authors SET confirmed_at = $3
			WHERE abstract_id = $1 AND person_id = $2 AND confirmed_at IS NULL`, abstractID, personID, at))
		if err != nil {
			return err
		}
		if n > 0 {
			_, err := t.exec(`UPDATE abstracts SET updated_at = $2 WHERE id = $1`, abstractID, at)
			return err
		}
		var exists int
		if err := t.queryRow(`SELECT COUNT(*) FROM abstract_authors WHERE abstract_id = $1 AND person_id = $2`,
			abstractID, personID).Scan(&exists); err != nil {
			return err
		}
		if exists == 0 {
			return symposium.NotFound()
		}
		return nil
	})
	return abstractError("confirm authorship", err)
}

// answersOf makes missing answers encode as {}.
func answersOf(a *symposium.Abstract) map[string]string {
	if a.Answers == nil {
		return map[string]string{}
	}
	return a.Answers
}

// abstractError explains a failed abstract write.
func abstractError(what string, err error) error {
	if err == nil || symposium.AsError(err) != nil {
		return err
	}
	return fmt.Errorf("store: %s: %w", what, err)
}
