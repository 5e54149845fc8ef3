package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

// UpdatePerson stores a person's editable fields: names, aliases,
// organization, position, country, email, languages, topics and bio. An
// organization that does not exist is invalid input on organization_id.
func (s *Store) UpdatePerson(ctx context.Context, p *symposium.Person) error {
	err := s.write(ctx, func(t *tx) error {
		res, err := t.exec(`UPDATE people SET name = $2, aliases = $3, organization_id = $4, position = $5, country = $6,
				email = $7, languages = $8, topics = $9, bio = $10, updated_at = $11 WHERE id = $1 AND merged_into IS NULL`,
			p.ID, jsonText(p.Name), jsonText(orEmpty(p.Aliases)), nullable(p.OrganizationID), jsonText(p.Position), p.Country,
			p.Email, jsonText(orEmpty(p.Languages)), jsonText(orEmpty(p.Topics)), jsonText(p.Bio), ts(now()))
		if n, err := affected(res, err); err != nil || n == 0 {
			return orMissing(err)
		}
		return t.changed(ChangePerson, p.ID)
	})
	if isForeignKeyViolation(err) {
		return invalidReference("organization_id")
	}
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return err
	}
	if err != nil {
		return fmt.Errorf("store: update person: %w", err)
	}
	return nil
}

// orMissing returns err, or "not found" when a statement changed no row.
func orMissing(err error) error {
	if err != nil {
		return err
	}
	return symposium.NotFound()
}

// ManagedPeople returns the people who take part, in the programme, as
// authors or as registrants, in the events an account manages: those whose
// duplicates the account's queue shows.
func (s *Store) ManagedPeople(ctx context.Context, userID string) (map[string]bool, error) {
	out := map[string]bool{}
	err := s.each(ctx, "managed people", `
		SELECT cs.person_id FROM contribution_speakers cs JOIN contributions c ON c.id = cs.contribution_id
			JOIN event_roles r ON r.event_id = c.event_id AND r.user_id = $1 AND r.role = 'manager'
		UNION SELECT aa.person_id FROM abstract_authors aa JOIN abstracts a ON a.id = aa.abstract_id
			JOIN event_roles r ON r.event_id = a.event_id AND r.user_id = $1 AND r.role = 'manager'
		UNION SELECT g.person_id FROM registrations g
			JOIN event_roles r ON r.event_id = g.event_id AND r.user_id = $1 AND r.role = 'manager'
			WHERE g.person_id IS NOT NULL`, func(sc scanner) error {
		var id string
		if err := sc.Scan(&id); err != nil {
			return err
		}
		out[id] = true
		return nil
	}, userID)
	return out, err
}

// ManagesAnEvent reports whether an account manages at least one event.
func (s *Store) ManagesAnEvent(ctx context.Context, userID string) (bool, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM event_roles WHERE user_id = $1 AND role = 'manager'`, userID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: manages an event: %w", err)
	}
	return n > 0, nil
}

// PersonMerge returns one merge.
func (s *Store) PersonMerge(ctx context.Context, id string) (*symposium.PersonMerge, error) {
	if !symposium.IsID(id) {
		return nil, symposium.NotFound()
	}
	var m symposium.PersonMerge
	var undone time.Time
	err := s.read.QueryRowContext(ctx, `SELECT id, survivor_id, merged_id, merged_by, created_at, undone_at
		FROM person_merges WHERE id = $1`, id).Scan(&m.ID, &m.SurvivorID, &m.MergedID, &m.MergedBy, timeCol{&m.CreatedAt}, timeCol{&undone})
	if err != nil {
		return nil, notFound("person merge", err)
	}
	if !undone.IsZero() {
		m.UndoneAt = &undone
	}
	return &m, nil
}
