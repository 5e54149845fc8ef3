package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
)

// RoleInput gives an account a role at an event.
type RoleInput struct {
	Email string `json:"email" maxLength:"254"`
	Role  string `json:"role" enum:"manager,reviewer,checkin,moderator"`
}

func (a *API) roleRoutes() {
	huma.Register(a.huma, a.authed(created(op("add-event-role", http.MethodPost, "/events/{slug}/roles", "Give an account a role at the event", "Events"))), a.addRole)
	huma.Register(a.huma, a.authed(op("list-event-roles", http.MethodGet, "/events/{slug}/roles", "Who holds which role", "Events")), a.listRoles)
	huma.Register(a.huma, a.authed(noContent(op("remove-event-role", http.MethodDelete, "/events/{slug}/roles/{role}/{user_id}", "Take a role away from an account; the last manager stays", "Events"))), a.removeRole)
}

func (a *API) removeRole(ctx context.Context, in *struct {
	Slug   string `path:"slug" maxLength:"64"`
	Role   string `path:"role" enum:"manager,reviewer,checkin,moderator"`
	UserID string `path:"user_id" maxLength:"64"`
}) (*struct{}, error) {
	if err := a.Events.RemoveRole(ctx, symposium.UserFromContext(ctx), in.Slug, in.UserID, in.Role); err != nil {
		return nil, a.fail(ctx, err)
	}
	return nil, nil
}

func (a *API) addRole(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body RoleInput
}) (*struct{ Body *symposium.EventRole }, error) {
	r, err := a.Events.AddRole(ctx, symposium.UserFromContext(ctx), in.Slug, in.Body.Email, in.Body.Role)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.EventRole }{Body: r}, nil
}

func (a *API) listRoles(ctx context.Context, in *slugPath) (*struct{ Body List[symposium.EventRole] }, error) {
	_, roles, err := a.Events.Roles(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	if roles == nil {
		roles = []symposium.EventRole{}
	}
	return &struct{ Body List[symposium.EventRole] }{Body: List[symposium.EventRole]{Items: roles}}, nil
}
