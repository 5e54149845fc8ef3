package store

import (
	"context"
	"fmt"

	"symposium"
)

// SetPhoto stores a person's photo, replacing any earlier one.
func (s *Store) SetPhoto(ctx context.Context, personID, contentType string, data []byte) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO photos (person_id, content_type, data, updated_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (person_id) DO UPDATE SET content_type = excluded.content_type, data = excluded.data, updated_at = excluded.updated_at`,
			personID, contentType, data, ts(now()))
		if err != nil {
			return err
		}
		return t.changed(ChangePerson, personID) // pages show whether they have a photo
	})
	if isForeignKeyViolation(err) {
		return symposium.NotFound()
	}
	if err != nil {
		return fmt.Errorf("store: set photo: %w", err)
	}
	return nil
}

// Photo returns a person's photo and its content type.
func (s *Store) Photo(ctx context.Context, personID string) ([]byte, string, error) {
	var data []byte
	var ct string
	err := s.read.QueryRowContext(ctx, `SELECT data, content_type FROM photos WHERE person_id = $1`, personID).Scan(&data, &ct)
	if err != nil {
		return nil, "", notFound("photo", err)
	}
	return data, ct, nil
}

// TeamAdded reports whether the person was typed in by a manager of an
// event the account manages (the account itself among them): the team that
// added them may edit them, not every event that lists them, nor whoever
// typed them in as a co-author.
func (s *Store) TeamAdded(ctx context.Context, u *symposium.User, p *symposium.Person) (bool, error) {
	if u == nil || p.CreatedBy == "" {
		return false, nil
	}
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM event_roles mine
		JOIN event_roles theirs ON theirs.event_id = mine.event_id AND theirs.role = 'manager' AND theirs.user_id = $2
		WHERE mine.user_id = $1 AND mine.role = 'manager'`, u.ID, p.CreatedBy).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: team added: %w", err)
	}
	return n > 0, nil
}
