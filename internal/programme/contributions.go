package programme

import (
	"context"
	"time"

	"symposium"
	"symposium/internal/store"
)

// Change edits a contribution before it is validated and stored. It gets
// the event, to read times in its zone, and may add the problems of input
// it could not read, which refuse the change with the rest.
type Change func(e *symposium.Event, c *symposium.Contribution, p *symposium.Problems)

// Contributions lists every entry of the event's programme, scheduled or
// not, for whoever may see the event.
func (s *Service) Contributions(ctx context.Context, u *symposium.User, slug string) ([]symposium.Contribution, error) {
	e, _, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	return s.store.Contributions(ctx, e.ID)
}

// ContributionsSince returns the entries of the event's programme that
// changed at or after since (all when since is zero), for whoever may see
// the event: how an integration keeps its copy in step.
func (s *Service) ContributionsSince(ctx context.Context, u *symposium.User, slug string, since time.Time) ([]symposium.Contribution, error) {
	list, err := s.Contributions(ctx, u, slug)
	if err != nil || since.IsZero() {
		return list, err
	}
	out := list[:0]
	for _, c := range list {
		if !c.UpdatedAt.Before(since) {
			out = append(out, c)
		}
	}
	return out, nil
}

// Contribution returns one entry of the event's programme, for whoever may
// see the event.
func (s *Service) Contribution(ctx context.Context, u *symposium.User, slug, id string) (*symposium.Contribution, error) {
	e, _, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	return s.store.Contribution(ctx, e.ID, id)
}

// SaveContribution adds an entry to the event's programme (id "") or
// changes the entry with the ID, for the event's managers: change edits a
// new entry or a copy of the stored one, which is validated and stored.
// A room or speaker that would be in two places at once refuses the
// change as a conflict listing every clash. It returns the event and the
// stored entry.
func (s *Service) SaveContribution(ctx context.Context, u *symposium.User, slug, id string, change Change) (*symposium.Event, *symposium.Contribution, error) {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	var old *symposium.Contribution
	c := &symposium.Contribution{}
	if id != "" {
		if old, err = s.store.Contribution(ctx, e.ID, id); err != nil {
			return nil, nil, err
		}
		copied := *old
		c = &copied
	}
	var p symposium.Problems
	change(e, c, &p)
	c.Validate(&p)
	if err := p.Err(); err != nil {
		return nil, nil, err
	}
	c.EventID = e.ID
	if old == nil {
		c.ID = symposium.NewID()
		err = s.store.CreateContribution(store.WithAudit(ctx, s.entrySaved(u, e, nil, c)), e, c)
	} else {
		c.ID = old.ID
		err = s.store.SaveContribution(store.WithAudit(ctx, s.entrySaved(u, e, old, c)), e, c)
	}
	if err != nil {
		return nil, nil, err
	}
	saved, err := s.store.Contribution(ctx, e.ID, c.ID)
	return e, saved, err
}

// entrySaved is the audit entry of a contribution saved at an event.
func (s *Service) entrySaved(u *symposium.User, e *symposium.Event, before, after *symposium.Contribution) *symposium.AuditEntry {
	var b any
	if before != nil {
		b = before
	}
	return symposium.NewAuditEntry(u, e.ID, symposium.AuditEntrySave, after.ID, b, after)
}

// DeleteContribution removes an entry from the event's programme, for its
// managers.
func (s *Service) DeleteContribution(ctx context.Context, u *symposium.User, slug, id string) error {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return err
	}
	old, err := s.store.Contribution(ctx, e.ID, id)
	if err != nil {
		return err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditEntryDelete, old.ID, old, nil)
	return s.store.DeleteContribution(store.WithAudit(ctx, entry), e.ID, id)
}
