package store

import (
	"context"
	"fmt"

	"symposium"
)

// EventAccess returns what a caller may do at an event: the roles they hold
// there, and whether they are registered for it under their account's
// verified email.
func (s *Store) EventAccess(ctx context.Context, eventID string, u *symposium.User) (symposium.Access, error) {
	a := symposium.Access{User: u}
	if u == nil {
		return a, nil
	}
	rows, err := s.read.QueryContext(ctx, `SELECT role FROM event_roles WHERE event_id = $1 AND user_id = $2 ORDER BY role`, eventID, u.ID)
	if err != nil {
		return a, fmt.Errorf("store: event access: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var role string
		if err := rows.Scan(&role); err != nil {
			return a, fmt.Errorf("store: event access: %w", err)
		}
		a.Roles = append(a.Roles, role)
	}
	if err := rows.Err(); err != nil {
		return a, fmt.Errorf("store: event access: %w", err)
	}
	if !u.Verified {
		return a, nil // a registration under an address the caller has not proved is not theirs
	}
	var n int
	err = s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND email = $2
		AND status IN ('confirmed', 'waitlisted', 'pending')`, eventID, u.Email).Scan(&n)
	if err != nil {
		return a, fmt.Errorf("store: event access: %w", err)
	}
	a.Registered = n > 0
	return a, nil
}

// AddEventRole gives the account with that email a role at the event. An
// email without an account is invalid input on "email"; giving a role twice
// is not an error.
func (s *Store) AddEventRole(ctx context.Context, eventID, email, role string) (*symposium.EventRole, error) {
	u, _, err := s.UserByEmail(ctx, symposium.NormalizeEmail(email))
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		var p symposium.Problems
		p.Add("email", "error.field.unknown_account")
		return nil, p.Err()
	}
	if err != nil {
		return nil, err
	}
	err = s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO event_roles (event_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (event_id, user_id, role) DO NOTHING`, eventID, u.ID, role, ts(now()))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: add event role: %w", err)
	}
	return &symposium.EventRole{EventID: eventID, UserID: u.ID, Email: u.Email, Name: u.Name, Role: role}, nil
}

// RemoveEventRole takes a role away.
func (s *Store) RemoveEventRole(ctx context.Context, eventID, userID, role string) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`DELETE FROM event_roles WHERE event_id = $1 AND user_id = $2 AND role = $3`, eventID, userID, role)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: remove event role: %w", err)
	}
	return nil
}

// EventRoles lists who holds which role at an event.
func (s *Store) EventRoles(ctx context.Context, eventID string) ([]symposium.EventRole, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT r.event_id, r.user_id, u.email, u.name, r.role
		FROM event_roles r JOIN users u ON u.id = r.user_id WHERE r.event_id = $1 ORDER BY r.role, u.name`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: event roles: %w", err)
	}
	defer rows.Close()
	var out []symposium.EventRole
	for rows.Next() {
		var r symposium.EventRole
		if err := rows.Scan(&r.EventID, &r.UserID, &r.Email, &r.Name, &r.Role); err != nil {
			return nil, fmt.Errorf("store: event roles: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// EventPersonIDs returns the people who take a part at an event: "speaker"
// (in the programme) or "registrant" (with a live registration).
func (s *Store) EventPersonIDs(ctx context.Context, eventID, part string) (map[string]bool, error) {
	q := `SELECT DISTINCT cs.person_id FROM contribution_speakers cs JOIN contributions c ON c.id = cs.contribution_id
		WHERE c.event_id = $1`
	if part == "registrant" {
		q = `SELECT DISTINCT person_id FROM registrations
			WHERE event_id = $1 AND person_id IS NOT NULL AND status IN ('confirmed', 'waitlisted', 'pending')`
	}
	out := map[string]bool{}
	err := s.each(ctx, "event people", q, func(sc scanner) error {
		var id string
		if err := sc.Scan(&id); err != nil {
			return err
		}
		out[id] = true
		return nil
	}, eventID)
	return out, err
}
