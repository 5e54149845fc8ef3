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
}

func (a *API) addRole(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body RoleInput
}) (*struct{ Body *symposium.EventRole }, error) {
	e, err := a.managedEvent(ctx, in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	var p symposium.Problems
	if !symposium.ValidEmail(symposium.NormalizeEmail(in.Body.Email)) {
		p.Add("email", "error.field.email")
	}
	if err := p.Err(); err != nil {
		return nil, a.fail(ctx, err)
	}
	r, err := a.Store.AddEventRole(ctx, e.ID, in.Body.Email, in.Body.Role)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.EventRole }{Body: r}, nil
}

func (a *API) listRoles(ctx context.Context, in *slugPath) (*struct{ Body List[symposium.EventRole] }, error) {
	e, err := a.managedEvent(ctx, in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	roles, err := a.Store.EventRoles(ctx, e.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	if roles == nil {
		roles = []symposium.EventRole{}
	}
	return &struct{ Body List[symposium.EventRole] }{Body: List[symposium.EventRole]{Items: roles}}, nil
}
