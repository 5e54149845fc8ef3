package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

// EventSpeakers returns the people who speak at an event, in the order of
// their first entry in the programme.
func (s *Store) EventSpeakers(ctx context.Context, eventID string) ([]*symposium.Person, error) {
	return s.queryPeople(ctx, `SELECT `+personColumns+` FROM people p
		JOIN (SELECT cs.person_id, MIN(COALESCE(c.starts_at, c.created_at)) AS first
		      FROM contribution_speakers cs JOIN contributions c ON c.id = cs.contribution_id
		      WHERE c.event_id = $1 GROUP BY cs.person_id) f ON f.person_id = p.id
		ORDER BY f.first, p.id`, eventID)
}

// OrganizationPeople returns the people of an organization.
func (s *Store) OrganizationPeople(ctx context.Context, orgID string) ([]*symposium.Person, error) {
	return s.queryPeople(ctx, `SELECT `+personColumns+` FROM people p WHERE p.organization_id = $1 AND p.merged_into IS NULL ORDER BY p.created_at, p.id`, orgID)
}

// AllPeople returns up to limit people, newest first, for choosing speakers.
func (s *Store) AllPeople(ctx context.Context, limit int) ([]*symposium.Person, error) {
	return s.queryPeople(ctx, `SELECT `+personColumns+` FROM people p WHERE p.merged_into IS NULL ORDER BY p.created_at DESC, p.id LIMIT $1`, limit)
}

func (s *Store) queryPeople(ctx context.Context, q string, args ...any) ([]*symposium.Person, error) {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: people: %w", err)
	}
	defer rows.Close()
	var out []*symposium.Person
	for rows.Next() {
		var p symposium.Person
		if err := scanPerson(rows, &p); err != nil {
			return nil, fmt.Errorf("store: people: %w", err)
		}
		out = append(out, &p)
	}
	return out, rows.Err()
}

// Appearance is a programme entry a person speaks in, with its event.
type Appearance struct {
	Event        *symposium.Event
	Contribution symposium.Contribution
}

// PersonAppearances returns the entries a person speaks in at the events
// the viewer may see, latest event first.
func (s *Store) PersonAppearances(ctx context.Context, personID string, viewer *symposium.User) ([]Appearance, error) {
	admin, viewerID := viewerArgs(viewer)
	rows, err := s.read.QueryContext(ctx, `SELECT `+eventColumns+`, `+contributionColumns+`
		FROM contribution_speakers cs
		JOIN contributions c ON c.id = cs.contribution_id
		JOIN events e ON e.id = c.event_id
		WHERE cs.person_id = $1
		  AND `+visibleEvent("$2", "$3")+`
		ORDER BY e.starts_at DESC, c.starts_at, c.id`, personID, admin, viewerID)
	if err != nil {
		return nil, fmt.Errorf("store: person appearances: %w", err)
	}
	defer rows.Close()
	var out []Appearance
	for rows.Next() {
		a := Appearance{Event: &symposium.Event{}}
		var start time.Time
		if err := rows.Scan(append(eventDest(a.Event), contributionDest(&a.Contribution, &start)...)...); err != nil {
			return nil, fmt.Errorf("store: person appearances: %w", err)
		}
		finishContribution(&a.Contribution, start)
		out = append(out, a)
	}
	return out, rows.Err()
}

// OrganizationEvents returns the events an organization organizes or
// sponsors that the viewer may see, latest first.
func (s *Store) OrganizationEvents(ctx context.Context, orgID string, viewer *symposium.User) ([]*symposium.Event, error) {
	admin, viewerID := viewerArgs(viewer)
	rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT `+eventColumns+` FROM events e
		JOIN event_organizations eo ON eo.event_id = e.id
		WHERE eo.organization_id = $1
		  AND `+visibleEvent("$2", "$3")+`
		ORDER BY e.starts_at DESC`, orgID, admin, viewerID)
	if err != nil {
		return nil, fmt.Errorf("store: organization events: %w", err)
	}
	defer rows.Close()
	var out []*symposium.Event
	for rows.Next() {
		var e symposium.Event
		if err := scanEvent(rows, &e); err != nil {
			return nil, fmt.Errorf("store: organization events: %w", err)
		}
		out = append(out, &e)
	}
	return out, rows.Err()
}
