package programme

import (
	"context"
	"encoding/json"
	"fmt"

	"symposium"
	"symposium/internal/store"
)

// UndoLast reverts the caller's last change to the event's programme, for
// its managers: an added entry is removed, a changed one gets its former
// fields back, a removed one returns. The undoing is itself a change, so
// undoing twice redoes. A reverted entry that would now conflict with the
// programme is refused as a conflict, and nothing changes. expected names
// the change the caller saw as their last (its audit entry's ID): when
// another change came since, as from another tab, nothing is undone. It
// returns the event and the entry as it is now, nil when the undo removed
// it.
func (s *Service) UndoLast(ctx context.Context, u *symposium.User, slug, expected string) (*symposium.Event, *symposium.Contribution, error) {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	last, err := s.lastChange(ctx, u, e)
	if err != nil {
		return nil, nil, err
	}
	if last == nil || last.ID != expected {
		return nil, nil, symposium.Errorf(symposium.ECONFLICT, "error.nothing_to_undo")
	}
	if len(last.Before) == 0 {
		return s.undoCreate(ctx, u, e, last.Subject)
	}
	var before symposium.Contribution
	if err := json.Unmarshal(last.Before, &before); err != nil {
		return nil, nil, fmt.Errorf("programme: undo: %w", err)
	}
	before.EventID = e.ID
	current, err := s.store.Contribution(ctx, e.ID, before.ID)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		err = s.store.CreateContribution(store.WithAudit(ctx, s.entrySaved(u, e, nil, &before)), e, &before)
	} else if err == nil {
		err = s.store.SaveContribution(store.WithAudit(ctx, s.entrySaved(u, e, current, &before)), e, &before)
	}
	if err != nil {
		return nil, nil, err
	}
	saved, err := s.store.Contribution(ctx, e.ID, before.ID)
	return e, saved, err
}

// undoCreate removes the entry the caller added last.
func (s *Service) undoCreate(ctx context.Context, u *symposium.User, e *symposium.Event, id string) (*symposium.Event, *symposium.Contribution, error) {
	old, err := s.store.Contribution(ctx, e.ID, id)
	if err != nil {
		return nil, nil, err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditEntryDelete, old.ID, old, nil)
	return e, nil, s.store.DeleteContribution(store.WithAudit(ctx, entry), e.ID, id)
}

// lastChange returns the audit entry of the caller's last change to the
// event's programme, or nil.
func (s *Service) lastChange(ctx context.Context, u *symposium.User, e *symposium.Event) (*symposium.AuditEntry, error) {
	last, err := s.store.LastAudit(ctx, e.ID, u.ID, symposium.AuditEntrySave, symposium.AuditEntryDelete)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return nil, nil
	}
	return last, err
}
