package store

import (
	"context"
	"fmt"

	"symposium"
)

const personColumns = `p.id, p.name, p.aliases, COALESCE(p.organization_id, ''), p.position, p.country, p.email, p.languages, p.topics, p.bio,
	EXISTS (SELECT 1 FROM photos ph WHERE ph.person_id = p.id), COALESCE(p.merged_into, ''), p.created_by, p.created_at`

func scanPerson(row interface{ Scan(...any) error }, p *symposium.Person) error {
	return row.Scan(&p.ID, jsonCol{&p.Name}, jsonCol{&p.Aliases}, &p.OrganizationID, jsonCol{&p.Position}, &p.Country, &p.Email,
		jsonCol{&p.Languages}, jsonCol{&p.Topics}, jsonCol{&p.Bio}, &p.HasPhoto, &p.MergedInto, &p.CreatedBy, timeCol{&p.CreatedAt})
}

// CreatePerson stores a new person under the ID the caller chose, or a
// new one it fills in. An organization that does not exist is invalid
// input on organization_id.
func (s *Store) CreatePerson(ctx context.Context, p *symposium.Person) error {
	if p.ID == "" {
		p.ID = symposium.NewID()
	}
	p.CreatedAt = now()
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO people (id, name, aliases, organization_id, position, country, email, languages, topics, bio,
				created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
			p.ID, jsonText(p.Name), jsonText(orEmpty(p.Aliases)), nullable(p.OrganizationID), jsonText(p.Position), p.Country, p.Email,
			jsonText(orEmpty(p.Languages)), jsonText(orEmpty(p.Topics)), jsonText(p.Bio), p.CreatedBy, ts(p.CreatedAt))
		if err != nil {
			return err
		}
		if err := linkRegistrations(t, p.Email); err != nil {
			return err
		}
		return t.changed(ChangePerson, p.ID)
	})
	if isForeignKeyViolation(err) {
		return invalidReference("organization_id")
	}
	if err != nil {
		return fmt.Errorf("store: create person: %w", err)
	}
	return nil
}

// Person returns one person.
func (s *Store) Person(ctx context.Context, id string) (*symposium.Person, error) {
	if !symposium.IsID(id) {
		return nil, symposium.NotFound()
	}
	var p symposium.Person
	err := scanPerson(s.read.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people p WHERE p.id = $1`, id), &p)
	if err != nil {
		return nil, notFound("person", err)
	}
	return &p, nil
}

// People returns the people with the given IDs, by ID.
func (s *Store) People(ctx context.Context, ids []string) (map[string]*symposium.Person, error) {
	out := map[string]*symposium.Person{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+personColumns+` FROM people p
		WHERE p.id IN (SELECT value FROM `+s.d.jsonEach("$1")+`)`, jsonText(ids))
	if err != nil {
		return nil, fmt.Errorf("store: people: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p symposium.Person
		if err := scanPerson(rows, &p); err != nil {
			return nil, fmt.Errorf("store: people: %w", err)
		}
		out[p.ID] = &p
	}
	return out, rows.Err()
}

// linkRegistrations makes a new person the person behind the registrations
// made with their email before they existed, whose address was confirmed,
// unless another person has the email too.
func linkRegistrations(t *tx, email string) error {
	if email == "" {
		return nil
	}
	_, err := t.exec(`UPDATE registrations SET person_id = `+onlyPersonWith("$1", "TRUE")+`, updated_at = $2
		WHERE email = $1 AND person_id IS NULL AND email_confirmed = TRUE`, email, ts(now()))
	return err
}

// nullable turns an empty ID into NULL.
func nullable(id string) any {
	if id == "" {
		return nil
	}
	return id
}

// orEmpty makes a nil list encode as [] rather than null.
func orEmpty(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

// invalidReference is the error for an ID that names nothing.
func invalidReference(field string) error {
	var p symposium.Problems
	p.Add(field, "error.field.unknown_reference")
	return p.Err()
}

// EachPerson calls fn with every person not merged into another, in no
// particular order, for building an index.
func (s *Store) EachPerson(ctx context.Context, fn func(*symposium.Person)) error {
	rows, err := s.read.QueryContext(ctx, `SELECT `+personColumns+` FROM people p WHERE p.merged_into IS NULL`)
	if err != nil {
		return fmt.Errorf("store: each person: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p symposium.Person
		if err := scanPerson(rows, &p); err != nil {
			return fmt.Errorf("store: each person: %w", err)
		}
		fn(&p)
	}
	return rows.Err()
}

// DismissDuplicate records that two people are not one, so that the queue
// of likely duplicates stops offering the pair.
func (s *Store) DismissDuplicate(ctx context.Context, a, b, byUserID string) error {
	if a > b {
		a, b = b, a
	}
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO duplicate_dismissals (person_a, person_b, dismissed_by, created_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, a, b, byUserID, ts(now()))
		if isForeignKeyViolation(err) {
			return symposium.NotFound()
		}
		return err
	})
	if err != nil && symposium.AsError(err) == nil {
		return fmt.Errorf("store: dismiss duplicate: %w", err)
	}
	return err
}

// DismissedDuplicates returns the pairs of people said not to be one, each
// as its two IDs in ascending order.
func (s *Store) DismissedDuplicates(ctx context.Context) (map[[2]string]bool, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT person_a, person_b FROM duplicate_dismissals`)
	if err != nil {
		return nil, fmt.Errorf("store: dismissed duplicates: %w", err)
	}
	defer rows.Close()
	out := map[[2]string]bool{}
	for rows.Next() {
		var k [2]string
		if err := rows.Scan(&k[0], &k[1]); err != nil {
			return nil, fmt.Errorf("store: dismissed duplicates: %w", err)
		}
		out[k] = true
	}
	return out, rows.Err()
}
