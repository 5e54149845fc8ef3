package store

import (
	"context"
	"fmt"
	"time"
)

// QuestionCounts counts the live questions asked at the event's
// contributions, without those merged into another, and of them those
// marked answered.
func (s *Store) QuestionCounts(ctx context.Context, eventID string) (asked, answered int, err error) {
	err = s.read.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN answered THEN 1 ELSE 0 END), 0)
		FROM live_questions WHERE event_id = $1 AND merged_into = ''`, eventID).Scan(&asked, &answered)
	if err != nil {
		return 0, 0, fmt.Errorf("store: question counts: %w", err)
	}
	return asked, answered, nil
}

// MeetingCounts counts the event's accepted meeting requests that count
// (approved, where managers approve requests first) and its
// meetings marked held, and the held ones per hour of the day in loc.
func (s *Store) MeetingCounts(ctx context.Context, eventID string, loc *time.Location) (accepted, held int, perHour map[int]int, err error) {
	if err = s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM meeting_requests WHERE event_id = $1 AND status = 'accepted' AND approved`, eventID).Scan(&accepted); err != nil {
		return 0, 0, nil, fmt.Errorf("store: meeting counts: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT sl.starts_at FROM meetings m JOIN matchmaking_slots sl ON sl.id = m.slot_id
		WHERE m.event_id = $1 AND m.status = 'held'`, eventID)
	if err != nil {
		return 0, 0, nil, fmt.Errorf("store: meeting counts: %w", err)
	}
	defer rows.Close()
	perHour = map[int]int{}
	for rows.Next() {
		var at time.Time
		if err := rows.Scan(timeCol{&at}); err != nil {
			return 0, 0, nil, fmt.Errorf("store: meeting counts: %w", err)
		}
		held++
		perHour[at.In(loc).Hour()]++
	}
	return accepted, held, perHour, rows.Err()
}
