package store

import (
	"context"
	"fmt"

	"symposium"
)

// The reads here feed in-memory indexes: everything of a kind, or one
// record by its ID alone.

// EachOrganization calls fn with every organization.
func (s *Store) EachOrganization(ctx context.Context, fn func(*symposium.Organization)) error {
	return s.each(ctx, "organizations", `SELECT `+organizationColumns+` FROM organizations`, func(sc scanner) error {
		var o symposium.Organization
		if err := scanOrganization(sc, &o); err != nil {
			return err
		}
		fn(&o)
		return nil
	})
}

// EachEvent calls fn with every event, drafts and restricted ones included,
// without organizers.
func (s *Store) EachEvent(ctx context.Context, fn func(*symposium.Event)) error {
	return s.each(ctx, "events", `SELECT `+eventColumns+` FROM events e`, func(sc scanner) error {
		var e symposium.Event
		if err := scanEvent(sc, &e); err != nil {
			return err
		}
		fn(&e)
		return nil
	})
}

// EachContribution calls fn with every contribution of every event, without
// speakers.
func (s *Store) EachContribution(ctx context.Context, fn func(*symposium.Contribution)) error {
	return s.each(ctx, "contributions", `SELECT `+contributionColumns+` FROM contributions c`, func(sc scanner) error {
		var c symposium.Contribution
		if err := scanContribution(sc, &c); err != nil {
			return err
		}
		fn(&c)
		return nil
	})
}

// ContributionByID returns a contribution without speakers, whatever its
// event.
func (s *Store) ContributionByID(ctx context.Context, id string) (*symposium.Contribution, error) {
	if !symposium.IsID(id) {
		return nil, symposium.NotFound()
	}
	var c symposium.Contribution
	err := scanContribution(s.read.QueryRowContext(ctx, `SELECT `+contributionColumns+` FROM contributions c WHERE c.id = $1`, id), &c)
	if err != nil {
		return nil, notFound("contribution", err)
	}
	return &c, nil
}

// VisibleEventIDs returns the IDs of the events a viewer may see (nil for
// anonymous): see ListEvents.
func (s *Store) VisibleEventIDs(ctx context.Context, viewer *symposium.User) (map[string]bool, error) {
	admin, viewerID := viewerArgs(viewer)
	out := map[string]bool{}
	err := s.each(ctx, "visible events", `SELECT e.id FROM events e WHERE `+visibleEvent("$1", "$2"), func(sc scanner) error {
		var id string
		if err := sc.Scan(&id); err != nil {
			return err
		}
		out[id] = true
		return nil
	}, admin, viewerID)
	return out, err
}

// scanner is a row being read.
type scanner interface{ Scan(...any) error }

// each runs a query and calls fn for each row.
func (s *Store) each(ctx context.Context, what, q string, fn func(scanner) error, args ...any) error {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return fmt.Errorf("store: %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	return nil
}
