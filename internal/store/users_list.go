package store

import (
	"context"
	"strings"

	"symposium"
)

// UserQuery finds accounts by a piece of their email or name, a page at a
// time.
type UserQuery struct {
	Text   string
	Limit  int
	Cursor string // from the previous page
}

// userCursor is where a page of accounts ends.
type userCursor struct {
	Email string `json:"e"`
}

// Users returns the accounts whose email or name contains the query's
// text (any account when it is empty), ordered by email, and the cursor of
// the next page, "" after the last.
func (s *Store) Users(ctx context.Context, q UserQuery) ([]symposium.User, string, error) {
	var after userCursor
	if q.Cursor != "" {
		if err := decodeCursor(q.Cursor, &after); err != nil {
			return nil, "", invalidCursor()
		}
	}
	if q.Limit <= 0 {
		q.Limit = 50
	}
	pattern := "%" + escapeLike(strings.ToLower(strings.TrimSpace(q.Text))) + "%"
	var out []symposium.User
	err := s.each(ctx, "users", `SELECT `+userColumns+` FROM users u
		WHERE u.email > $1 AND (u.email LIKE $2 ESCAPE '\' OR LOWER(u.name) LIKE $2 ESCAPE '\' OR u.name LIKE $3 ESCAPE '\')
		ORDER BY u.email LIMIT $4`, func(sc scanner) error {
		var u symposium.User
		if err := scanUser(sc, &u); err != nil {
			return err
		}
		out = append(out, u)
		return nil
	}, after.Email, pattern, "%"+escapeLike(strings.TrimSpace(q.Text))+"%", q.Limit+1)
	if err != nil {
		return nil, "", err
	}
	next := ""
	if len(out) > q.Limit {
		out = out[:q.Limit]
		next = encodeCursor(userCursor{Email: out[len(out)-1].Email})
	}
	return out, next, nil
}

// unaliased drops the alias u from a list of columns, for RETURNING
// clauses, where the table has none.
func unaliased(columns string) string {
	return strings.ReplaceAll(columns, "u.", "")
}
