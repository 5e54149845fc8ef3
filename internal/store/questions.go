package store

import (
	"context"
	"fmt"

	"symposium"
)

// Questions returns the questions of an event's registration form.
func (s *Store) Questions(ctx context.Context, eventID string) ([]symposium.Question, error) {
	var qs []symposium.Question
	err := s.read.QueryRowContext(ctx, `SELECT registration_questions FROM events WHERE id = $1`, eventID).Scan(jsonCol{&qs})
	if err != nil {
		return nil, notFound("questions", err)
	}
	if qs == nil {
		qs = []symposium.Question{}
	}
	return qs, nil
}

// SetQuestions replaces the questions of an event's registration form.
// Answers already given stay with their registrations.
func (s *Store) SetQuestions(ctx context.Context, eventID string, qs []symposium.Question) error {
	if qs == nil {
		qs = []symposium.Question{}
	}
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`UPDATE events SET registration_questions = $2 WHERE id = $1`, eventID, jsonText(qs))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: set questions: %w", err)
	}
	return nil
}

// Participant is a confirmed registrant who agreed to be listed.
type Participant struct {
	Name         symposium.LocalizedText
	Organization string
	Country      string
}

// Participants lists the confirmed registrants who agreed to appear on the
// participant list, in the order they registered.
func (s *Store) Participants(ctx context.Context, eventID string) ([]Participant, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT name, organization, country FROM registrations
		WHERE event_id = $1 AND status = 'confirmed' AND listed ORDER BY created_at, id`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: participants: %w", err)
	}
	defer rows.Close()
	var out []Participant
	for rows.Next() {
		var p Participant
		if err := rows.Scan(jsonCol{&p.Name}, &p.Organization, &p.Country); err != nil {
			return nil, fmt.Errorf("store: participants: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
