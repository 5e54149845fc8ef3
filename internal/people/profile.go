package people

import (
	"context"

	"symposium"
	"symposium/internal/store"
)

// Profile is a person's page: the person as the caller may see them, their
// organization, where they speak at the events the caller may see, and
// what the caller may do with them.
type Profile struct {
	Person       *symposium.Person
	Organization *symposium.Organization
	Appearances  []store.Appearance
	CanEdit      bool
	// Merges are the merges the person took part in, for callers who may
	// merge them.
	Merges []Merge
}

// Profile returns a person's page. A merged person's profile carries only
// the person, whose MergedInto names the survivor.
func (s *Service) Profile(ctx context.Context, u *symposium.User, id string) (*Profile, error) {
	stored, err := s.store.Person(ctx, id)
	if err != nil {
		return nil, err
	}
	v := &Profile{Person: redact(u, stored)}
	if stored.MergedInto != "" {
		return v, nil
	}
	if stored.OrganizationID != "" {
		if v.Organization, err = s.store.Organization(ctx, stored.OrganizationID); err != nil {
			return nil, err
		}
	}
	if v.Appearances, err = s.store.PersonAppearances(ctx, stored.ID, u); err != nil {
		return nil, err
	}
	if v.CanEdit, err = s.MayEdit(ctx, u, stored); err != nil {
		return nil, err
	}
	if u.MayCurate() || v.CanEdit {
		if v.Merges, err = s.Merges(ctx, u, stored.ID); err != nil && symposium.ErrorCode(err) != symposium.EFORBIDDEN {
			return nil, err
		}
	}
	return v, nil
}

// Organizations returns organizations to choose from in forms, up to
// limit.
func (s *Service) Organizations(ctx context.Context, limit int) ([]*symposium.Organization, error) {
	return s.store.AllOrganizations(ctx, limit)
}

// OrganizationsOf returns the organizations of people, by ID.
func (s *Service) OrganizationsOf(ctx context.Context, people []*symposium.Person) (map[string]*symposium.Organization, error) {
	var ids []string
	for _, p := range people {
		if p.OrganizationID != "" {
			ids = append(ids, p.OrganizationID)
		}
	}
	return s.store.Organizations(ctx, ids)
}

// CreateOrganization validates and adds an organization, for callers who
// may add to the directory.
func (s *Service) CreateOrganization(ctx context.Context, u *symposium.User, o *symposium.Organization) error {
	if err := s.requireAdd(ctx, u); err != nil {
		return err
	}
	var p symposium.Problems
	o.Validate(&p)
	if err := p.Err(); err != nil {
		return err
	}
	entry := symposium.NewAuditEntry(u, "", symposium.AuditOrgCreate, "", nil, o)
	return s.store.CreateOrganization(store.WithAudit(ctx, entry), o)
}

// OrganizationProfile is an organization's page: its people and the
// events it organizes or sponsors that the caller may see.
type OrganizationProfile struct {
	Organization *symposium.Organization
	People       []*symposium.Person
	Events       []*symposium.Event
}

// Organization returns an organization's page.
func (s *Service) Organization(ctx context.Context, u *symposium.User, id string) (*OrganizationProfile, error) {
	o, err := s.store.Organization(ctx, id)
	if err != nil {
		return nil, err
	}
	v := &OrganizationProfile{Organization: o}
	people, err := s.store.OrganizationPeople(ctx, o.ID)
	if err != nil {
		return nil, err
	}
	for _, p := range people {
		v.People = append(v.People, redact(u, p))
	}
	if v.Events, err = s.store.OrganizationEvents(ctx, o.ID, u); err != nil {
		return nil, err
	}
	return v, nil
}
