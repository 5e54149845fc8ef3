package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"symposium"
)

// Registration changes.
const (
	ChangeCancel  = "cancel"
	ChangeApprove = "approve"
	ChangeReject  = "reject"
)

// ChangeRegistration cancels, approves or rejects a registration. A seat
// that a confirmed registration frees goes to the first people on the
// waiting list, each told by mail, in the same transaction. Approving
// confirms while seats are free, else waitlists where the category keeps a
// list, else is a conflict. It returns the registration as it now is.
func (s *Store) ChangeRegistration(ctx context.Context, id, change string, at time.Time, mail RegistrationMail) (*symposium.Registration, error) {
	var out *symposium.Registration
	err := s.write(ctx, func(t *tx) error {
		r, err := registrationTx(t, id)
		if err != nil {
			return err
		}
		st, err := lockSeats(t, r.EventID, r.CategoryID)
		if err != nil {
			return err
		}
		next, what, err := nextStatus(r.Status, change, st)
		if err != nil {
			return err
		}
		if err := setStatus(t, r, next, at); err != nil {
			return err
		}
		if err := notify(t, mail, r, what); err != nil {
			return err
		}
		if err := promote(t, r.EventID, r.CategoryID, at, mail); err != nil {
			return err
		}
		out = r
		return nil
	})
	if err != nil {
		if symposium.AsError(err) != nil {
			return nil, err
		}
		return nil, fmt.Errorf("store: %s registration: %w", change, err)
	}
	return out, nil
}

// nextStatus says what a change does to a registration in a status, and
// which mail tells of it.
func nextStatus(status, change string, st *seats) (string, string, error) {
	live := status == symposium.RegConfirmed || status == symposium.RegWaitlisted || status == symposium.RegPending
	switch {
	case change == ChangeCancel && live:
		return symposium.RegCancelled, "cancelled", nil
	case change == ChangeReject && live:
		return symposium.RegRejected, "rejected", nil
	case change == ChangeApprove && status == symposium.RegPending:
		switch {
		case st.free():
			return symposium.RegConfirmed, "approved", nil
		case st.waitlist:
			return symposium.RegWaitlisted, "waitlisted", nil
		}
		return "", "", symposium.Errorf(symposium.ECONFLICT, "error.category_full")
	}
	return "", "", symposium.Errorf(symposium.ECONFLICT, "error.registration_status", "Status", status)
}

// setStatus moves a registration to a new status, keeping the counters.
func setStatus(t *tx, r *symposium.Registration, status string, at time.Time) error {
	if err := count(t, r, r.Status, -1); err != nil {
		return err
	}
	if _, err := t.exec(`UPDATE registrations SET status = $2, updated_at = $3 WHERE id = $1`, r.ID, status, ts(at)); err != nil {
		return err
	}
	r.Status = status
	return count(t, r, status, +1)
}

// promote confirms the first waitlisted registrations of a category while
// seats are free.
func promote(t *tx, eventID, categoryID string, at time.Time, mail RegistrationMail) error {
	for {
		st, err := lockSeats(t, eventID, categoryID)
		if err != nil || !st.free() {
			return err
		}
		var id string
		err = t.queryRow(`SELECT id FROM registrations WHERE category_id = $1 AND status = 'waitlisted'
			ORDER BY created_at, id LIMIT 1`, categoryID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		r, err := registrationTx(t, id)
		if err != nil {
			return err
		}
		if err := setStatus(t, r, symposium.RegConfirmed, at); err != nil {
			return err
		}
		if err := notify(t, mail, r, "promoted"); err != nil {
			return err
		}
	}
}

// PromoteWaitlist fills the seats a raised capacity freed.
func (s *Store) PromoteWaitlist(ctx context.Context, eventID, categoryID string, at time.Time, mail RegistrationMail) error {
	err := s.write(ctx, func(t *tx) error { return promote(t, eventID, categoryID, at, mail) })
	if err != nil {
		return fmt.Errorf("store: promote waitlist: %w", err)
	}
	return nil
}
