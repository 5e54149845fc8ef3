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
	ROR     string                  `json:"ror,omitempty" doc:"Research Organization Registry identifier, such as 0586sdd93."`
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
	huma.Register(a.huma, a.authed(op("update-person", http.MethodPatch, "/people/{id}", "Change a person: for the person, curators, administrators and the team of an event that added them", "People")), a.updatePerson)
	huma.Register(a.huma, op("list-topics", http.MethodGet, "/topics", "The fields of science (OECD FORD)", "People"), a.listTopics)
}

func (a *API) createOrganization(ctx context.Context, in *struct{ Body OrganizationInput }) (*struct{ Body *symposium.Organization }, error) {
	o := &symposium.Organization{Name: in.Body.Name, Country: in.Body.Country, Kind: in.Body.Kind, Website: in.Body.Website, ROR: in.Body.ROR}
	if err := a.People.CreateOrganization(ctx, symposium.UserFromContext(ctx), o); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Organization }{Body: o}, nil
}

func (a *API) getOrganization(ctx context.Context, in *idPath) (*struct{ Body *symposium.Organization }, error) {
	v, err := a.People.Organization(ctx, symposium.UserFromContext(ctx), in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Organization }{Body: v.Organization}, nil
}

// CreatedPerson is a new person, with the people who were likely the same
// one already.
type CreatedPerson struct {
	*symposium.Person
	LikelyDuplicates []search.Result `json:"likely_duplicates,omitempty" doc:"People who existed already and are likely this one: merge them if so."`
}

func (in *PersonInput) person() *symposium.Person {
	return &symposium.Person{Name: in.Name, Aliases: in.Aliases, OrganizationID: in.OrganizationID, Position: in.Position,
		Country: in.Country, Email: in.Email, Languages: in.Languages, Topics: in.Topics, Bio: in.Bio}
}

func (a *API) createPerson(ctx context.Context, in *struct{ Body PersonInput }) (*struct{ Body CreatedPerson }, error) {
	c, err := a.People.Create(ctx, symposium.UserFromContext(ctx), in.Body.person(), false)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body CreatedPerson }{Body: CreatedPerson{Person: c.Person, LikelyDuplicates: c.Likely}}, nil
}

// getPerson answers a person's public profile; the email is shown only to
// whoever may read it.
func (a *API) getPerson(ctx context.Context, in *idPath) (*struct{ Body *symposium.Person }, error) {
	ps, err := a.People.Get(ctx, symposium.UserFromContext(ctx), in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Person }{Body: ps}, nil
}

// PersonPatch holds the fields of a person to change; absent fields stay
// as they are, and a localized text replaces the languages it names.
type PersonPatch struct {
	Name           symposium.LocalizedText `json:"name,omitempty"`
	Aliases        *[]string               `json:"aliases,omitempty"`
	OrganizationID *string                 `json:"organization_id,omitempty" doc:"An empty string removes the organization."`
	Position       symposium.LocalizedText `json:"position,omitempty"`
	Country        *string                 `json:"country,omitempty"`
	Email          *string                 `json:"email,omitempty"`
	Languages      *[]string               `json:"languages,omitempty"`
	Topics         *[]string               `json:"topics,omitempty"`
	Bio            symposium.LocalizedText `json:"bio,omitempty"`
}

// apply copies the set fields onto p.
func (in *PersonPatch) apply(p *symposium.Person) {
	merge(p.Name, in.Name, &p.Name)
	set(&p.Aliases, in.Aliases)
	set(&p.OrganizationID, in.OrganizationID)
	merge(p.Position, in.Position, &p.Position)
	set(&p.Country, in.Country)
	set(&p.Email, in.Email)
	set(&p.Languages, in.Languages)
	set(&p.Topics, in.Topics)
	merge(p.Bio, in.Bio, &p.Bio)
}

func (a *API) updatePerson(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body PersonPatch
}) (*struct{ Body *symposium.Person }, error) {
	ps, err := a.People.Update(ctx, symposium.UserFromContext(ctx), in.ID, in.Body.apply)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Person }{Body: ps}, nil
}

func (a *API) listTopics(ctx context.Context, _ *struct{}) (*struct{ Body List[symposium.Topic] }, error) {
	return &struct{ Body List[symposium.Topic] }{Body: List[symposium.Topic]{Items: append(symposium.Areas(), symposium.Topics()...)}}, nil
}
