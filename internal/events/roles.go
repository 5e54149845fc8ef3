package events

import (
	"context"
	"slices"

	"symposium"
	"symposium/internal/store"
)

// Roles lists who holds which role at an event, for its managers.
func (s *Service) Roles(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, []symposium.EventRole, error) {
	e, _, err := s.Managed(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	roles, err := s.store.EventRoles(ctx, e.ID)
	return e, roles, err
}

// AddRole gives the account with an email a role at an event, for its
// managers. The email must belong to an account.
func (s *Service) AddRole(ctx context.Context, u *symposium.User, slug, email, role string) (*symposium.EventRole, error) {
	e, _, err := s.Managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	email = symposium.NormalizeEmail(email)
	var p symposium.Problems
	if !symposium.ValidEmail(email) {
		p.Add("email", "error.field.email")
	}
	if !slices.Contains(symposium.EventRoles, role) {
		p.Add("role", "error.field.choice")
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditRoleGrant, "", nil, map[string]string{"email": email, "role": role})
	r, err := s.store.AddEventRole(store.WithAudit(ctx, entry), e.ID, email, role)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// RemoveRole takes a role away from an account, for the event's managers.
// A manager cannot remove the last manager.
func (s *Service) RemoveRole(ctx context.Context, u *symposium.User, slug, userID, role string) error {
	e, roles, err := s.Roles(ctx, u, slug)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(roles, func(r symposium.EventRole) bool { return r.UserID == userID && r.Role == role })
	if i < 0 {
		return symposium.NotFound()
	}
	if role == symposium.RoleManager && managers(roles) == 1 {
		return symposium.Errorf(symposium.ECONFLICT, "error.last_manager")
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditRoleRevoke, userID, roles[i], nil)
	return s.store.RemoveEventRole(store.WithAudit(ctx, entry), e.ID, userID, role)
}

// managers counts the managers among roles.
func managers(roles []symposium.EventRole) int {
	n := 0
	for _, r := range roles {
		if r.Role == symposium.RoleManager {
			n++
		}
	}
	return n
}
