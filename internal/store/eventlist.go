package store

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	"symposium"
)

// EventQuery selects events for a viewer.
type EventQuery struct {
	Viewer *symposium.User // nil for anonymous
	// EndsAfter keeps events that end after it (upcoming and ongoing);
	// EndsBefore keeps events that ended before it (past). Zero: no bound.
	EndsAfter, EndsBefore time.Time
	// Descending lists the latest first.
	Descending bool
	Limit      int
	Cursor     string
}

// eventCursor is where a page of events ended.
type eventCursor struct {
	StartsAt time.Time `json:"s"`
	ID       string    `json:"i"`
}

// ListEvents returns a page of the events the viewer may see, ordered by
// start, and the cursor of the next page ("" on the last). Site
// administrators see every event; others see public published events and
// those where they hold a role.
func (s *Store) ListEvents(ctx context.Context, q EventQuery) ([]*symposium.Event, string, error) {
	var c eventCursor
	if q.Cursor != "" && decodeCursor(q.Cursor, &c) != nil {
		return nil, "", invalidCursor()
	}
	admin, viewerID := viewerArgs(q.Viewer)
	order, cmp := "ASC", ">"
	if q.Descending {
		order, cmp = "DESC", "<"
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+eventColumns+` FROM events e
		WHERE `+visibleEvent("$1", "$2")+`
		  AND ($3 = '' OR e.ends_at > $4) AND ($5 = '' OR e.ends_at < $6)
		  AND ($7 = '' OR e.starts_at `+cmp+` $8 OR (e.starts_at = $8 AND e.id `+cmp+` $7))
		ORDER BY e.starts_at `+order+`, e.id `+order+` LIMIT $9`,
		admin, viewerID, flag(q.EndsAfter), ts(orEpoch(q.EndsAfter)), flag(q.EndsBefore), ts(orEpoch(q.EndsBefore)),
		c.ID, ts(orEpoch(c.StartsAt)), q.Limit+1)
	if err != nil {
		return nil, "", fmt.Errorf("store: list events: %w", err)
	}
	defer rows.Close()
	var out []*symposium.Event
	for rows.Next() {
		var e symposium.Event
		if err := scanEvent(rows, &e); err != nil {
			return nil, "", fmt.Errorf("store: list events: %w", err)
		}
		out = append(out, &e)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("store: list events: %w", err)
	}
	next := ""
	if len(out) > q.Limit {
		out = out[:q.Limit]
		last := out[len(out)-1]
		next = encodeCursor(eventCursor{StartsAt: last.StartsAt, ID: last.ID})
	}
	return out, next, s.loadOrganizers(ctx, out)
}

// visibleEvent is the condition under which the event e may be seen by a
// viewer: an administrator (the boolean parameter admin) sees every event,
// anyone sees public published ones, and holders of a role or of a live
// registration under their verified email (the parameter user, an account
// ID) see theirs. It mirrors
// symposium.Access.CanSee.
func visibleEvent(admin, user string) string {
	return `(` + admin + ` OR (e.visibility = 'public' AND e.status <> 'draft')
		OR EXISTS (SELECT 1 FROM event_roles r WHERE r.event_id = e.id AND r.user_id = ` + user + `)
		OR EXISTS (SELECT 1 FROM registrations rg JOIN users u ON u.email = rg.email AND u.verified_at IS NOT NULL
			WHERE rg.event_id = e.id AND u.id = ` + user + ` AND rg.status IN ('confirmed', 'waitlisted', 'pending')))`
}

// viewerArgs returns the parameters of visibleEvent for a viewer.
func viewerArgs(viewer *symposium.User) (bool, string) {
	if viewer == nil {
		return false, ""
	}
	return viewer.IsAdmin, viewer.ID
}

// flag is "x" when t is set, for optional conditions written as
// ($n = ” OR ...), which keep one query text for every combination.
func flag(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return "x"
}

// orEpoch gives unset times a value, since the conditions that ignore them
// still bind them.
func orEpoch(t time.Time) time.Time {
	if t.IsZero() {
		return time.Unix(0, 0)
	}
	return t
}

func encodeCursor(v any) string {
	b, _ := json.Marshal(v)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func invalidCursor() error {
	var p symposium.Problems
	p.Add("cursor", "error.field.cursor")
	return p.Err()
}
