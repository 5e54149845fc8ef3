package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// DuplicateCandidates returns the stored pairs of people whose names look
// like one person's, each pair ordered, with its score, and whether the
// first comparison of everyone was ever completed; until it was, the pairs
// are only those of people changed since.
func (s *Store) DuplicateCandidates(ctx context.Context) (map[[2]string]float64, bool, error) {
	var scans int
	if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM duplicate_scans`).Scan(&scans); err != nil {
		return nil, false, fmt.Errorf("store: duplicate candidates: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT person_a, person_b, score FROM duplicate_candidates`)
	if err != nil {
		return nil, false, fmt.Errorf("store: duplicate candidates: %w", err)
	}
	defer rows.Close()
	out := map[[2]string]float64{}
	for rows.Next() {
		var k [2]string
		var score float64
		if err := rows.Scan(&k[0], &k[1], &score); err != nil {
			return nil, false, fmt.Errorf("store: duplicate candidates: %w", err)
		}
		out[k] = score
	}
	return out, scans > 0, rows.Err()
}

// ReplaceDuplicateCandidates stores the pairs a comparison of everyone
// found, in place of all stored before, and records that it was done.
func (s *Store) ReplaceDuplicateCandidates(ctx context.Context, pairs map[[2]string]float64, at time.Time) error {
	err := s.write(ctx, func(t *tx) error {
		if _, err := t.exec(`DELETE FROM duplicate_candidates`); err != nil {
			return err
		}
		if err := insertCandidates(t, pairs); err != nil {
			return err
		}
		_, err := t.exec(`INSERT INTO duplicate_scans (id, completed_at) VALUES (1, $1)
			ON CONFLICT (id) DO UPDATE SET completed_at = excluded.completed_at`, ts(at))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: replace duplicate candidates: %w", err)
	}
	return nil
}

// SetDuplicateCandidates replaces the pairs of one person with those found
// now (the other person and the score of each); with none it forgets the
// person's pairs, as for a person merged or gone.
func (s *Store) SetDuplicateCandidates(ctx context.Context, personID string, alike map[string]float64) error {
	pairs := make(map[[2]string]float64, len(alike))
	for other, score := range alike {
		a, b := personID, other
		if a > b {
			a, b = b, a
		}
		pairs[[2]string{a, b}] = score
	}
	err := s.write(ctx, func(t *tx) error {
		if _, err := t.exec(`DELETE FROM duplicate_candidates WHERE person_a = $1 OR person_b = $1`, personID); err != nil {
			return err
		}
		return insertCandidates(t, pairs)
	})
	if err != nil {
		return fmt.Errorf("store: set duplicate candidates: %w", err)
	}
	return nil
}

// candidateChunk is how many pairs one INSERT statement carries.
const candidateChunk = 300

// insertCandidates stores pairs, several to a statement; a pair stored
// already (by another instance meanwhile) takes the new score.
func insertCandidates(t *tx, pairs map[[2]string]float64) error {
	args := make([]any, 0, 3*candidateChunk)
	var values []string
	flush := func() error {
		if len(values) == 0 {
			return nil
		}
		_, err := t.exec(`INSERT INTO duplicate_candidates (person_a, person_b, score) VALUES `+strings.Join(values, ", ")+`
			ON CONFLICT (person_a, person_b) DO UPDATE SET score = excluded.score`, args...)
		args, values = args[:0], values[:0]
		return err
	}
	for k, score := range pairs {
		n := len(args)
		values = append(values, fmt.Sprintf("($%d, $%d, $%d)", n+1, n+2, n+3))
		args = append(args, k[0], k[1], score)
		if len(values) == candidateChunk {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}
