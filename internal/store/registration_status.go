package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"symposium"
	"symposium/internal/secret"
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
		r, st, err := lockRegistration(t, id)
		if err != nil {
			return err
		}
		next, what, err := nextStatus(t, r, change, st)
		if err != nil {
			return err
		}
		if err := setStatus(t, r, st, next, at); err != nil {
			return err
		}
		if next == symposium.RegConfirmed {
			if err := renewLink(t, r, st, at, false); err != nil {
				return err
			}
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

// lockRegistration takes the lock of a registration's event exclusively
// (see seats.go) and then reads the registration and its category's rules.
func lockRegistration(t *tx, id string) (*symposium.Registration, *seats, error) {
	var eventID string
	if err := t.queryRow(`SELECT event_id FROM registrations WHERE id = $1`, id).Scan(&eventID); err != nil {
		return nil, nil, notFound("registration", err)
	}
	if err := lockEvent(t, eventID); err != nil {
		return nil, nil, err
	}
	r, err := registrationTx(t, id)
	if err != nil {
		return nil, nil, err
	}
	st, err := readSeats(t, r.EventID, r.CategoryID)
	if err != nil {
		return nil, nil, err
	}
	return r, st, nil
}

// nextStatus says what a change does to a registration, and which mail
// tells of it. Approving claims the seats of a confirmed registration.
func nextStatus(t *tx, r *symposium.Registration, change string, st *seats) (string, string, error) {
	status := r.Status
	live := status == symposium.RegConfirmed || status == symposium.RegWaitlisted || status == symposium.RegPending
	switch {
	case change == ChangeCancel && live:
		return symposium.RegCancelled, "cancelled", nil
	case change == ChangeReject && live:
		return symposium.RegRejected, "rejected", nil
	case change == ChangeApprove && status == symposium.RegPending:
		ok, err := claimSeats(t, r.ID, r.EventID, r.CategoryID, st)
		switch {
		case err != nil:
			return "", "", err
		case ok:
			return symposium.RegConfirmed, "approved", nil
		case st.waitlist:
			return symposium.RegWaitlisted, "waitlisted", nil
		}
		return "", "", symposium.Errorf(symposium.ECONFLICT, "error.category_full")
	}
	return "", "", symposium.Errorf(symposium.ECONFLICT, "error.registration_status", "Status", symposium.Label(symposium.RegistrationStatusKeys, status))
}

// setStatus moves a registration to a new status, keeping the counters;
// any hold on it ends, and a registration no longer confirmed gives up its
// seats. One becoming confirmed has claimed them before. A cancellation is
// told to the event's webhooks.
func setStatus(t *tx, r *symposium.Registration, st *seats, status string, at time.Time) error {
	if r.Status == symposium.RegConfirmed && status != symposium.RegConfirmed {
		if err := releaseSeats(t, r.ID, r.EventID, r.CategoryID, st); err != nil {
			return err
		}
	}
	if err := count(t, r, r.Status, -1); err != nil {
		return err
	}
	if _, err := t.exec(`UPDATE registrations SET status = $2, updated_at = $3, hold_until = NULL WHERE id = $1`, r.ID, status, ts(at)); err != nil {
		return err
	}
	r.Status, r.HoldUntil = status, nil
	if status == symposium.RegCancelled {
		if err := hooked(t, r.EventID, symposium.HookRegistrationCancelled, r.ID, at); err != nil {
			return err
		}
	}
	return count(t, r, status, +1)
}

// renewLink gives a newly confirmed registration a further manage link, for
// the mail that tells of it (only the hashes of the earlier ones are
// known, and they keep working), and the deadline to confirm: the
// promotion time for a person promoted from the waiting list, the hold
// time for an address not yet confirmed.
func renewLink(t *tx, r *symposium.Registration, st *seats, at time.Time, promoted bool) error {
	r.ManageToken = secret.New("")
	var hold time.Duration
	switch {
	case promoted && st.promoteHours > 0:
		hold = time.Duration(st.promoteHours) * time.Hour
	case !r.EmailConfirmed && st.holdMinutes > 0:
		hold = time.Duration(st.holdMinutes) * time.Minute
	}
	r.HoldUntil = nil
	if hold > 0 {
		until := at.UTC().Add(hold)
		r.HoldUntil = &until
	}
	if _, err := t.exec(`UPDATE registrations SET hold_until = $2, updated_at = $3 WHERE id = $1`, r.ID, optionalTime(r.HoldUntil), ts(at)); err != nil {
		return err
	}
	return addManageLink(t, r.ID, secret.Hash(r.ManageToken))
}

// promote confirms the first waitlisted registrations of a category while
// seats are free. The caller holds the event's lock exclusively, so no
// registration decides meanwhile.
func promote(t *tx, eventID, categoryID string, at time.Time, mail RegistrationMail) error {
	st, err := readSeats(t, eventID, categoryID)
	if err != nil {
		return err
	}
	for {
		var id string
		err = t.queryRow(`SELECT id FROM registrations WHERE category_id = $1 AND status = 'waitlisted'
			ORDER BY created_at, id LIMIT 1`, categoryID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		ok, err := claimSeats(t, id, eventID, categoryID, st)
		if err != nil || !ok {
			return err
		}
		r, err := registrationTx(t, id)
		if err != nil {
			return err
		}
		if err := setStatus(t, r, st, symposium.RegConfirmed, at); err != nil {
			return err
		}
		if err := renewLink(t, r, st, at, true); err != nil {
			return err
		}
		if err := notify(t, mail, r, "promoted"); err != nil {
			return err
		}
	}
}

// PromoteWaitlist fills the seats a raised capacity freed.
func (s *Store) PromoteWaitlist(ctx context.Context, eventID, categoryID string, at time.Time, mail RegistrationMail) error {
	err := s.write(ctx, func(t *tx) error {
		if err := lockEvent(t, eventID); err != nil {
			return err
		}
		return promote(t, eventID, categoryID, at, mail)
	})
	if err != nil {
		return fmt.Errorf("store: promote waitlist: %w", err)
	}
	return nil
}

// ConfirmRegistration records that the registrant opened a link mailed to
// them: their address is theirs, a seat held for them is kept, and the
// registration becomes the person's with that email, when exactly one
// person has it.
func (s *Store) ConfirmRegistration(ctx context.Context, tokenHash string) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`UPDATE registrations AS rg SET email_confirmed = TRUE, hold_until = NULL,
				person_id = COALESCE(rg.person_id, `+onlyPersonWith("rg.email", "TRUE")+`)
			WHERE rg.id = (SELECT registration_id FROM registration_links WHERE token_hash = $1)`, tokenHash)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: confirm registration: %w", err)
	}
	return nil
}

// ReleaseExpiredHolds cancels up to limit confirmed registrations whose
// hold ran out unconfirmed, each telling its registrant and passing the
// seat to the waiting list, and reports how many it released. Several
// instances may run it at once: a registration is released once.
func (s *Store) ReleaseExpiredHolds(ctx context.Context, at time.Time, limit int, mail RegistrationMail) (int, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id FROM registrations
		WHERE hold_until IS NOT NULL AND hold_until <= $1 AND status = 'confirmed' ORDER BY hold_until LIMIT $2`, ts(at), limit)
	if err != nil {
		return 0, fmt.Errorf("store: release holds: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, fmt.Errorf("store: release holds: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	released := 0
	for _, id := range ids {
		err := s.write(ctx, func(t *tx) error {
			r, st, err := lockRegistration(t, id)
			if err != nil || r.Status != symposium.RegConfirmed || r.HoldUntil == nil || r.HoldUntil.After(at) {
				return err // confirmed or released meanwhile
			}
			if err := setStatus(t, r, st, symposium.RegCancelled, at); err != nil {
				return err
			}
			released++
			if err := notify(t, mail, r, "expired"); err != nil {
				return err
			}
			return promote(t, r.EventID, r.CategoryID, at, mail)
		})
		if err != nil {
			return released, fmt.Errorf("store: release holds: %w", err)
		}
	}
	return released, nil
}

// UpdateRegistrationDetails stores what a registrant may change of their
// registration: name, organization, country, answers, and whether they
// are listed; a change of listing is logged as an answer to the
// participant-list consent, with the words r.ConsentText holds.
func (s *Store) UpdateRegistrationDetails(ctx context.Context, r *symposium.Registration) error {
	err := s.write(ctx, func(t *tx) error {
		var listed bool
		var email string
		if err := t.queryRow(`SELECT listed, email FROM registrations WHERE id = $1`, r.ID).Scan(&listed, &email); err != nil {
			return notFound("registration", err)
		}
		if listed != r.Listed && email != "" {
			c := &symposium.Consent{ID: symposium.NewID(), Email: email, Kind: symposium.ConsentParticipantList, Scope: r.EventID,
				Granted: r.Listed, Text: r.ConsentText[symposium.ConsentParticipantList], Language: r.Language, At: now()}
			if err := insertConsent(t, c); err != nil {
				return err
			}
		}
		_, err := t.exec(`UPDATE registrations SET name = $2, organization = $3, country = $4, answers = $5, listed = $6, updated_at = $7
			WHERE id = $1`, r.ID, jsonText(r.Name), r.Organization, r.Country, jsonText(r.Answers), r.Listed, ts(now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: update registration: %w", err)
	}
	return nil
}

// RenewManageLink gives a registration a new manage link and queues the
// mail carrying it. The links mailed before keep working, unless replace
// is set: the registrant, holding one, asked that a link that leaked stop
// working.
func (s *Store) RenewManageLink(ctx context.Context, id string, replace bool, mail RegistrationMail) error {
	err := s.write(ctx, func(t *tx) error {
		r, err := registrationTx(t, id)
		if err != nil {
			return err
		}
		if replace {
			if _, err := t.exec(`DELETE FROM registration_links WHERE registration_id = $1`, r.ID); err != nil {
				return err
			}
		}
		r.ManageToken = secret.New("")
		if err := addManageLink(t, r.ID, secret.Hash(r.ManageToken)); err != nil {
			return err
		}
		return notify(t, mail, r, "link")
	})
	if err != nil {
		if symposium.AsError(err) != nil {
			return err
		}
		return fmt.Errorf("store: renew manage link: %w", err)
	}
	return nil
}
