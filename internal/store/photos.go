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
		return err
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

// CanEditPerson reports whether an account may change a person: site
// administrators, the account with the person's verified email, and the
// managers of an event where the person speaks.
func (s *Store) CanEditPerson(ctx context.Context, u *symposium.User, p *symposium.Person) (bool, error) {
	if u == nil {
		return false, nil
	}
	if u.IsAdmin || u.IsPerson(p) {
		return true, nil
	}
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM contribution_speakers cs
		JOIN contributions c ON c.id = cs.contribution_id
		JOIN event_roles r ON r.event_id = c.event_id AND r.user_id = $2 AND r.role = 'manager'
		WHERE cs.person_id = $1`, p.ID, u.ID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: can edit person: %w", err)
	}
	return n > 0, nil
}
