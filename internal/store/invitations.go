package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

const invitationColumns = `id, event_id, category_id, email, name, language, status, COALESCE(registration_id, ''),
	created_at, opened_at, responded_at`

func scanInvitation(row interface{ Scan(...any) error }, inv *symposium.Invitation) error {
	var opened, responded time.Time
	err := row.Scan(&inv.ID, &inv.EventID, &inv.CategoryID, &inv.Email, jsonCol{&inv.Name}, &inv.Language, &inv.Status,
		&inv.RegistrationID, timeCol{&inv.CreatedAt}, timeCol{&opened}, timeCol{&responded})
	if !opened.IsZero() {
		inv.OpenedAt = &opened
	}
	if !responded.IsZero() {
		inv.RespondedAt = &responded
	}
	return err
}

// CreateInvitation stores an invitation under the hash of its link's
// secret and queues its mail, in one transaction, under the ID the caller
// chose or a new one. The category must be one of the event's.
func (s *Store) CreateInvitation(ctx context.Context, inv *symposium.Invitation, tokenHash string, m symposium.Mail) error {
	if inv.ID == "" {
		inv.ID = symposium.NewID()
	}
	inv.CreatedAt = now()
	inv.Status = symposium.InvitationSent
	err := s.write(ctx, func(t *tx) error {
		var n int
		if err := t.queryRow(`SELECT COUNT(*) FROM registration_categories WHERE id = $1 AND event_id = $2`, inv.CategoryID, inv.EventID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return invalidReference("category_id")
		}
		_, err := t.exec(`INSERT INTO invitations (id, event_id, category_id, email, name, language, status, token_hash, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, inv.ID, inv.EventID, inv.CategoryID, inv.Email, jsonText(inv.Name),
			inv.Language, inv.Status, tokenHash, ts(inv.CreatedAt))
		if err != nil {
			return err
		}
		return insertMail(t, m)
	})
	if symposium.AsError(err) != nil {
		return err
	}
	if err != nil {
		return fmt.Errorf("store: create invitation: %w", err)
	}
	return nil
}

// InvitationByToken returns the invitation a link opens, marking it opened
// the first time.
func (s *Store) InvitationByToken(ctx context.Context, tokenHash string, at time.Time) (*symposium.Invitation, error) {
	var inv symposium.Invitation
	err := s.write(ctx, func(t *tx) error {
		if _, err := t.exec(`UPDATE invitations SET status = 'opened', opened_at = $2 WHERE token_hash = $1 AND status = 'sent'`,
			tokenHash, ts(at)); err != nil {
			return err
		}
		return scanInvitation(t.queryRow(`SELECT `+invitationColumns+` FROM invitations WHERE token_hash = $1`, tokenHash), &inv)
	})
	if err != nil {
		return nil, notFound("invitation by token", err)
	}
	return &inv, nil
}

// Invitations lists an event's invitations, newest first.
func (s *Store) Invitations(ctx context.Context, eventID string) ([]symposium.Invitation, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+invitationColumns+` FROM invitations WHERE event_id = $1 ORDER BY created_at DESC, id DESC`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: invitations: %w", err)
	}
	defer rows.Close()
	out := []symposium.Invitation{}
	for rows.Next() {
		var inv symposium.Invitation
		if err := scanInvitation(rows, &inv); err != nil {
			return nil, fmt.Errorf("store: invitations: %w", err)
		}
		out = append(out, inv)
	}
	return out, rows.Err()
}

// RevokeInvitation withdraws an invitation not yet answered.
func (s *Store) RevokeInvitation(ctx context.Context, eventID, id string, at time.Time) error {
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE invitations SET status = 'revoked', responded_at = $3
			WHERE id = $1 AND event_id = $2 AND status IN ('sent', 'opened')`, id, eventID, ts(at)))
		if err == nil && n == 0 {
			return symposium.Errorf(symposium.ECONFLICT, "error.invitation_closed") // nothing to record
		}
		return err
	})
	if symposium.AsError(err) != nil {
		return err
	}
	if err != nil {
		return fmt.Errorf("store: revoke invitation: %w", err)
	}
	return nil
}

// DeclineInvitation records that the invited person said no.
func (s *Store) DeclineInvitation(ctx context.Context, tokenHash string, at time.Time) error {
	var n int64
	err := s.write(ctx, func(t *tx) error {
		var err error
		n, err = affected(t.exec(`UPDATE invitations SET status = 'declined', responded_at = $2
			WHERE token_hash = $1 AND status IN ('sent', 'opened')`, tokenHash, ts(at)))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: decline invitation: %w", err)
	}
	if n == 0 {
		return symposium.Errorf(symposium.ECONFLICT, "error.invitation_closed")
	}
	return nil
}

// AcceptInvitation registers the invited person, confirmed, in the
// invitation's category whatever its capacity and approval, and records
// the answer, in one transaction.
func (s *Store) AcceptInvitation(ctx context.Context, tokenHash string, r *symposium.Registration, manageHash string, at time.Time, mail RegistrationMail) error {
	if r.ID == "" {
		r.ID = symposium.NewID()
	}
	r.CreatedAt = at.UTC().Truncate(time.Microsecond)
	r.Status = symposium.RegConfirmed
	err := s.write(ctx, func(t *tx) error {
		var inv symposium.Invitation
		if err := scanInvitation(t.queryRow(`SELECT `+invitationColumns+` FROM invitations WHERE token_hash = $1`+t.d.forUpdate, tokenHash), &inv); err != nil {
			return notFound("accept invitation", err)
		}
		if inv.Status != symposium.InvitationSent && inv.Status != symposium.InvitationOpened {
			return symposium.Errorf(symposium.ECONFLICT, "error.invitation_closed")
		}
		r.EventID, r.CategoryID, r.Email = inv.EventID, inv.CategoryID, inv.Email
		if err := lockEvent(t, r.EventID); err != nil {
			return err
		}
		st, err := readSeats(t, r.EventID, r.CategoryID)
		if err != nil {
			return err
		}
		if err := extraSeats(t, r.ID, r.EventID, r.CategoryID, st); err != nil {
			return err
		}
		if err := insertRegistration(t, r, manageHash); err != nil {
			return err
		}
		if err := count(t, r, r.Status, +1); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE invitations SET status = 'accepted', responded_at = $2, registration_id = $3 WHERE id = $1`,
			inv.ID, ts(at), r.ID); err != nil {
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
		return fmt.Errorf("store: accept invitation: %w", err)
	}
	return nil
}
