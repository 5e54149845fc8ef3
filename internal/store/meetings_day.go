package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

// DueMeetings returns the scheduled meetings of every event whose slot
// starts after from and no later than to, and whose reminder has not been
// queued, in the order of their start.
func (s *Store) DueMeetings(ctx context.Context, from, to time.Time) ([]*symposium.Meeting, error) {
	var out []*symposium.Meeting
	err := s.each(ctx, "due meetings", meetingColumns+` WHERE m.status = 'scheduled' AND m.reminded_at IS NULL
		AND sl.starts_at > $1 AND sl.starts_at <= $2 ORDER BY sl.starts_at, m.id`, func(sc scanner) error {
		m, err := scanMeeting(sc)
		out = append(out, m)
		return err
	}, ts(from), ts(to))
	return out, err
}

// MarkMeetingReminded records that a meeting's reminders were queued,
// queueing them in the same transaction, so that each goes once. It
// reports false when another instance reminded first.
func (s *Store) MarkMeetingReminded(ctx context.Context, id string, mails []symposium.Mail) (bool, error) {
	done := false
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE meetings SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL`, id, ts(now())))
		if err != nil || n == 0 {
			return err
		}
		done = true
		for _, m := range mails {
			if err := insertMail(t, m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("store: mark meeting reminded: %w", err)
	}
	return done, nil
}

// AddMeeting places one meeting in a slot, as when a no-show's free slot
// goes to a waiting request, with its mails, in one transaction. It is a
// conflict when either party or the table is already taken in the slot
// by a meeting scheduled or held.
func (s *Store) AddMeeting(ctx context.Context, m *symposium.Meeting, mails []symposium.Mail) error {
	err := s.write(ctx, func(t *tx) error {
		var n int
		err := t.queryRow(`SELECT COUNT(*) FROM meetings WHERE event_id = $1 AND slot_id = $2 AND status IN ('scheduled', 'held')
			AND (a_id IN ($3, $4) OR b_id IN ($3, $4) OR table_no = $5)`, m.EventID, m.SlotID, m.A, m.B, m.Table).Scan(&n)
		if err != nil {
			return err
		}
		if n > 0 {
			return symposium.Errorf(symposium.ECONFLICT, "error.matchmaking.slot_taken")
		}
		m.ID, m.Status = symposium.NewID(), symposium.MeetingScheduled
		at := ts(now())
		if _, err := t.exec(`INSERT INTO meetings (id, event_id, request_id, a_id, b_id, slot_id, table_no, interpreter, weight, status,
				reminded_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $11)`,
			m.ID, m.EventID, m.RequestID, m.A, m.B, m.SlotID, m.Table, m.Interpreter, m.Weight, m.Status, at); err != nil {
			return err
		}
		for _, ml := range mails {
			if err := insertMail(t, ml); err != nil {
				return err
			}
		}
		return nil
	})
	if symposium.AsError(err) != nil {
		return err
	}
	if err != nil {
		return fmt.Errorf("store: add meeting: %w", err)
	}
	return nil
}

// AnswerFollowUp records the answer to "Follow-up planned?" of a meeting
// held and not yet answered; answer "" takes an answer back. Anything else
// is a conflict.
func (s *Store) AnswerFollowUp(ctx context.Context, eventID, id, answer string) error {
	cond := `follow_up = ''`
	if answer == "" {
		cond = `follow_up <> ''`
	}
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE meetings SET follow_up = $3, updated_at = $4
			WHERE id = $1 AND event_id = $2 AND status = 'held' AND `+cond, id, eventID, answer, ts(now())))
		if err == nil && n == 0 {
			return symposium.Errorf(symposium.ECONFLICT, "error.matchmaking.follow_up_answered")
		}
		return err
	})
	if err != nil && symposium.AsError(err) == nil {
		return fmt.Errorf("store: answer follow-up: %w", err)
	}
	return err
}
