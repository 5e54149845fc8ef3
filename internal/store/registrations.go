package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

// RegistrationMail writes the message telling a registrant about their
// registration: what is "confirmed", "waitlisted", "pending", "promoted",
// "approved", "rejected" or "cancelled". It returns false when nothing is
// to be sent. It runs inside the transaction, so it must be quick.
type RegistrationMail func(r *symposium.Registration, what string) (symposium.Mail, bool)

// seats is what decides a registration in a category: its and its event's
// capacities (the seats themselves are rows, see seats.go), and its rules.
type seats struct {
	capacity, eventCapacity   *int64
	approval, waitlist        bool
	opens, closes             time.Time
	holdMinutes, promoteHours int
}

// readSeats reads a category's rules, holding its event's lock shared on
// PostgreSQL (see seats.go).
func readSeats(t *tx, eventID, categoryID string) (*seats, error) {
	var st seats
	var locked int
	err := t.queryRow(`SELECT c.capacity, c.requires_approval, c.waitlist, c.opens_at, c.closes_at,
			e.registration_capacity, e.hold_minutes, e.promotion_hours, `+t.d.sharedEventLock+`
		FROM registration_categories c JOIN events e ON e.id = c.event_id
		WHERE c.id = $1 AND c.event_id = $2`, categoryID, eventID).
		Scan(&st.capacity, &st.approval, &st.waitlist, timeCol{&st.opens}, timeCol{&st.closes},
			&st.eventCapacity, &st.holdMinutes, &st.promoteHours, &locked)
	if err != nil {
		return nil, notFound("read seats", err)
	}
	return &st, nil
}

// Register decides a registration's status — confirmed while seats are
// free, else waitlisted where the category keeps a waiting list, pending
// where it needs approval — and stores it with its counters and its mail in
// one durable transaction. A full category without a waiting list, or an
// email already registered, is a conflict.
func (s *Store) Register(ctx context.Context, r *symposium.Registration, manageHash string, at time.Time, mail RegistrationMail) error {
	if r.ID == "" {
		r.ID = symposium.NewID()
	}
	r.CreatedAt = at.UTC().Truncate(time.Microsecond)
	err := s.write(ctx, func(t *tx) error {
		st, err := readSeats(t, r.EventID, r.CategoryID)
		if err != nil {
			if symposium.ErrorCode(err) == symposium.ENOTFOUND {
				return invalidReference("category_id")
			}
			return err
		}
		if err := checkWindow(st, at); err != nil {
			return err
		}
		if r.Status, err = firstStatus(t, r, st); err != nil {
			return err
		}
		r.HoldUntil = nil
		if r.Status == symposium.RegConfirmed && !r.EmailConfirmed && st.holdMinutes > 0 {
			until := r.CreatedAt.Add(time.Duration(st.holdMinutes) * time.Minute)
			r.HoldUntil = &until
		}
		if err := insertRegistration(t, r, manageHash); err != nil {
			return err
		}
		if err := count(t, r, r.Status, +1); err != nil {
			return err
		}
		return notify(t, mail, r, r.Status)
	})
	if err != nil {
		if isUniqueViolation(err) {
			return alreadyRegistered()
		}
		if symposium.AsError(err) != nil {
			return err
		}
		return fmt.Errorf("store: register: %w", err)
	}
	return nil
}

// firstStatus decides a new registration's status: pending where the
// category needs approval, else confirmed with the seats it claimed, else
// waitlisted where the category keeps a waiting list; a full category
// without one is a conflict.
func firstStatus(t *tx, r *symposium.Registration, st *seats) (string, error) {
	if st.approval {
		return symposium.RegPending, nil
	}
	ok, err := claimSeats(t, r.ID, r.EventID, r.CategoryID, st)
	switch {
	case err != nil:
		return "", err
	case ok:
		return symposium.RegConfirmed, nil
	case st.waitlist:
		return symposium.RegWaitlisted, nil
	}
	return "", symposium.Errorf(symposium.ECONFLICT, "error.category_full")
}

// insertRegistration stores a registration whose status is decided, with
// its manage link and the consents its form gave; an email already registered is a conflict. A
// registration whose address is confirmed is the person's with that email,
// when exactly one person has it.
func insertRegistration(t *tx, r *symposium.Registration, manageHash string) error {
	err := t.queryRow(`INSERT INTO registrations (id, event_id, category_id, email, name, organization, country, answers,
			listed, language, status, manage_token_hash, email_confirmed, hold_until, created_at, updated_at, person_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, `+onlyPersonWith("$4", "$13")+`)
		RETURNING COALESCE(person_id, '')`,
		r.ID, r.EventID, r.CategoryID, r.Email, jsonText(r.Name), r.Organization, r.Country, jsonText(r.Answers),
		r.Listed, r.Language, r.Status, manageHash, r.EmailConfirmed, optionalTime(r.HoldUntil), ts(r.CreatedAt)).Scan(&r.PersonID)
	if isUniqueViolation(err) {
		return alreadyRegistered()
	}
	if err != nil {
		return err
	}
	at := r.CreatedAt
	if at.IsZero() {
		at = now()
	}
	if err := hooked(t, r.EventID, symposium.HookRegistrationCreated, r.ID, at); err != nil {
		return err
	}
	if err := addManageLink(t, r.ID, manageHash); err != nil {
		return err
	}
	return registrationConsents(t, r)
}

// onlyPersonWith is a subquery giving the one person, not merged into
// another, whose email is the parameter email, when the condition holds;
// none (NULL) when it does not, or when several people have the email: a
// duplicate a curator is to resolve, not a tie to break.
func onlyPersonWith(email, condition string) string {
	return `(SELECT MIN(id) FROM people WHERE email = ` + email + ` AND merged_into IS NULL AND ` + condition + `
		HAVING COUNT(*) = 1)`
}

// addManageLink adds a manage link to a registration. Every link mailed
// works as long as the registration exists, unless its registrant asks for
// a new one to replace them all.
func addManageLink(t *tx, registrationID, tokenHash string) error {
	_, err := t.exec(`INSERT INTO registration_links (token_hash, registration_id, created_at) VALUES ($1, $2, $3)`,
		tokenHash, registrationID, ts(now()))
	return err
}

// checkWindow refuses a registration before the category opens or after it
// closes.
func checkWindow(st *seats, at time.Time) error {
	var p symposium.Problems
	switch {
	case !st.opens.IsZero() && at.Before(st.opens):
		p.Add("category_id", "error.category_not_open")
	case !st.closes.IsZero() && !at.Before(st.closes):
		p.Add("category_id", "error.category_closed")
	}
	return p.Err()
}

func alreadyRegistered() error {
	e := symposium.Errorf(symposium.ECONFLICT, "error.already_registered")
	e.Fields = []symposium.FieldError{{Field: "email", Key: "error.already_registered"}}
	return e
}

// count moves a category's counter for the given status by delta, in the
// shard of the transaction's connection: concurrent registrations on
// PostgreSQL seldom share one, so they do not wait for each other.
func count(t *tx, r *symposium.Registration, status string, delta int) error {
	var confirmed, waitlisted int
	switch status {
	case symposium.RegConfirmed:
		confirmed = delta
	case symposium.RegWaitlisted:
		waitlisted = delta
	default:
		return nil
	}
	_, err := t.exec(`INSERT INTO category_counts (category_id, shard, confirmed, waitlisted) VALUES ($1, `+t.d.shard+`, $2, $3)
		ON CONFLICT (category_id, shard) DO UPDATE SET confirmed = category_counts.confirmed + excluded.confirmed,
			waitlisted = category_counts.waitlisted + excluded.waitlisted`, r.CategoryID, confirmed, waitlisted)
	return err
}

// notify queues the mail about a registration, if there is one.
func notify(t *tx, mail RegistrationMail, r *symposium.Registration, what string) error {
	if mail == nil {
		return nil
	}
	if m, ok := mail(r, what); ok {
		return insertMail(t, m)
	}
	return nil
}

// SetRegistrationCapacity sets how many people an event confirms across
// all its categories; nil is unlimited. Seats a raised capacity frees go
// to the waiting lists, category by category.
func (s *Store) SetRegistrationCapacity(ctx context.Context, eventID string, capacity *int) error {
	return s.SetRegistrationCapacityAt(ctx, eventID, capacity, time.Now(), nil)
}

// RegistrationCapacity returns how many people an event confirms across
// its categories, or nil for no limit.
func (s *Store) RegistrationCapacity(ctx context.Context, eventID string) (*int, error) {
	var capacity *int
	err := s.read.QueryRowContext(ctx, `SELECT registration_capacity FROM events WHERE id = $1`, eventID).Scan(&capacity)
	if err != nil {
		return nil, notFound("registration capacity", err)
	}
	return capacity, nil
}

// SetRegistrationCapacityAt is SetRegistrationCapacity at a given time,
// telling promoted people by mail.
func (s *Store) SetRegistrationCapacityAt(ctx context.Context, eventID string, capacity *int, at time.Time, mail RegistrationMail) error {
	err := s.write(ctx, func(t *tx) error {
		if err := lockEvent(t, eventID); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE events SET registration_capacity = $2 WHERE id = $1`, eventID, capacity); err != nil {
			return err
		}
		if err := resizePool(t, eventID, eventID, capacity, "TRUE"); err != nil {
			return err
		}
		rows, err := t.query(`SELECT id FROM registration_categories WHERE event_id = $1 ORDER BY position`, eventID)
		if err != nil {
			return err
		}
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		for _, id := range ids {
			if err := promote(t, eventID, id, at, mail); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: set registration capacity: %w", err)
	}
	return nil
}
