package store

import (
	"context"
	"fmt"

	"symposium"
)

const requestColumns = `id, event_id, from_id, to_id, priority, message, status, approved, by_manager, created_by, created_at`

func scanRequest(sc scanner, r *symposium.MeetingRequest) error {
	return sc.Scan(&r.ID, &r.EventID, &r.FromID, &r.ToID, &r.Priority, &r.Message, &r.Status, &r.Approved, &r.ByManager,
		&r.CreatedBy, timeCol{&r.CreatedAt})
}

// CreateRequest stores a meeting request and queues its mail, if any, in
// one transaction. When limit is above zero and the request is not a
// manager's, a sender who already has limit live requests (pending or
// accepted) of their own is refused on the field "to", and so is a second
// live request to the same party; nothing is stored then.
func (s *Store) CreateRequest(ctx context.Context, r *symposium.MeetingRequest, limit int, mail *symposium.Mail) error {
	r.ID, r.CreatedAt = symposium.NewID(), now()
	err := s.write(ctx, func(t *tx) error {
		if limit > 0 && !r.ByManager {
			var n int
			if err := t.queryRow(`SELECT COUNT(*) FROM meeting_requests WHERE event_id = $1 AND from_id = $2 AND by_manager = $3
				AND status IN ('pending', 'accepted')`, r.EventID, r.FromID, false).Scan(&n); err != nil {
				return err
			}
			if n >= limit {
				return fieldError("to", "error.matchmaking.request_cap", "Max", limit)
			}
		}
		_, err := t.exec(`INSERT INTO meeting_requests (id, event_id, from_id, to_id, priority, message, status, approved, by_manager,
				created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
			r.ID, r.EventID, r.FromID, r.ToID, r.Priority, r.Message, r.Status, r.Approved, r.ByManager, r.CreatedBy, ts(r.CreatedAt))
		if isUniqueViolation(err) {
			return fieldError("to", "error.matchmaking.request_duplicate")
		}
		if err != nil || mail == nil {
			return err
		}
		return insertMail(t, *mail)
	})
	if symposium.AsError(err) != nil {
		r.ID = ""
		return err
	}
	if err != nil {
		r.ID = ""
		return fmt.Errorf("store: create meeting request: %w", err)
	}
	return nil
}

// fieldError is an invalid-input error naming one field.
func fieldError(field, key string, args ...any) error {
	var p symposium.Problems
	p.Add(field, key, args...)
	return p.Err()
}

// MeetingRequest returns one meeting request.
func (s *Store) MeetingRequest(ctx context.Context, id string) (*symposium.MeetingRequest, error) {
	if !symposium.IsID(id) {
		return nil, symposium.NotFound()
	}
	var r symposium.MeetingRequest
	err := scanRequest(s.read.QueryRowContext(ctx, `SELECT `+requestColumns+` FROM meeting_requests WHERE id = $1`, id), &r)
	if err != nil {
		return nil, notFound("meeting request", err)
	}
	return &r, nil
}

// MeetingRequests returns every request of an event, oldest first.
func (s *Store) MeetingRequests(ctx context.Context, eventID string) ([]*symposium.MeetingRequest, error) {
	var out []*symposium.MeetingRequest
	err := s.each(ctx, "meeting requests", `SELECT `+requestColumns+` FROM meeting_requests WHERE event_id = $1
		ORDER BY created_at, id`, func(sc scanner) error {
		var r symposium.MeetingRequest
		if err := scanRequest(sc, &r); err != nil {
			return err
		}
		out = append(out, &r)
		return nil
	}, eventID)
	return out, err
}

// AnswerRequest moves a pending request to status (accepted or declined)
// and queues its mail, if any. A request no longer pending is a conflict;
// a declined request cancels the meetings made of it.
func (s *Store) AnswerRequest(ctx context.Context, id, status string, mail *symposium.Mail) error {
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE meeting_requests SET status = $2, updated_at = $3 WHERE id = $1 AND status = 'pending'`,
			id, status, ts(now())))
		if err != nil {
			return err
		}
		if n == 0 {
			return symposium.Errorf(symposium.ECONFLICT, "error.matchmaking.request_answered")
		}
		if mail == nil {
			return nil
		}
		return insertMail(t, *mail)
	})
	if symposium.AsError(err) != nil {
		return err
	}
	if err != nil {
		return fmt.Errorf("store: answer meeting request: %w", err)
	}
	return nil
}

// ApproveRequest lets a request count for the schedule.
func (s *Store) ApproveRequest(ctx context.Context, id string) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`UPDATE meeting_requests SET approved = $2, updated_at = $3 WHERE id = $1`, id, true, ts(now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: approve meeting request: %w", err)
	}
	return nil
}
