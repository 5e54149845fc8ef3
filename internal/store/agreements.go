package store

import (
	"context"
	"fmt"

	"symposium"
)

const agreementColumns = `a.id, a.event_id, e.slug, a.title, a.kind, a.status, a.description, a.due, a.meeting_id, a.created_at, a.updated_at`

const agreementFrom = ` FROM agreements a JOIN events e ON e.id = a.event_id`

// SaveAgreement stores a new agreement (empty ID) or replaces a stored
// one of the same event, with its parties and owners.
func (s *Store) SaveAgreement(ctx context.Context, a *symposium.Agreement) error {
	a.UpdatedAt = now()
	err := s.write(ctx, func(t *tx) error {
		if a.ID == "" {
			a.ID, a.CreatedAt = symposium.NewID(), a.UpdatedAt
			if _, err := t.exec(`INSERT INTO agreements (id, event_id, title, kind, status, description, due, meeting_id, created_at, updated_at, created_by)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, '')`, a.ID, a.EventID, jsonText(a.Title), a.Kind, a.Status,
				jsonText(a.Description), a.Due, a.MeetingID, ts(a.CreatedAt)); err != nil {
				return err
			}
		} else {
			n, err := affected(t.exec(`UPDATE agreements SET title = $3, kind = $4, status = $5, description = $6,
				reminded_at = CASE WHEN due = $7 THEN reminded_at ELSE NULL END, due = $7, meeting_id = $8, updated_at = $9
				WHERE id = $1 AND event_id = $2`, a.ID, a.EventID, jsonText(a.Title), a.Kind, a.Status, jsonText(a.Description),
				a.Due, a.MeetingID, ts(a.UpdatedAt)))
			if err != nil {
				return err
			}
			if n == 0 {
				return symposium.NotFound()
			}
		}
		return setAgreementLinks(t, a)
	})
	if symposium.AsError(err) != nil {
		return err
	}
	if isForeignKeyViolation(err) {
		var p symposium.Problems
		p.Add("organization_ids", "error.field.unknown_reference")
		return p.Err()
	}
	if err != nil {
		return fmt.Errorf("store: save agreement: %w", err)
	}
	return nil
}

// setAgreementLinks replaces the agreement's organizations, people and
// owners.
func setAgreementLinks(t *tx, a *symposium.Agreement) error {
	for _, l := range []struct {
		table, column string
		ids           []string
	}{{"agreement_organizations", "organization_id", a.OrganizationIDs}, {"agreement_people", "person_id", a.PersonIDs},
		{"agreement_owners", "user_id", a.OwnerIDs}} {
		if _, err := t.exec(`DELETE FROM `+l.table+` WHERE agreement_id = $1`, a.ID); err != nil {
			return err
		}
		for _, id := range l.ids {
			if _, err := t.exec(`INSERT INTO `+l.table+` (agreement_id, `+l.column+`) VALUES ($1, $2)`, a.ID, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// Agreement returns one agreement with its parties and owners.
func (s *Store) Agreement(ctx context.Context, id string) (*symposium.Agreement, error) {
	list, err := s.queryAgreements(ctx, agreementFrom+` WHERE a.id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, symposium.NotFound()
	}
	return list[0], nil
}

// AgreementsOf returns the agreements of the events with these IDs, or of
// every event when all is set, by due date (none last), then by time.
func (s *Store) AgreementsOf(ctx context.Context, eventIDs []string, all bool) ([]*symposium.Agreement, error) {
	if all {
		return s.queryAgreements(ctx, agreementFrom+` ORDER BY CASE WHEN a.due = '' THEN 1 ELSE 0 END, a.due, a.created_at, a.id`)
	}
	if len(eventIDs) == 0 {
		return nil, nil
	}
	return s.queryAgreements(ctx, agreementFrom+` WHERE a.event_id IN (SELECT value FROM `+s.d.jsonEach("$1")+`)
		ORDER BY CASE WHEN a.due = '' THEN 1 ELSE 0 END, a.due, a.created_at, a.id`, jsonText(eventIDs))
}

// queryAgreements runs a query of agreements and adds their links.
func (s *Store) queryAgreements(ctx context.Context, from string, args ...any) ([]*symposium.Agreement, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+agreementColumns+from, args...)
	if err != nil {
		return nil, fmt.Errorf("store: agreements: %w", err)
	}
	defer rows.Close()
	var out []*symposium.Agreement
	byID := map[string]*symposium.Agreement{}
	for rows.Next() {
		a := &symposium.Agreement{OrganizationIDs: []string{}, PersonIDs: []string{}, OwnerIDs: []string{}}
		if err := rows.Scan(&a.ID, &a.EventID, &a.EventSlug, jsonCol{&a.Title}, &a.Kind, &a.Status, jsonCol{&a.Description}, &a.Due,
			&a.MeetingID, timeCol{&a.CreatedAt}, timeCol{&a.UpdatedAt}); err != nil {
			return nil, fmt.Errorf("store: agreements: %w", err)
		}
		out = append(out, a)
		byID[a.ID] = a
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: agreements: %w", err)
	}
	return out, s.agreementLinks(ctx, byID)
}

// agreementLinks adds the organizations, people and owners of agreements.
func (s *Store) agreementLinks(ctx context.Context, byID map[string]*symposium.Agreement) error {
	if len(byID) == 0 {
		return nil
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	in := ` WHERE agreement_id IN (SELECT value FROM ` + s.d.jsonEach("$1") + `)`
	rows, err := s.read.QueryContext(ctx, `SELECT agreement_id, 'o', organization_id FROM agreement_organizations`+in+`
		UNION ALL SELECT agreement_id, 'p', person_id FROM agreement_people`+in+`
		UNION ALL SELECT agreement_id, 'u', user_id FROM agreement_owners`+in+` ORDER BY 1, 2, 3`, jsonText(ids))
	if err != nil {
		return fmt.Errorf("store: agreement links: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, kind, other string
		if err := rows.Scan(&id, &kind, &other); err != nil {
			return fmt.Errorf("store: agreement links: %w", err)
		}
		a := byID[id]
		switch kind {
		case "o":
			a.OrganizationIDs = append(a.OrganizationIDs, other)
		case "p":
			a.PersonIDs = append(a.PersonIDs, other)
		default:
			a.OwnerIDs = append(a.OwnerIDs, other)
		}
	}
	return rows.Err()
}

// DueAgreements returns the open agreements due on or before the day
// given (as YYYY-MM-DD) whose owners have not been reminded since the due
// date was set.
func (s *Store) DueAgreements(ctx context.Context, day string) ([]*symposium.Agreement, error) {
	return s.queryAgreements(ctx, agreementFrom+` WHERE a.due <> '' AND a.due <= $1 AND a.reminded_at IS NULL
		AND a.status NOT IN ('done', 'dropped') ORDER BY a.due, a.id`, day)
}

// MarkReminded records that an agreement's owners were reminded, queueing
// the reminders in the same transaction, so that each is sent once. It
// reports false when another instance reminded them first.
func (s *Store) MarkReminded(ctx context.Context, id string, mails []symposium.Mail) (bool, error) {
	var done bool
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE agreements SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL`, id, ts(now())))
		if err != nil || n == 0 {
			done = false
			return err
		}
		done = true
		for _, m := range mails {
			if err := insertMail(t, m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("store: mark reminded: %w", err)
	}
	return done, nil
}

// ManagedEventIDs returns the IDs of the events the account manages.
func (s *Store) ManagedEventIDs(ctx context.Context, userID string) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT event_id FROM event_roles WHERE user_id = $1 AND role = 'manager' ORDER BY event_id`, userID)
	if err != nil {
		return nil, fmt.Errorf("store: managed events: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: managed events: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
