package registration

import (
	"context"

	"symposium"
	"symposium/internal/store"
)

// Registrations returns a page of the registrations of the event with the
// slug that q selects, and the cursor of the next page, for whoever may
// see its registrants: its managers and check-in staff.
func (s *Service) Registrations(ctx context.Context, u *symposium.User, slug string, q store.RegistrationQuery) ([]symposium.Registration, string, error) {
	e, _, err := s.require(ctx, u, slug, symposium.Access.CanSeeRegistrants)
	if err != nil {
		return nil, "", err
	}
	q.EventID = e.ID
	return s.store.Registrations(ctx, q)
}

// Overview is the managers' view of an event's registrations: each
// category's live counts and a page of the registrations a query selects.
type Overview struct {
	Page
	Categories []symposium.Category
	Stats      map[string]*store.CategoryStats
	List       []symposium.Registration
	Next       string
	Query      store.RegistrationQuery
	Questions  []symposium.Question // the registration form's, filled in by Export
}

// Overview returns the counts and a page of the registrations q selects
// at the event with the slug, for its managers.
func (s *Service) Overview(ctx context.Context, u *symposium.User, slug string, q store.RegistrationQuery) (*Overview, error) {
	e, access, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	return s.overview(ctx, e, access, q)
}

// overview gathers what the managers' list shows.
func (s *Service) overview(ctx context.Context, e *symposium.Event, access symposium.Access, q store.RegistrationQuery) (*Overview, error) {
	q.EventID = e.ID
	v := &Overview{Page: Page{Event: e, Access: access}, Query: q}
	var err error
	if v.Categories, err = s.store.Categories(ctx, e.ID); err != nil {
		return nil, err
	}
	if v.Stats, err = s.store.RegistrationStats(ctx, e.ID); err != nil {
		return nil, err
	}
	if v.List, v.Next, err = s.store.Registrations(ctx, q); err != nil {
		return nil, err
	}
	return v, nil
}

// maxExport bounds how many registrations one export or badge sheet
// holds.
const maxExport = 100_000

// Export returns every registration of the event with the slug that q
// selects, whatever its limit and cursor, with the event's categories,
// for its managers to download.
func (s *Service) Export(ctx context.Context, u *symposium.User, slug string, q store.RegistrationQuery) (*Overview, error) {
	e, access, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	v := &Overview{Page: Page{Event: e, Access: access}}
	if v.Categories, err = s.store.Categories(ctx, e.ID); err != nil {
		return nil, err
	}
	if v.Questions, err = s.store.Questions(ctx, e.ID); err != nil {
		return nil, err
	}
	q.EventID, q.Limit, q.Cursor = e.ID, 1000, ""
	for len(v.List) < maxExport {
		page, next, err := s.store.Registrations(ctx, q)
		if err != nil {
			return nil, err
		}
		v.List = append(v.List, page...)
		if next == "" {
			break
		}
		q.Cursor = next
	}
	v.Query = q
	return v, nil
}

// Participants is an event's list of participants.
type Participants struct {
	Page
	List []store.Participant
}

// Participants lists the confirmed registrants of the event with the slug
// who agreed to appear, for whoever may see the event.
func (s *Service) Participants(ctx context.Context, u *symposium.User, slug string) (*Participants, error) {
	e, access, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	list, err := s.store.Participants(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	return &Participants{Page: Page{Event: e, Access: access}, List: list}, nil
}
