package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"symposium"
)

const abstractColumns = `a.id, a.event_id, a.track_id, a.type, a.language, a.title, a.content, COALESCE(a.presenter_id, ''),
	a.submitter_id, a.status, a.decision, a.decision_as, a.decided_at, a.released, COALESCE(a.contribution_id, ''),
	a.created_at, a.updated_at, a.withdrawn_at, a.answers`

func scanAbstract(sc scanner, a *symposium.Abstract) error {
	var decision, as string
	var decided, withdrawn time.Time
	var released bool
	err := sc.Scan(&a.ID, &a.EventID, &a.TrackID, &a.Type, &a.Language, jsonCol{&a.Title}, jsonCol{&a.Content}, &a.PresenterID,
		&a.SubmitterID, &a.Status, &decision, &as, timeCol{&decided}, &released, &a.ContributionID,
		timeCol{&a.CreatedAt}, timeCol{&a.UpdatedAt}, timeCol{&withdrawn}, jsonCol{&a.Answers})
	if decision != "" {
		a.Decision = &symposium.Decision{Outcome: decision, As: as, Released: released, DecidedAt: decided}
	}
	a.WithdrawnAt = timeOrNil(withdrawn)
	return err
}

// Abstract returns an abstract with its authors.
func (s *Store) Abstract(ctx context.Context, id string) (*symposium.Abstract, error) {
	if !symposium.IsID(id) {
		return nil, symposium.NotFound()
	}
	var a symposium.Abstract
	if err := scanAbstract(s.read.QueryRowContext(ctx, `SELECT `+abstractColumns+` FROM abstracts a WHERE a.id = $1`, id), &a); err != nil {
		return nil, notFound("abstract", err)
	}
	list := []*symposium.Abstract{&a}
	if err := s.loadAuthors(ctx, `aa.abstract_id = $1`, id, list); err != nil {
		return nil, fmt.Errorf("store: abstract: %w", err)
	}
	return &a, nil
}

// EventAbstracts returns every abstract of an event with its authors, in
// the order submitted.
func (s *Store) EventAbstracts(ctx context.Context, eventID string) ([]*symposium.Abstract, error) {
	return s.eventAbstracts(ctx, eventID, abstractColumns)
}

// EventAbstractsBrief returns the abstracts of an event as EventAbstracts
// does, but without their texts, for lists.
func (s *Store) EventAbstractsBrief(ctx context.Context, eventID string) ([]*symposium.Abstract, error) {
	return s.eventAbstracts(ctx, eventID, strings.Replace(abstractColumns, "a.content", "'{}'", 1))
}

func (s *Store) eventAbstracts(ctx context.Context, eventID, columns string) ([]*symposium.Abstract, error) {
	var out []*symposium.Abstract
	err := s.each(ctx, "event abstracts", `SELECT `+columns+` FROM abstracts a WHERE a.event_id = $1
		ORDER BY a.created_at, a.id`, func(sc scanner) error {
		var a symposium.Abstract
		if err := scanAbstract(sc, &a); err != nil {
			return err
		}
		out = append(out, &a)
		return nil
	}, eventID)
	if err != nil {
		return nil, err
	}
	if err := s.loadAuthors(ctx, `a.event_id = $1`, eventID, out); err != nil {
		return nil, fmt.Errorf("store: event abstracts: %w", err)
	}
	return out, nil
}

// loadAuthors fills in the authors of the abstracts, selected by cond on
// abstract_authors aa joined to abstracts a.
func (s *Store) loadAuthors(ctx context.Context, cond string, arg string, list []*symposium.Abstract) error {
	byID := make(map[string]*symposium.Abstract, len(list))
	for _, a := range list {
		byID[a.ID] = a
		a.AuthorIDs, a.Authors = []string{}, []symposium.Author{}
	}
	return s.each(ctx, "authors", `SELECT aa.abstract_id, aa.person_id, p.name, COALESCE(o.name, '{}'), aa.confirmed_at
		FROM abstract_authors aa JOIN abstracts a ON a.id = aa.abstract_id JOIN people p ON p.id = aa.person_id
		LEFT JOIN organizations o ON o.id = p.organization_id
		WHERE `+cond+` ORDER BY aa.abstract_id, aa.position`, func(sc scanner) error {
		var abstractID string
		var au symposium.Author
		var confirmed time.Time
		if err := sc.Scan(&abstractID, &au.PersonID, jsonCol{&au.Name}, jsonCol{&au.Organization}, timeCol{&confirmed}); err != nil {
			return err
		}
		au.Confirmed = !confirmed.IsZero()
		if a := byID[abstractID]; a != nil {
			a.AuthorIDs = append(a.AuthorIDs, au.PersonID)
			a.Authors = append(a.Authors, au)
		}
		return nil
	}, arg)
}

// Coauthors returns, for each of the given people, the people who wrote an
// abstract (not withdrawn) or spoke in a programme entry with them, at any
// event, each with the slug of one event where they did.
func (s *Store) Coauthors(ctx context.Context, personIDs []string) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	if len(personIDs) == 0 {
		return out, nil
	}
	err := s.each(ctx, "coauthors", `SELECT a1.person_id, a2.person_id, e.slug
		FROM abstract_authors a1
		JOIN abstract_authors a2 ON a2.abstract_id = a1.abstract_id AND a2.person_id <> a1.person_id
		JOIN abstracts ab ON ab.id = a1.abstract_id JOIN events e ON e.id = ab.event_id
		WHERE a1.person_id IN (SELECT value FROM `+s.d.jsonEach("$1")+`) AND ab.status <> 'withdrawn'
		UNION
		SELECT s1.person_id, s2.person_id, e.slug
		FROM contribution_speakers s1
		JOIN contribution_speakers s2 ON s2.contribution_id = s1.contribution_id AND s2.person_id <> s1.person_id
		JOIN contributions c ON c.id = s1.contribution_id JOIN events e ON e.id = c.event_id
		WHERE s1.person_id IN (SELECT value FROM `+s.d.jsonEach("$1")+`)`, func(sc scanner) error {
		var a, b, slug string
		if err := sc.Scan(&a, &b, &slug); err != nil {
			return err
		}
		if out[a] == nil {
			out[a] = map[string]string{}
		}
		out[a][b] = slug
		return nil
	}, jsonText(personIDs))
	return out, err
}
