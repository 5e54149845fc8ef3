package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

const organizationColumns = "id, name, country, kind, website, ror, created_at"

func scanOrganization(row interface{ Scan(...any) error }, o *symposium.Organization) error {
	return row.Scan(&o.ID, jsonCol{&o.Name}, &o.Country, &o.Kind, &o.Website, &o.ROR, timeCol{&o.CreatedAt})
}

// CreateOrganization stores a new organization, filling in its ID.
func (s *Store) CreateOrganization(ctx context.Context, o *symposium.Organization) error {
	o.ID = symposium.NewID()
	o.CreatedAt = now()
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO organizations (id, name, country, kind, website, ror, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`, o.ID, jsonText(o.Name), o.Country, o.Kind, o.Website, o.ROR, ts(o.CreatedAt))
		if err != nil {
			return err
		}
		return t.changed(ChangeOrganization, o.ID)
	})
	if err != nil {
		return fmt.Errorf("store: create organization: %w", err)
	}
	return nil
}

// Organization returns one organization.
func (s *Store) Organization(ctx context.Context, id string) (*symposium.Organization, error) {
	if !symposium.IsID(id) {
		return nil, symposium.NotFound()
	}
	var o symposium.Organization
	err := scanOrganization(s.read.QueryRowContext(ctx, `SELECT `+organizationColumns+` FROM organizations WHERE id = $1`, id), &o)
	if err != nil {
		return nil, notFound("organization", err)
	}
	return &o, nil
}

// Organizations returns the organizations with the given IDs, by ID.
func (s *Store) Organizations(ctx context.Context, ids []string) (map[string]*symposium.Organization, error) {
	out := map[string]*symposium.Organization{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+organizationColumns+` FROM organizations WHERE id IN (SELECT value FROM `+s.d.jsonEach("$1")+`)`, jsonText(ids))
	if err != nil {
		return nil, fmt.Errorf("store: organizations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var o symposium.Organization
		if err := scanOrganization(rows, &o); err != nil {
			return nil, fmt.Errorf("store: organizations: %w", err)
		}
		out[o.ID] = &o
	}
	return out, rows.Err()
}

// now returns the current time at the precision both databases keep.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// AllOrganizations returns up to limit organizations, newest first, for
// choosing organizers and affiliations.
func (s *Store) AllOrganizations(ctx context.Context, limit int) ([]*symposium.Organization, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+organizationColumns+` FROM organizations ORDER BY created_at DESC, id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: all organizations: %w", err)
	}
	defer rows.Close()
	var out []*symposium.Organization
	for rows.Next() {
		var o symposium.Organization
		if err := scanOrganization(rows, &o); err != nil {
			return nil, fmt.Errorf("store: all organizations: %w", err)
		}
		out = append(out, &o)
	}
	return out, rows.Err()
}
