package accounts

import (
	"context"

	"symposium"
	"symposium/internal/store"
)

// requireAdministrator refuses anyone but a site administrator: 401 when
// nobody is signed in, 403 otherwise.
func requireAdministrator(caller *symposium.User) error {
	switch {
	case caller == nil:
		return symposium.Unauthorized()
	case !caller.IsAdministrator():
		return symposium.Forbidden()
	}
	return nil
}

// Users finds accounts by a piece of their email or name, a page at a
// time, for administrators.
func (s *Service) Users(ctx context.Context, caller *symposium.User, q store.UserQuery) ([]symposium.User, string, error) {
	if err := requireAdministrator(caller); err != nil {
		return nil, "", err
	}
	return s.store.Users(ctx, q)
}

// SetGrants changes what an account may do site-wide — curate the people
// directory, create events — and returns the account as it now is. Only
// administrators may; an unknown account is not found.
func (s *Service) SetGrants(ctx context.Context, caller *symposium.User, userID string, g symposium.Grants) (*symposium.User, error) {
	if err := requireAdministrator(caller); err != nil {
		return nil, err
	}
	if !symposium.IsID(userID) {
		return nil, symposium.NotFound()
	}
	before, err := s.store.UserByID(ctx, userID)
	if err != nil {
		return nil, err
	}
	entry := symposium.NewAuditEntry(caller, "", symposium.AuditAccountRights, userID, grantsOf(before), g)
	return s.store.SetGrants(store.WithAudit(ctx, entry), userID, g)
}

// Site returns the settings of the whole installation, which every
// service may read: whether every verified account may create events.
func (s *Service) Site(ctx context.Context) (symposium.Site, error) {
	return s.store.Site(ctx)
}

// SiteFor returns the settings of the whole installation to an
// administrator who is to change them.
func (s *Service) SiteFor(ctx context.Context, caller *symposium.User) (symposium.Site, error) {
	if err := requireAdministrator(caller); err != nil {
		return symposium.Site{}, err
	}
	return s.store.Site(ctx)
}

// SetSite changes the settings of the whole installation and returns them.
// Only administrators may.
func (s *Service) SetSite(ctx context.Context, caller *symposium.User, site symposium.Site) (symposium.Site, error) {
	if err := requireAdministrator(caller); err != nil {
		return symposium.Site{}, err
	}
	before, err := s.store.Site(ctx)
	if err != nil {
		return symposium.Site{}, err
	}
	entry := symposium.NewAuditEntry(caller, "", symposium.AuditSiteSettings, "", before, site)
	if err := s.store.SetSite(store.WithAudit(ctx, entry), site, caller.ID); err != nil {
		return symposium.Site{}, err
	}
	return s.store.Site(ctx)
}

// grantsOf returns an account's site-wide grants, for the audit log.
func grantsOf(u *symposium.User) symposium.Grants {
	return symposium.Grants{IsCurator: &u.IsCurator, CanCreateEvents: &u.CanCreateEvents}
}

// Outbox returns a page of the mail outbox, newest first, before the mail
// with the ID before (from the newest when ""), for administrators.
func (s *Service) Outbox(ctx context.Context, caller *symposium.User, before string, limit int) ([]symposium.OutboxMail, error) {
	if err := requireAdministrator(caller); err != nil {
		return nil, err
	}
	return s.store.ListMail(ctx, before, limit)
}
