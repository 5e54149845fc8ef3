package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"symposium"
)

// userColumns are an account's columns, read from the users table under
// the alias u.
const userColumns = `u.id, u.email, u.name, u.is_admin, u.verified_at IS NOT NULL, u.is_curator, u.can_create_events,
	u.pending_email, u.language, u.created_at`

// scanUser reads the columns of userColumns.
func scanUser(row interface{ Scan(...any) error }, u *symposium.User, extra ...any) error {
	return row.Scan(append([]any{&u.ID, &u.Email, &u.Name, &u.IsAdmin, &u.Verified, &u.IsCurator, &u.CanCreateEvents,
		&u.PendingEmail, &u.Language, timeCol{&u.CreatedAt}}, extra...)...)
}

// CreateUser stores a new account with its password hash, filling in its ID
// and creation time. The account is verified, a curator or an organizer
// as u says. An email already in use is a conflict on "email".
func (s *Store) CreateUser(ctx context.Context, u *symposium.User, passwordHash string) error {
	u.ID = symposium.NewID()
	u.CreatedAt = time.Now().UTC().Truncate(time.Microsecond)
	var verified time.Time
	if u.Verified {
		verified = u.CreatedAt
	}
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO users (id, email, name, password_hash, is_admin, language, created_at, updated_at,
				verified_at, is_curator, can_create_events)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10)`,
			u.ID, u.Email, u.Name, passwordHash, u.IsAdmin, u.Language, ts(u.CreatedAt), ts(verified), u.IsCurator, u.CanCreateEvents)
		return err
	})
	if isUniqueViolation(err) {
		return emailTaken()
	}
	if err != nil {
		return fmt.Errorf("store: create user: %w", err)
	}
	return nil
}

// emailTaken is the error for an address another account uses.
func emailTaken() error {
	e := symposium.Errorf(symposium.ECONFLICT, "error.email_taken")
	e.Fields = []symposium.FieldError{{Field: "email", Key: "error.email_taken"}}
	return e
}

// UserByEmail returns the account with that (normalized) email and its
// password hash.
func (s *Store) UserByEmail(ctx context.Context, email string) (*symposium.User, string, error) {
	var u symposium.User
	var hash string
	row := s.read.QueryRowContext(ctx, `SELECT `+userColumns+`, u.password_hash FROM users u WHERE u.email = $1`, email)
	if err := scanUser(row, &u, &hash); err != nil {
		return nil, "", notFound("user by email", err)
	}
	return &u, hash, nil
}

// UserByID returns the account with that ID.
func (s *Store) UserByID(ctx context.Context, id string) (*symposium.User, error) {
	var u symposium.User
	err := scanUser(s.read.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = $1`, id), &u)
	if err != nil {
		return nil, notFound("user by id", err)
	}
	return &u, nil
}

// PasswordHash returns an account's password hash.
func (s *Store) PasswordHash(ctx context.Context, userID string) (string, error) {
	var hash string
	err := s.read.QueryRowContext(ctx, `SELECT password_hash FROM users WHERE id = $1`, userID).Scan(&hash)
	if err != nil {
		return "", notFound("password hash", err)
	}
	return hash, nil
}

// SetUserLanguage records the language an account reads mail in.
func (s *Store) SetUserLanguage(ctx context.Context, userID, lang string) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`UPDATE users SET language = $2, updated_at = $3 WHERE id = $1`, userID, lang, ts(time.Now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: set user language: %w", err)
	}
	return nil
}

// SetGrants changes an account's site-wide permissions and returns the
// account as it now is; a nil grant stays as it was.
func (s *Store) SetGrants(ctx context.Context, userID string, g symposium.Grants) (*symposium.User, error) {
	var u symposium.User
	err := s.write(ctx, func(t *tx) error {
		row := t.queryRow(`UPDATE users SET is_curator = COALESCE($2, is_curator), can_create_events = COALESCE($3, can_create_events),
			updated_at = $4 WHERE id = $1 RETURNING `+unaliased(userColumns), userID, g.IsCurator, g.CanCreateEvents, ts(time.Now()))
		return notFound("set grants", scanUser(row, &u))
	})
	if err != nil {
		if symposium.AsError(err) != nil {
			return nil, err
		}
		return nil, fmt.Errorf("store: set grants: %w", err)
	}
	return &u, nil
}

// notFound turns "no rows" into the domain's not-found error and wraps any
// other error with what was being done.
func notFound(what string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return symposium.NotFound()
	}
	return fmt.Errorf("store: %s: %w", what, err)
}
