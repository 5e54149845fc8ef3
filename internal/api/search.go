package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/search"
)

// SearchInput is a search: text in any script, and filters.
type SearchInput struct {
	Q            string `query:"q" doc:"What to look for: a name in any script or romanization, or words of a title. Only the first 200 characters count; an empty query finds nothing."`
	Type         string `query:"type" doc:"person, organization, event or contribution; all when empty."`
	Limit        int    `query:"limit" doc:"At most 100; 10 when not given."`
	Country      string `query:"country" doc:"People and organizations of a country (ISO 3166-1 alpha-2)."`
	Organization string `query:"organization" doc:"People of an organization, by its ID."`
	Topic        string `query:"topic" doc:"People working in a field of science or an area, by its code."`
	Event        string `query:"event" doc:"People taking a part at an event and its contributions, by the event's slug."`
	Role         string `query:"role" doc:"With event: speaker or registrant."`
}

func (a *API) searchRoutes() {
	huma.Register(a.huma, op("search", http.MethodGet, "/search", "Find people, organizations, events and contributions", "Search"), a.search)
}

func (a *API) search(ctx context.Context, in *SearchInput) (*struct{ Body List[search.Result] }, error) {
	q := search.Query{Text: in.Q, Type: in.Type, Limit: in.Limit, Country: in.Country, OrganizationID: in.Organization,
		Topic: in.Topic, Part: in.Role}
	items, err := a.Search.Find(ctx, symposium.UserFromContext(ctx), q, in.Event)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[search.Result] }{Body: List[search.Result]{Items: items}}, nil
}
