package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"symposium"
)

const userColumns = "id, email, name, is_admin, language, created_at"

// scanUser reads the columns of userColumns.
func scanUser(row interface{ Scan(...any) error }, u *symposium.User) error {
	return row.Scan(&u.ID, &u.Email, &u.Name, &u.IsAdmin, &u.Language, timeCol{&u.CreatedAt})
}

// CreateUser stores a new account with its password hash, filling in its ID
// and creation time. An email already in use is a conflict on "email".
func (s *Store) CreateUser(ctx context.Context, u *symposium.User, passwordHash string) error {
	u.ID = symposium.NewID()
	u.CreatedAt = time.Now().UTC().Truncate(time.Microsecond)
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO users (id, email, name, password_hash, is_admin, language, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
			u.ID, u.Email, u.Name, passwordHash, u.IsAdmin, u.Language, ts(u.CreatedAt))
		return err
	})
	if isUniqueViolation(err) {
		e := symposium.Errorf(symposium.ECONFLICT, "error.email_taken")
		e.Fields = []symposium.FieldError{{Field: "email", Key: "error.email_taken"}}
		return e
	}
	if err != nil {
		return fmt.Errorf("store: create user: %w", err)
	}
	return nil
}

// UserByEmail returns the account with that (normalized) email and its
// password hash.
func (s *Store) UserByEmail(ctx context.Context, email string) (*symposium.User, string, error) {
	var u symposium.User
	var hash string
	row := s.read.QueryRowContext(ctx, `SELECT `+userColumns+`, password_hash FROM users WHERE email = $1`, email)
	err := row.Scan(&u.ID, &u.Email, &u.Name, &u.IsAdmin, &u.Language, timeCol{&u.CreatedAt}, &hash)
	if err != nil {
		return nil, "", notFound("user by email", err)
	}
	return &u, hash, nil
}

// UserByID returns the account with that ID.
func (s *Store) UserByID(ctx context.Context, id string) (*symposium.User, error) {
	var u symposium.User
	err := scanUser(s.read.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id), &u)
	if err != nil {
		return nil, notFound("user by id", err)
	}
	return &u, nil
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

// notFound turns "no rows" into the domain's not-found error and wraps any
// other error with what was being done.
func notFound(what string, err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return symposium.NotFound()
	}
	return fmt.Errorf("store: %s: %w", what, err)
}
