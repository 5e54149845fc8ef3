package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"symposium"
)

// Report returns what the team edited of the event's report; an event
// whose report nobody edited yet has a blank draft.
func (s *Store) Report(ctx context.Context, eventID string) (*symposium.Report, error) {
	r := &symposium.Report{EventID: eventID, Status: symposium.ReportDraft, HiddenSections: []string{}}
	var published time.Time
	err := s.read.QueryRowContext(ctx, `SELECT status, introduction, conclusion, hidden_sections, published_at, updated_at
		FROM reports WHERE event_id = $1`, eventID).
		Scan(&r.Status, jsonCol{&r.Introduction}, jsonCol{&r.Conclusion}, jsonCol{&r.HiddenSections}, timeCol{&published}, timeCol{&r.UpdatedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return r, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: report: %w", err)
	}
	if !published.IsZero() {
		r.PublishedAt = &published
	}
	return r, nil
}

// SaveReport stores the team's edits of the report; publishing it for the
// first time sets its publication time.
func (s *Store) SaveReport(ctx context.Context, r *symposium.Report, by string) error {
	r.UpdatedAt = now()
	if r.Status == symposium.ReportPublished && r.PublishedAt == nil {
		at := r.UpdatedAt
		r.PublishedAt = &at
	}
	var published time.Time
	if r.PublishedAt != nil {
		published = *r.PublishedAt
	}
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO reports (event_id, status, introduction, conclusion, hidden_sections, published_at, updated_at, updated_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			ON CONFLICT (event_id) DO UPDATE SET status = excluded.status, introduction = excluded.introduction,
				conclusion = excluded.conclusion, hidden_sections = excluded.hidden_sections, published_at = excluded.published_at,
				updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			r.EventID, r.Status, jsonText(r.Introduction), jsonText(r.Conclusion), jsonText(orEmpty(r.HiddenSections)),
			ts(published), ts(r.UpdatedAt), by)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: save report: %w", err)
	}
	return nil
}

// PublishedReports returns the published reports of public events, the
// most recently published first, up to limit.
func (s *Store) PublishedReports(ctx context.Context, limit int) ([]*symposium.Report, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT r.event_id, r.status, r.introduction, r.conclusion, r.hidden_sections, r.published_at, r.updated_at
		FROM reports r JOIN events e ON e.id = r.event_id
		WHERE r.status = 'published' AND e.visibility = 'public' AND e.status <> 'draft'
		ORDER BY r.published_at DESC, r.event_id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: published reports: %w", err)
	}
	defer rows.Close()
	var out []*symposium.Report
	for rows.Next() {
		r := &symposium.Report{}
		var published time.Time
		if err := rows.Scan(&r.EventID, &r.Status, jsonCol{&r.Introduction}, jsonCol{&r.Conclusion}, jsonCol{&r.HiddenSections},
			timeCol{&published}, timeCol{&r.UpdatedAt}); err != nil {
			return nil, fmt.Errorf("store: published reports: %w", err)
		}
		r.PublishedAt = &published
		out = append(out, r)
	}
	return out, rows.Err()
}

// Attendance is what an event's registrations and programme hold, counted
// for its report.
type Attendance struct {
	Registered    int            // confirmed registrations
	CheckedIn     int            // of them, checked in at the venue
	ByCountry     map[string]int // checked in, by country code ("" unknown)
	ByKind        map[string]int // checked in, by kind of organization ("" unknown)
	Speakers      int            // people speaking in the programme
	Contributions int            // programme entries other than breaks
	Signed        int            // agreements signed, in progress or done
}

// Attendance counts the event's participants, speakers, contributions
// and signed agreements.
func (s *Store) Attendance(ctx context.Context, eventID string) (*Attendance, error) {
	a := &Attendance{ByCountry: map[string]int{}, ByKind: map[string]int{}}
	rows, err := s.read.QueryContext(ctx, `SELECT COALESCE(NULLIF(r.country, ''), p.country, ''), COALESCE(o.kind, ''), r.checked_in_at IS NOT NULL, COUNT(*)
		FROM registrations r LEFT JOIN people p ON p.id = r.person_id LEFT JOIN organizations o ON o.id = p.organization_id
		WHERE r.event_id = $1 AND r.status = 'confirmed'
		GROUP BY COALESCE(NULLIF(r.country, ''), p.country, ''), COALESCE(o.kind, ''), r.checked_in_at IS NOT NULL`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: attendance: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var country, kind string
		var in bool
		var n int
		if err := rows.Scan(&country, &kind, &in, &n); err != nil {
			return nil, fmt.Errorf("store: attendance: %w", err)
		}
		a.Registered += n
		if in {
			a.CheckedIn += n
			a.ByCountry[country] += n
			a.ByKind[kind] += n
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: attendance: %w", err)
	}
	err = s.read.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(DISTINCT cs.person_id) FROM contribution_speakers cs JOIN contributions c ON c.id = cs.contribution_id WHERE c.event_id = $1),
		(SELECT COUNT(*) FROM contributions WHERE event_id = $1 AND kind <> 'break'),
		(SELECT COUNT(*) FROM agreements WHERE event_id = $1 AND status IN ('signed', 'in_progress', 'done'))`, eventID).
		Scan(&a.Speakers, &a.Contributions, &a.Signed)
	if err != nil {
		return nil, fmt.Errorf("store: attendance: %w", err)
	}
	return a, nil
}
