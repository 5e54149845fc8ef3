package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

type auditKey struct{}

// pendingAudit is an audit entry waiting for the write it describes; once
// written it is not written again by a later write under the same context.
type pendingAudit struct {
	entry   *symposium.AuditEntry
	written bool
}

// WithAudit returns a copy of ctx that makes the next write of the store
// record e in the audit log, in the write's own transaction.
func WithAudit(ctx context.Context, e *symposium.AuditEntry) context.Context {
	return context.WithValue(ctx, auditKey{}, &pendingAudit{entry: e})
}

// auditFrom returns the pending entry ctx carries, or nil.
func auditFrom(ctx context.Context) *pendingAudit {
	p, _ := ctx.Value(auditKey{}).(*pendingAudit)
	return p
}

// writeAudit inserts the pending entry, if any and not yet written. A
// transaction run again inserts it again, since the first run rolled back.
func writeAudit(t *tx, p *pendingAudit) error {
	if p == nil {
		return nil
	}
	if p.written {
		return nil
	}
	e := p.entry
	if e.ID == "" {
		e.ID = symposium.NewID()
	}
	if e.At.IsZero() {
		e.At = now()
	}
	_, err := t.exec(`INSERT INTO audit_log (id, at, actor_id, actor_name, event_id, action, subject, before, after)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		e.ID, ts(e.At), e.ActorID, e.ActorName, nullable(e.EventID), e.Action, e.Subject, string(e.Before), string(e.After))
	if err != nil {
		return fmt.Errorf("store: audit: %w", err)
	}
	return nil
}

// AddAudit records an entry on its own, for actions that change nothing
// else in the database.
func (s *Store) AddAudit(ctx context.Context, e *symposium.AuditEntry) error {
	return s.write(WithAudit(ctx, e), func(*tx) error { return nil })
}

// AuditQuery selects entries of the audit log, newest first.
type AuditQuery struct {
	EventID string // "" for the whole site
	Limit   int
	Cursor  string
}

// auditCursor is where a page of the audit log ended.
type auditCursor struct {
	At time.Time `json:"a"`
	ID string    `json:"i"`
}

// AuditLog returns a page of the audit log, newest first, and the cursor
// of the next page ("" on the last).
func (s *Store) AuditLog(ctx context.Context, q AuditQuery) ([]*symposium.AuditEntry, string, error) {
	var c auditCursor
	if q.Cursor != "" && decodeCursor(q.Cursor, &c) != nil {
		return nil, "", invalidCursor()
	}
	if c.At.IsZero() {
		c.At = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	var out []*symposium.AuditEntry
	err := s.each(ctx, "audit log", `SELECT id, at, actor_id, actor_name, COALESCE(event_id, ''), action, subject, before, after
		FROM audit_log WHERE ($1 = '' OR event_id = $1) AND (at < $2 OR (at = $2 AND id < $3))
		ORDER BY at DESC, id DESC LIMIT $4`, func(sc scanner) error {
		e, err := scanAuditEntry(sc)
		if err != nil {
			return err
		}
		out = append(out, e)
		return nil
	}, q.EventID, ts(c.At), orMax(c.ID), q.Limit+1)
	if err != nil {
		return nil, "", err
	}
	next := ""
	if len(out) > q.Limit {
		out = out[:q.Limit]
		last := out[len(out)-1]
		next = encodeCursor(auditCursor{At: last.At, ID: last.ID})
	}
	return out, next, nil
}

// orMax returns id, or a string after every ID when it is empty.
func orMax(id string) string {
	if id == "" {
		return "~"
	}
	return id
}

// scanAuditEntry reads an entry's columns: id, at, actor_id, actor_name,
// event_id (or ”), action, subject, before, after.
func scanAuditEntry(sc scanner) (*symposium.AuditEntry, error) {
	var e symposium.AuditEntry
	var before, after string
	if err := sc.Scan(&e.ID, timeCol{&e.At}, &e.ActorID, &e.ActorName, &e.EventID, &e.Action, &e.Subject, &before, &after); err != nil {
		return nil, err
	}
	if before != "" {
		e.Before = []byte(before)
	}
	if after != "" {
		e.After = []byte(after)
	}
	return &e, nil
}

// LastAudit returns the newest entry of the audit log at the event by the
// actor with one of the actions, or a not-found error when there is none.
func (s *Store) LastAudit(ctx context.Context, eventID, actorID string, actions ...string) (*symposium.AuditEntry, error) {
	e, err := scanAuditEntry(s.read.QueryRowContext(ctx, `SELECT id, at, actor_id, actor_name, COALESCE(event_id, ''), action, subject, before, after
		FROM audit_log WHERE event_id = $1 AND actor_id = $2 AND action IN (SELECT value FROM `+s.d.jsonEach("$3")+`)
		ORDER BY at DESC, id DESC LIMIT 1`, eventID, actorID, jsonText(actions)))
	if err != nil {
		return nil, notFound("audit entry", err)
	}
	return e, nil
}
