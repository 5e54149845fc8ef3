package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/store"
)

// GrantsInput changes what an account may do site-wide; absent fields stay
// as they are.
type GrantsInput struct {
	IsCurator       *bool `json:"is_curator,omitempty" doc:"Curates the people directory: the whole duplicates queue, merging and undoing merges."`
	CanCreateEvents *bool `json:"can_create_events,omitempty" doc:"An organizer: may create events."`
}

// SiteBody is the settings of the whole site.
type SiteBody struct {
	OpenEventCreation bool `json:"open_event_creation" doc:"Every account with a verified email may create events, not only organizers."`
}

func (a *API) userRoutes() {
	const tag = "Administration"
	huma.Register(a.huma, a.authed(op("list-users", http.MethodGet, "/users",
		"Find accounts by a piece of their email or name (administrators)", tag)), a.listUsers)
	huma.Register(a.huma, a.authed(op("set-grants", http.MethodPatch, "/users/{id}",
		"Make an account a curator or an organizer, or neither (administrators)", tag)), a.setGrants)
	huma.Register(a.huma, a.authed(op("get-site", http.MethodGet, "/site", "The site's settings (administrators)", tag)), a.getSite)
	huma.Register(a.huma, a.authed(op("put-site", http.MethodPut, "/site", "Change the site's settings (administrators)", tag)), a.putSite)
}

func (a *API) listUsers(ctx context.Context, in *struct {
	Query string `query:"q" maxLength:"254" doc:"A piece of the email or the name; empty for every account."`
	ListInput
}) (*struct{ Body List[symposium.User] }, error) {
	list, next, err := a.Accounts.Users(ctx, symposium.UserFromContext(ctx), store.UserQuery{Text: in.Query, Limit: in.Limit, Cursor: in.Cursor})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	if list == nil {
		list = []symposium.User{}
	}
	return &struct{ Body List[symposium.User] }{Body: List[symposium.User]{Items: list, Next: next}}, nil
}

func (a *API) setGrants(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body GrantsInput
}) (*struct{ Body *symposium.User }, error) {
	u, err := a.Accounts.SetGrants(ctx, symposium.UserFromContext(ctx), in.ID,
		symposium.Grants{IsCurator: in.Body.IsCurator, CanCreateEvents: in.Body.CanCreateEvents})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.User }{Body: u}, nil
}

func (a *API) getSite(ctx context.Context, _ *struct{}) (*struct{ Body SiteBody }, error) {
	site, err := a.Accounts.SiteFor(ctx, symposium.UserFromContext(ctx))
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body SiteBody }{Body: SiteBody(site)}, nil
}

func (a *API) putSite(ctx context.Context, in *struct{ Body SiteBody }) (*struct{ Body SiteBody }, error) {
	site, err := a.Accounts.SetSite(ctx, symposium.UserFromContext(ctx), symposium.Site(in.Body))
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body SiteBody }{Body: SiteBody(site)}, nil
}
