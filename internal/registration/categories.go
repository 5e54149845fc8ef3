package registration

import (
	"context"

	"symposium"
	"symposium/internal/store"
)

// CreateCategory validates and adds a registration category to the event
// with the slug, for its managers. The category gets its ID.
func (s *Service) CreateCategory(ctx context.Context, u *symposium.User, slug string, c *symposium.Category) error {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return err
	}
	c.EventID = e.ID
	var p symposium.Problems
	c.Validate(&p)
	if err := p.Err(); err != nil {
		return err
	}
	c.ID = symposium.NewID()
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditCategorySave, c.ID, nil, c)
	if err := s.store.CreateCategory(store.WithAudit(ctx, entry), c); err != nil {
		c.ID = ""
		return err
	}
	return nil
}

// Categories lists the event's registration categories with their counts,
// for whoever may see the event.
func (s *Service) Categories(ctx context.Context, u *symposium.User, slug string) ([]symposium.Category, error) {
	e, _, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	return s.store.Categories(ctx, e.ID)
}

// UpdateCategory changes one of the event's categories, for its managers:
// change edits a copy of the stored category, which is validated and
// stored. A raised capacity promotes from the waiting list, each promoted
// person told by mail. It returns the category as stored.
func (s *Service) UpdateCategory(ctx context.Context, u *symposium.User, slug, id string, change func(*symposium.Category)) (*symposium.Category, error) {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	old, err := s.store.Category(ctx, e.ID, id)
	if err != nil {
		return nil, err
	}
	c := *old
	change(&c)
	c.ID, c.EventID = old.ID, e.ID
	var p symposium.Problems
	c.Validate(&p)
	if err := p.Err(); err != nil {
		return nil, err
	}
	key, err := s.store.EventKey(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditCategorySave, c.ID, old, &c)
	if err := s.store.UpdateCategory(store.WithAudit(ctx, entry), &c, s.Now(), s.mailer(e, key)); err != nil {
		return nil, err
	}
	return s.store.Category(ctx, e.ID, id)
}

// capacityState is the event's overall capacity as the audit log records
// it.
type capacityState struct {
	Capacity *int `json:"capacity"`
}

// SetCapacity sets the overall capacity of the event with the slug, for
// its managers; nil removes it. Seats it frees go to the waiting lists.
func (s *Service) SetCapacity(ctx context.Context, u *symposium.User, slug string, capacity *int) error {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return err
	}
	if capacity != nil && (*capacity < 0 || *capacity > 10_000_000) {
		var p symposium.Problems
		p.Add("capacity", "error.field.invalid")
		return p.Err()
	}
	old, err := s.store.RegistrationCapacity(ctx, e.ID)
	if err != nil {
		return err
	}
	key, err := s.store.EventKey(ctx, e.ID)
	if err != nil {
		return err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditCapacity, e.ID, capacityState{old}, capacityState{capacity})
	return s.store.SetRegistrationCapacityAt(store.WithAudit(ctx, entry), e.ID, capacity, s.Now(), s.mailer(e, key))
}

// Questions lists the questions of the event's registration form, for
// whoever may see the event.
func (s *Service) Questions(ctx context.Context, u *symposium.User, slug string) ([]symposium.Question, error) {
	e, _, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	return s.store.Questions(ctx, e.ID)
}

// FormEditor returns the event's registration form for its managers to
// edit.
func (s *Service) FormEditor(ctx context.Context, u *symposium.User, slug string) (*Form, error) {
	e, access, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	return s.form(ctx, e, access)
}

// SetQuestions changes the questions of the event's registration form,
// for its managers: change gets the stored questions and returns the new
// ones, which are validated and stored. It returns the questions stored.
func (s *Service) SetQuestions(ctx context.Context, u *symposium.User, slug string, change func([]symposium.Question) []symposium.Question) ([]symposium.Question, error) {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	old, err := s.store.Questions(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	qs := change(append([]symposium.Question(nil), old...))
	var p symposium.Problems
	symposium.ValidateQuestions(&p, qs)
	if err := p.Err(); err != nil {
		return nil, err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditQuestions, e.ID, old, qs)
	if err := s.store.SetQuestions(store.WithAudit(ctx, entry), e.ID, qs); err != nil {
		return nil, err
	}
	return qs, nil
}

// CategoryEditor is what the managers' page of registration categories
// shows: the categories with their counts and the overall capacity.
type CategoryEditor struct {
	Page
	Categories []symposium.Category
	Capacity   *int
}

// CategoryEditor returns the event's categories and overall capacity, for
// its managers.
func (s *Service) CategoryEditor(ctx context.Context, u *symposium.User, slug string) (*CategoryEditor, error) {
	e, access, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	cs, err := s.store.Categories(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	capacity, err := s.store.RegistrationCapacity(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	return &CategoryEditor{Page: Page{Event: e, Access: access}, Categories: cs, Capacity: capacity}, nil
}
