// Package audit reads the audit log: every change an organizer, curator or
// administrator made, written by the services in the same transaction as
// the change. Administrators read the whole log; an event's managers read
// the entries of their event.
package audit

import (
	"context"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/store"
)

// Service reads the audit log.
type Service struct {
	store  *store.Store
	events *events.Service
}

// New returns a Service.
func New(st *store.Store, ev *events.Service) *Service {
	return &Service{store: st, events: ev}
}

// Page is one page of the log, newest first, and the cursor of the next.
type Page struct {
	Entries []*symposium.AuditEntry
	Next    string
}

// maxLimit bounds a page of the log.
const maxLimit = 1000

// Site returns a page of the whole log, for administrators.
func (s *Service) Site(ctx context.Context, u *symposium.User, limit int, cursor string) (*Page, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	if !u.IsAdministrator() {
		return nil, symposium.Forbidden()
	}
	return s.page(ctx, "", limit, cursor)
}

// Event returns a page of an event's log, for its managers.
func (s *Service) Event(ctx context.Context, u *symposium.User, slug string, limit int, cursor string) (*symposium.Event, *Page, error) {
	e, _, err := s.events.Managed(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	p, err := s.page(ctx, e.ID, limit, cursor)
	return e, p, err
}

// page reads a page of the log, of one event or ("") of the site.
func (s *Service) page(ctx context.Context, eventID string, limit int, cursor string) (*Page, error) {
	if limit <= 0 || limit > maxLimit {
		limit = 100
	}
	list, next, err := s.store.AuditLog(ctx, store.AuditQuery{EventID: eventID, Limit: limit, Cursor: cursor})
	if err != nil {
		return nil, err
	}
	return &Page{Entries: list, Next: next}, nil
}
