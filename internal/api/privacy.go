package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
)

func (a *API) privacyRoutes() {
	huma.Register(a.huma, a.authed(op("get-my-data", http.MethodGet, "/me/data", "Everything held about the signed-in person, as one document", "Personal data")), a.myData)
	huma.Register(a.huma, a.authed(noContent(op("erase-me", http.MethodDelete, "/me", "Erase the signed-in account and what is the caller's alone; their token stops working", "Personal data"))), a.eraseMe)
	huma.Register(a.huma, a.authed(op("list-my-consents", http.MethodGet, "/me/consents", "The signed-in person's answers about uses of their data, newest per kind and event", "Personal data")), a.myConsents)
	huma.Register(a.huma, a.authed(op("set-my-consent", http.MethodPut, "/me/consents/{kind}", "Give or withdraw consent to a use of one's data", "Personal data")), a.setMyConsent)
	huma.Register(a.huma, a.authed(op("get-person-data", http.MethodGet, "/people/{id}/data", "Everything held about a person, for an administrator acting on their written request", "Personal data")), a.personData)
	huma.Register(a.huma, a.authed(op("erase-person", http.MethodPost, "/people/{id}/erasure", "Erase a person and their account, for an administrator acting on their written request", "Personal data")), a.erasePerson)
	huma.Register(a.huma, a.authed(op("get-retention", http.MethodGet, "/events/{slug}/retention", "How long the event keeps registration data after it ends: its managers", "Personal data")), a.retention)
	huma.Register(a.huma, a.authed(op("set-retention", http.MethodPut, "/events/{slug}/retention", "Set how many days after the event its registration data is kept: its managers", "Personal data")), a.setRetention)
}

// personalDataOutput is everything held about one individual.
type personalDataOutput struct {
	Body *symposium.PersonalData
}

func (a *API) myData(ctx context.Context, _ *struct{}) (*personalDataOutput, error) {
	d, err := a.Privacy.MyData(ctx, symposium.UserFromContext(ctx))
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &personalDataOutput{Body: d}, nil
}

func (a *API) eraseMe(ctx context.Context, _ *struct{}) (*struct{}, error) {
	if _, err := a.Privacy.EraseMe(ctx, symposium.UserFromContext(ctx), true); err != nil {
		return nil, a.fail(ctx, err)
	}
	return nil, nil
}

func (a *API) myConsents(ctx context.Context, _ *struct{}) (*struct{ Body List[symposium.Consent] }, error) {
	list, err := a.Privacy.Consents(ctx, symposium.UserFromContext(ctx))
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[symposium.Consent] }{Body: List[symposium.Consent]{Items: orEmpty(list)}}, nil
}

// consentInput is an answer about one use of the caller's data.
type consentInput struct {
	Kind string `path:"kind" enum:"participant_list,photos,matchmaking,newsletter"`
	Body struct {
		Granted  bool   `json:"granted"`
		Scope    string `json:"scope,omitempty" maxLength:"64" doc:"The event's ID, for an answer about one event; empty for the whole site."`
		Text     string `json:"text,omitempty" maxLength:"2000" doc:"The words the person was shown."`
		Language string `json:"language,omitempty" maxLength:"8"`
	}
}

func (a *API) setMyConsent(ctx context.Context, in *consentInput) (*struct{ Body symposium.Consent }, error) {
	c := symposium.Consent{Kind: in.Kind, Scope: in.Body.Scope, Granted: in.Body.Granted, Text: in.Body.Text, Language: in.Body.Language}
	if err := a.Privacy.SetConsent(ctx, symposium.UserFromContext(ctx), &c); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body symposium.Consent }{Body: c}, nil
}

// personInput names a person by ID.
type personInput struct {
	ID string `path:"id" maxLength:"64"`
}

func (a *API) personData(ctx context.Context, in *personInput) (*personalDataOutput, error) {
	d, err := a.Privacy.PersonData(ctx, symposium.UserFromContext(ctx), in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &personalDataOutput{Body: d}, nil
}

func (a *API) erasePerson(ctx context.Context, in *personInput) (*struct{ Body *symposium.Erasure }, error) {
	out, err := a.Privacy.ErasePerson(ctx, symposium.UserFromContext(ctx), in.ID, true)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Erasure }{Body: out}, nil
}

// retentionSlug names the event whose retention is read or set.
type retentionSlug struct {
	Slug string `path:"slug" maxLength:"64"`
}

func (a *API) retention(ctx context.Context, in *retentionSlug) (*struct{ Body symposium.Retention }, error) {
	_, r, err := a.Privacy.Retention(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body symposium.Retention }{Body: r}, nil
}

func (a *API) setRetention(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body struct {
		Days int `json:"days" doc:"Days after the event's end; 0 shreds as soon as it ends."`
	}
}) (*struct{ Body symposium.Retention }, error) {
	r, err := a.Privacy.SetRetention(ctx, symposium.UserFromContext(ctx), in.Slug, in.Body.Days)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body symposium.Retention }{Body: r}, nil
}
