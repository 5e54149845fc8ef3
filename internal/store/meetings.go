package store

import (
	"context"
	"fmt"

	"symposium"
)

// Meetings returns every meeting of an event, cancelled ones included, in
// the order of their slots and tables, with their slots' times.
func (s *Store) Meetings(ctx context.Context, eventID string) ([]*symposium.Meeting, error) {
	var out []*symposium.Meeting
	err := s.each(ctx, "meetings", meetingColumns+` WHERE m.event_id = $1 ORDER BY sl.starts_at, m.table_no, m.id`, func(sc scanner) error {
		m, err := scanMeeting(sc)
		out = append(out, m)
		return err
	}, eventID)
	return out, err
}

// meetingColumns selects a meeting with its slot's times.
const meetingColumns = `SELECT m.id, m.event_id, m.request_id, m.a_id, m.b_id, m.slot_id, m.table_no, m.interpreter,
		m.weight, m.status, m.follow_up, m.marked_by, sl.starts_at, sl.ends_at
	FROM meetings m JOIN matchmaking_slots sl ON sl.id = m.slot_id`

// scanMeeting reads a row of meetingColumns.
func scanMeeting(sc scanner) (*symposium.Meeting, error) {
	var m symposium.Meeting
	err := sc.Scan(&m.ID, &m.EventID, &m.RequestID, &m.A, &m.B, &m.SlotID, &m.Table, &m.Interpreter, &m.Weight, &m.Status,
		&m.FollowUp, &m.MarkedBy, timeCol{&m.StartsAt}, timeCol{&m.EndsAt})
	return &m, err
}

// Publication is a schedule to publish: the meetings it keeps by ID, the
// meetings it adds, and its weight and proven bound.
type Publication struct {
	EventID       string
	Keep          map[string]bool
	Add           []*symposium.Meeting
	Weight, Bound int
	Mails         []symposium.Mail
}

// PublishMeetings replaces an event's scheduled meetings by a new
// schedule: scheduled meetings not kept are removed, the new ones are
// added, meetings held or missed stay, and the schedule's weight and bound
// are recorded, with its mails queued, in one transaction.
func (s *Store) PublishMeetings(ctx context.Context, p *Publication) error {
	at := now()
	err := s.write(ctx, func(t *tx) error {
		ids, err := scheduledIDs(t, p.EventID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if p.Keep[id] {
				continue
			}
			if _, err := t.exec(`DELETE FROM meetings WHERE id = $1`, id); err != nil {
				return err
			}
		}
		for _, m := range p.Add {
			m.ID, m.EventID, m.Status = symposium.NewID(), p.EventID, symposium.MeetingScheduled
			_, err := t.exec(`INSERT INTO meetings (id, event_id, request_id, a_id, b_id, slot_id, table_no, interpreter, weight, status,
					created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
				m.ID, m.EventID, m.RequestID, m.A, m.B, m.SlotID, m.Table, m.Interpreter, m.Weight, m.Status, ts(at))
			if err != nil {
				return err
			}
			if err := hooked(t, p.EventID, symposium.HookMeetingScheduled, m.ID, at); err != nil {
				return err
			}
		}
		for _, ml := range p.Mails {
			if err := insertMail(t, ml); err != nil {
				return err
			}
		}
		_, err = t.exec(`UPDATE matchmaking SET published_weight = $2, published_bound = $3, published_at = $4 WHERE event_id = $1`,
			p.EventID, p.Weight, p.Bound, ts(at))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: publish meetings: %w", err)
	}
	return nil
}

// scheduledIDs lists the IDs of an event's scheduled meetings.
func scheduledIDs(t *tx, eventID string) ([]string, error) {
	rows, err := t.query(`SELECT id FROM meetings WHERE event_id = $1 AND status = 'scheduled'`, eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// MarkMeeting changes a meeting's status: held or no-show from scheduled
// (or each other, to correct a mark), or cancelled, which also cancels the
// accepted requests between its parties so that the next schedule gives the slot to another. A meeting
// already cancelled is a conflict.
func (s *Store) MarkMeeting(ctx context.Context, eventID, id, status, by string) error {
	err := s.write(ctx, func(t *tx) error {
		var a, b string
		err := t.queryRow(`UPDATE meetings SET status = $3, marked_by = $4, updated_at = $5
			WHERE id = $1 AND event_id = $2 AND status <> 'cancelled' RETURNING a_id, b_id`,
			id, eventID, status, by, ts(now())).Scan(&a, &b)
		if err != nil {
			return notFound("meeting", err)
		}
		if status != symposium.MeetingCancelled {
			return nil
		}
		_, err = t.exec(`UPDATE meeting_requests SET status = 'cancelled', updated_at = $4
			WHERE event_id = $1 AND status = 'accepted' AND ((from_id = $2 AND to_id = $3) OR (from_id = $3 AND to_id = $2))`,
			eventID, a, b, ts(now()))
		return err
	})
	if symposium.AsError(err) != nil {
		return symposium.Errorf(symposium.ECONFLICT, "error.matchmaking.meeting_cancelled")
	}
	if err != nil {
		return fmt.Errorf("store: mark meeting: %w", err)
	}
	return nil
}
