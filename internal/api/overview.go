package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
)

// overviewRoutes are the routes of "My Symposium".
func (a *API) overviewRoutes() {
	huma.Register(a.huma, a.authed(op("get-my-symposium", http.MethodGet, "/me/symposium",
		"The signed-in person's part in every event, events to come first: registrations and tickets, abstracts, reviews to do, talks, sessions chaired, roles and meetings",
		"Accounts")), a.mySymposium)
}

// mySymposiumOutput is the caller's part in every event.
type mySymposiumOutput struct {
	Body *symposium.MySymposium
}

func (a *API) mySymposium(ctx context.Context, _ *struct{}) (*mySymposiumOutput, error) {
	m, err := a.Overview.MySymposium(ctx, symposium.UserFromContext(ctx))
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &mySymposiumOutput{Body: m}, nil
}
