package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/search"
)

// OrganizationInput creates an organization.
type OrganizationInput struct {
	Name    symposium.LocalizedText `json:"name"`
	Country string                  `json:"country,omitempty" doc:"ISO 3166-1 alpha-2, such as KZ."`
	Kind    string                  `json:"kind,omitempty" enum:"research_center,university,company,government,embassy,media,ngo,event_company,other"`
	Website string                  `json:"website,omitempty"`
}

// PersonInput creates a person.
type PersonInput struct {
	Name           symposium.LocalizedText `json:"name" doc:"The name in one or more scripts, such as {\"kk\":\"Гүлнар Шаймергенова\",\"en\":\"Gulnar Shaimergenova\"}."`
	Aliases        []string                `json:"aliases,omitempty" doc:"Other spellings of the name, such as a passport's."`
	OrganizationID string                  `json:"organization_id,omitempty"`
	Position       symposium.LocalizedText `json:"position,omitempty"`
	Country        string                  `json:"country,omitempty"`
	Email          string                  `json:"email,omitempty"`
	Languages      []string                `json:"languages,omitempty" doc:"ISO 639 codes of the languages the person speaks."`
	Topics         []string                `json:"topics,omitempty" doc:"Codes of fields of science, from GET /api/v1/topics."`
	Bio            symposium.LocalizedText `json:"bio,omitempty"`
}

type idPath struct {
	ID string `path:"id" maxLength:"64"`
}

func (a *API) peopleRoutes() {
	huma.Register(a.huma, a.authed(created(op("create-organization", http.MethodPost, "/organizations", "Create an organization", "People"))), a.createOrganization)
	huma.Register(a.huma, op("get-organization", http.MethodGet, "/organizations/{id}", "Get an organization", "People"), a.getOrganization)
	huma.Register(a.huma, a.authed(created(op("create-person", http.MethodPost, "/people", "Create a person", "People"))), a.createPerson)
	huma.Register(a.huma, op("get-person", http.MethodGet, "/people/{id}", "Get a person", "People"), a.getPerson)
	huma.Register(a.huma, op("list-topics", http.MethodGet, "/topics", "The fields of science (OECD FORD)", "People"), a.listTopics)
}

func (a *API) createOrganization(ctx context.Context, in *struct{ Body OrganizationInput }) (*struct{ Body *symposium.Organization }, error) {
	o := &symposium.Organization{Name: in.Body.Name, Country: in.Body.Country, Kind: in.Body.Kind, Website: in.Body.Website}
	var p symposium.Problems
	o.Validate(&p)
	if err := p.Err(); err != nil {
		return nil, a.fail(ctx, err)
	}
	if err := a.Store.CreateOrganization(ctx, o); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Organization }{Body: o}, nil
}

func (a *API) getOrganization(ctx context.Context, in *idPath) (*struct{ Body *symposium.Organization }, error) {
	o, err := a.Store.Organization(ctx, in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Organization }{Body: o}, nil
}

// CreatedPerson is a new person, with the people who were likely the same
// one already.
type CreatedPerson struct {
	*symposium.Person
	LikelyDuplicates []search.Result `json:"likely_duplicates,omitempty" doc:"People who existed already and are likely this one: merge them if so."`
}

func (a *API) createPerson(ctx context.Context, in *struct{ Body PersonInput }) (*struct{ Body CreatedPerson }, error) {
	b := in.Body
	ps := &symposium.Person{Name: b.Name, Aliases: b.Aliases, OrganizationID: b.OrganizationID, Position: b.Position,
		Country: b.Country, Email: b.Email, Languages: b.Languages, Topics: b.Topics, Bio: b.Bio}
	var p symposium.Problems
	ps.Validate(&p)
	if err := p.Err(); err != nil {
		return nil, a.fail(ctx, err)
	}
	likely := a.Search.Likely(ps.Spellings(), ps.Email, 5)
	if err := a.Store.CreatePerson(ctx, ps); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body CreatedPerson }{Body: CreatedPerson{Person: ps, LikelyDuplicates: likely}}, nil
}

// getPerson answers a person's public profile; the email is shown only to
// those who may see it: the person themself (the account with that email,
// verified), curators and administrators.
func (a *API) getPerson(ctx context.Context, in *idPath) (*struct{ Body *symposium.Person }, error) {
	ps, err := a.Store.Person(ctx, in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	if !symposium.UserFromContext(ctx).MaySeeEmailOf(ps) {
		ps.Email = ""
	}
	return &struct{ Body *symposium.Person }{Body: ps}, nil
}

func (a *API) listTopics(ctx context.Context, _ *struct{}) (*struct{ Body List[symposium.Topic] }, error) {
	return &struct{ Body List[symposium.Topic] }{Body: List[symposium.Topic]{Items: append(symposium.Areas(), symposium.Topics()...)}}, nil
}
