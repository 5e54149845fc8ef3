package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"symposium"
)

// registrationFields are the columns of a registration as they are stored.
const registrationFields = `id, event_id, category_id, email, name, organization, country, answers, listed, language, status,
	checked_in_at, email_confirmed, hold_until, created_at, COALESCE(person_id, '')`

// registrationColumns are what scanRegistration reads from the table
// registrations: its fields and its photo consent, from the log.
var registrationColumns = registrationFields + ", " + photoConsentOf("registrations")

func scanRegistration(row interface{ Scan(...any) error }, r *symposium.Registration) error {
	var checked, hold time.Time
	err := row.Scan(&r.ID, &r.EventID, &r.CategoryID, &r.Email, jsonCol{&r.Name}, &r.Organization, &r.Country,
		jsonCol{&r.Answers}, &r.Listed, &r.Language, &r.Status, timeCol{&checked}, &r.EmailConfirmed, timeCol{&hold},
		timeCol{&r.CreatedAt}, &r.PersonID, &r.PhotoConsent)
	if !checked.IsZero() {
		r.CheckedInAt = &checked
	}
	if !hold.IsZero() {
		r.HoldUntil = &hold
	}
	return err
}

// registrationTx reads a registration inside a transaction.
func registrationTx(t *tx, id string) (*symposium.Registration, error) {
	var r symposium.Registration
	if err := scanRegistration(t.queryRow(`SELECT `+registrationColumns+` FROM registrations WHERE id = $1`, id), &r); err != nil {
		return nil, notFound("registration", err)
	}
	return &r, nil
}

// Registration returns one registration.
func (s *Store) Registration(ctx context.Context, id string) (*symposium.Registration, error) {
	if !symposium.IsID(id) {
		return nil, symposium.NotFound()
	}
	var r symposium.Registration
	if err := scanRegistration(s.read.QueryRowContext(ctx, `SELECT `+registrationColumns+` FROM registrations WHERE id = $1`, id), &r); err != nil {
		return nil, notFound("registration", err)
	}
	return &r, nil
}

// RegistrationByManageToken returns the registration a manage link opens:
// any link mailed for it that its registrant did not replace.
func (s *Store) RegistrationByManageToken(ctx context.Context, tokenHash string) (*symposium.Registration, error) {
	var r symposium.Registration
	err := scanRegistration(s.read.QueryRowContext(ctx, `SELECT `+registrationColumns+` FROM registrations
		WHERE id = (SELECT registration_id FROM registration_links WHERE token_hash = $1)`, tokenHash), &r)
	if err != nil {
		return nil, notFound("registration by token", err)
	}
	return &r, nil
}

// RegistrationQuery selects an event's registrations.
type RegistrationQuery struct {
	EventID    string
	Status     string // "" for all
	CategoryID string // "" for all
	Text       string // a piece of the name or email; "" for all
	// ModifiedSince keeps the registrations changed at or after it; zero
	// keeps all.
	ModifiedSince time.Time
	Limit         int
	Cursor        string
}

type registrationCursor struct {
	CreatedAt time.Time `json:"c"`
	ID        string    `json:"i"`
}

// Registrations returns a page of an event's registrations in the order
// they came, and the cursor of the next page.
func (s *Store) Registrations(ctx context.Context, q RegistrationQuery) ([]symposium.Registration, string, error) {
	var c registrationCursor
	if q.Cursor != "" && decodeCursor(q.Cursor, &c) != nil {
		return nil, "", invalidCursor()
	}
	text := ""
	if q.Text != "" {
		text = "%" + escapeLike(q.Text) + "%"
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+registrationColumns+` FROM registrations
		WHERE event_id = $1 AND ($2 = '' OR status = $2) AND ($3 = '' OR category_id = $3)
		  AND ($4 = '' OR created_at > $5 OR (created_at = $5 AND id > $4))
		  AND ($7 = '' OR name LIKE $7 ESCAPE '\' OR email LIKE LOWER($7) ESCAPE '\' OR organization LIKE $7 ESCAPE '\')
		  AND ($8 = '' OR updated_at >= $9)
		ORDER BY created_at, id LIMIT $6`,
		q.EventID, q.Status, q.CategoryID, c.ID, ts(orEpoch(c.CreatedAt)), q.Limit+1, text, since(q.ModifiedSince), ts(orEpoch(q.ModifiedSince)))
	if err != nil {
		return nil, "", fmt.Errorf("store: registrations: %w", err)
	}
	defer rows.Close()
	out := []symposium.Registration{}
	for rows.Next() {
		var r symposium.Registration
		if err := scanRegistration(rows, &r); err != nil {
			return nil, "", fmt.Errorf("store: registrations: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("store: registrations: %w", err)
	}
	next := ""
	if len(out) > q.Limit {
		out = out[:q.Limit]
		last := out[len(out)-1]
		next = encodeCursor(registrationCursor{CreatedAt: last.CreatedAt, ID: last.ID})
	}
	return out, next, nil
}

// CategoryStats are a category's live counts.
type CategoryStats struct {
	CategoryID                                string
	Confirmed, Waitlisted, Pending, CheckedIn int
	Cancelled, Rejected                       int
}

// RegistrationStats counts an event's registrations per category: by
// status, and how many have checked in.
func (s *Store) RegistrationStats(ctx context.Context, eventID string) (map[string]*CategoryStats, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT category_id, status, COUNT(*),
			SUM(CASE WHEN checked_in_at IS NULL THEN 0 ELSE 1 END)
		FROM registrations WHERE event_id = $1 GROUP BY category_id, status`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: registration stats: %w", err)
	}
	defer rows.Close()
	out := map[string]*CategoryStats{}
	for rows.Next() {
		var cat, status string
		var n, in int
		if err := rows.Scan(&cat, &status, &n, &in); err != nil {
			return nil, fmt.Errorf("store: registration stats: %w", err)
		}
		st := out[cat]
		if st == nil {
			st = &CategoryStats{CategoryID: cat}
			out[cat] = st
		}
		st.CheckedIn += in
		switch status {
		case symposium.RegConfirmed:
			st.Confirmed = n
		case symposium.RegWaitlisted:
			st.Waitlisted = n
		case symposium.RegPending:
			st.Pending = n
		case symposium.RegCancelled:
			st.Cancelled = n
		case symposium.RegRejected:
			st.Rejected = n
		}
	}
	return out, rows.Err()
}

// RegistrationCounts counts an event's registrations by status.
func (s *Store) RegistrationCounts(ctx context.Context, eventID string) (map[string]int, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT status, COUNT(*) FROM registrations WHERE event_id = $1 GROUP BY status`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: registration counts: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return nil, fmt.Errorf("store: registration counts: %w", err)
		}
		out[status] = n
	}
	return out, rows.Err()
}

// statusReasons say why a registration in a status cannot check in.
var statusReasons = map[string]string{
	symposium.RegWaitlisted: "registration.reason.waitlisted",
	symposium.RegPending:    "registration.reason.pending",
	symposium.RegCancelled:  "registration.reason.cancelled",
	symposium.RegRejected:   "registration.reason.rejected",
}

// CheckIn records that a confirmed registrant arrived. A second check-in is
// a conflict saying when the first was; a registration not confirmed is a
// conflict with its status as the reason.
func (s *Store) CheckIn(ctx context.Context, eventID, id string, at time.Time) (*symposium.Registration, error) {
	var out *symposium.Registration
	err := s.write(ctx, func(t *tx) error {
		r, err := registrationTx(t, id)
		if err != nil || r.EventID != eventID {
			return symposium.NotFound()
		}
		out = r
		switch {
		case r.Status != symposium.RegConfirmed:
			e := symposium.Errorf(symposium.ECONFLICT, "error.checkin_not_confirmed")
			e.Detail = map[string]any{"reason": statusReasons[r.Status]}
			return e
		case r.CheckedInAt != nil:
			e := symposium.Errorf(symposium.ECONFLICT, "error.checkin_twice")
			e.Detail = map[string]any{"checked_in_at": r.CheckedInAt}
			return e
		}
		at := at.UTC().Truncate(time.Microsecond)
		r.CheckedInAt = &at
		if _, err := t.exec(`UPDATE registrations SET checked_in_at = $2, updated_at = $2 WHERE id = $1`, id, ts(at)); err != nil {
			return err
		}
		return hooked(t, eventID, symposium.HookRegistrationCheckedIn, id, at)
	})
	if err != nil {
		if symposium.AsError(err) != nil {
			return out, err
		}
		return nil, fmt.Errorf("store: check in: %w", err)
	}
	return out, nil
}

// RegistrationSearch finds an event's registrations by a piece of the
// name or the email.
type RegistrationSearch struct {
	EventID string
	Text    string
	Limit   int
}

// SearchRegistrations returns the registrations whose name (in any script)
// or email contains the text, ignoring case for Latin and Cyrillic letters.
func (s *Store) SearchRegistrations(ctx context.Context, q RegistrationSearch) ([]symposium.Registration, error) {
	pattern := "%" + escapeLike(strings.ToLower(q.Text)) + "%"
	rows, err := s.read.QueryContext(ctx, `SELECT `+registrationColumns+` FROM registrations
		WHERE event_id = $1 AND (LOWER(name) LIKE $2 ESCAPE '\' OR email LIKE $2 ESCAPE '\' OR name LIKE $3 ESCAPE '\')
		ORDER BY created_at, id LIMIT $4`, q.EventID, pattern, "%"+escapeLike(q.Text)+"%", q.Limit)
	if err != nil {
		return nil, fmt.Errorf("store: search registrations: %w", err)
	}
	defer rows.Close()
	var out []symposium.Registration
	for rows.Next() {
		var r symposium.Registration
		if err := scanRegistration(rows, &r); err != nil {
			return nil, fmt.Errorf("store: search registrations: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// escapeLike makes the wildcards of a LIKE pattern literal.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// since is the flag of an optional lower bound on updated_at in a query:
// "" when there is none, so that the bound is ignored.
func since(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return "1"
}
