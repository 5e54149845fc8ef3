package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/events"
)

// EventInput is the body that creates or changes an event.
type EventInput struct {
	Slug            string                        `json:"slug" maxLength:"64" doc:"The event's address: lowercase letters, digits and hyphens."`
	Kind            string                        `json:"kind,omitempty" enum:"symposium,conference,seminar,workshop,forum"`
	Series          symposium.LocalizedText       `json:"series,omitempty"`
	Title           symposium.LocalizedText       `json:"title"`
	Summary         symposium.LocalizedText       `json:"summary,omitempty"`
	StartsAt        time.Time                     `json:"starts_at" doc:"RFC 3339 with offset."`
	EndsAt          time.Time                     `json:"ends_at" doc:"RFC 3339 with offset."`
	Timezone        string                        `json:"timezone" doc:"IANA zone, such as Asia/Almaty."`
	Venue           symposium.Venue               `json:"venue,omitempty"`
	Visibility      string                        `json:"visibility,omitempty" enum:"public,restricted"`
	Status          string                        `json:"status,omitempty" enum:"draft,published,finished" doc:"Default published."`
	Languages       []string                      `json:"languages,omitempty" doc:"The event's languages; default: those of the title."`
	DefaultLanguage string                        `json:"default_language,omitempty"`
	Organizers      []symposium.EventOrganization `json:"organizers,omitempty"`
	HoldMinutes     *int                          `json:"hold_minutes,omitempty" minimum:"5" maximum:"1440" doc:"How many minutes an anonymous registrant keeps a seat before confirming their email: 5 to 1440, default 60."`
	PromotionHours  *int                          `json:"promotion_hours,omitempty" minimum:"0" maximum:"720" doc:"How long a person promoted from the waiting list has to confirm; default 48, 0 for no deadline."`
	Accent          string                        `json:"accent,omitempty" doc:"The event's colour, #rrggbb, contrasting at least 4.5:1 with white; empty keeps the site's."`
}

func (in *EventInput) event() *symposium.Event {
	e := &symposium.Event{Slug: in.Slug, Kind: in.Kind, Series: in.Series, Title: in.Title, Summary: in.Summary,
		StartsAt: in.StartsAt, EndsAt: in.EndsAt, Timezone: in.Timezone, Venue: in.Venue, Visibility: in.Visibility,
		Status: in.Status, Languages: in.Languages, DefaultLanguage: in.DefaultLanguage, Organizers: in.Organizers,
		HoldMinutes: 60, PromotionHours: 48, Accent: in.Accent}
	set(&e.HoldMinutes, in.HoldMinutes)
	set(&e.PromotionHours, in.PromotionHours)
	return e
}

type eventBody struct {
	Body *symposium.Event
}

type slugPath struct {
	Slug string `path:"slug" maxLength:"64"`
}

func (a *API) eventRoutes() {
	huma.Register(a.huma, op("list-events", http.MethodGet, "/events", "List the events the caller may see", "Events"), a.listEvents)
	huma.Register(a.huma, a.authed(created(op("create-event", http.MethodPost, "/events", "Create an event; the caller becomes its manager", "Events"))), a.createEvent)
	huma.Register(a.huma, op("get-event", http.MethodGet, "/events/{slug}", "Get an event", "Events"), a.getEvent)
	huma.Register(a.huma, a.authed(op("update-event", http.MethodPatch, "/events/{slug}", "Change an event's fields", "Events")), a.updateEvent)
}

func (a *API) listEvents(ctx context.Context, in *ListInput) (*struct{ Body List[*symposium.Event] }, error) {
	list, next, err := a.Events.List(ctx, symposium.UserFromContext(ctx), events.ListQuery{Limit: in.Limit, Cursor: in.Cursor})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	if list == nil {
		list = []*symposium.Event{}
	}
	return &struct{ Body List[*symposium.Event] }{Body: List[*symposium.Event]{Items: list, Next: next}}, nil
}

func (a *API) createEvent(ctx context.Context, in *struct{ Body EventInput }) (*eventBody, error) {
	u := symposium.UserFromContext(ctx)
	e := in.Body.event()
	if err := a.Events.Create(ctx, u, e); err != nil {
		return nil, a.fail(ctx, err)
	}
	e, _, err := a.Events.Get(ctx, u, e.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &eventBody{Body: e}, nil
}

func (a *API) getEvent(ctx context.Context, in *slugPath) (*eventBody, error) {
	e, _, err := a.Events.Get(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &eventBody{Body: e}, nil
}

// EventPatch holds the fields to change; absent fields stay as they are.
type EventPatch struct {
	Slug            *string                        `json:"slug,omitempty" maxLength:"64"`
	Kind            *string                        `json:"kind,omitempty" enum:"symposium,conference,seminar,workshop,forum"`
	Series          symposium.LocalizedText        `json:"series,omitempty"`
	Title           symposium.LocalizedText        `json:"title,omitempty"`
	Summary         symposium.LocalizedText        `json:"summary,omitempty"`
	StartsAt        *time.Time                     `json:"starts_at,omitempty"`
	EndsAt          *time.Time                     `json:"ends_at,omitempty"`
	Timezone        *string                        `json:"timezone,omitempty"`
	Venue           *symposium.Venue               `json:"venue,omitempty"`
	Visibility      *string                        `json:"visibility,omitempty" enum:"public,restricted"`
	Status          *string                        `json:"status,omitempty" enum:"draft,published,finished"`
	Languages       []string                       `json:"languages,omitempty"`
	DefaultLanguage *string                        `json:"default_language,omitempty"`
	Organizers      *[]symposium.EventOrganization `json:"organizers,omitempty"`
	HoldMinutes     *int                           `json:"hold_minutes,omitempty" minimum:"5" maximum:"1440" doc:"How many minutes an anonymous registrant keeps a seat before confirming their email: 5 to 1440, default 60."`
	PromotionHours  *int                           `json:"promotion_hours,omitempty" minimum:"0" maximum:"720"`
	Accent          *string                        `json:"accent,omitempty" doc:"The event's colour, #rrggbb, contrasting at least 4.5:1 with white; empty restores the site's."`
}

// apply copies the set fields onto e; a localized text replaces the
// languages it names and keeps the others.
func (p *EventPatch) apply(e *symposium.Event) {
	set(&e.Slug, p.Slug)
	set(&e.Kind, p.Kind)
	merge(e.Series, p.Series, &e.Series)
	merge(e.Title, p.Title, &e.Title)
	merge(e.Summary, p.Summary, &e.Summary)
	set(&e.StartsAt, p.StartsAt)
	set(&e.EndsAt, p.EndsAt)
	set(&e.Timezone, p.Timezone)
	set(&e.Venue, p.Venue)
	set(&e.Visibility, p.Visibility)
	set(&e.Status, p.Status)
	if p.Languages != nil {
		e.Languages = p.Languages
	}
	set(&e.DefaultLanguage, p.DefaultLanguage)
	set(&e.Organizers, p.Organizers)
	set(&e.HoldMinutes, p.HoldMinutes)
	set(&e.PromotionHours, p.PromotionHours)
	set(&e.Accent, p.Accent)
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// merge writes into dst the languages of old overridden by those of patch;
// an empty text in patch removes that language.
func merge(old, patch symposium.LocalizedText, dst *symposium.LocalizedText) {
	if patch == nil {
		return
	}
	out := symposium.LocalizedText{}
	for l, s := range old {
		out[l] = s
	}
	for l, s := range patch {
		out[l] = s
	}
	*dst = out
}

func (a *API) updateEvent(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body EventPatch
}) (*eventBody, error) {
	e, err := a.Events.Update(ctx, symposium.UserFromContext(ctx), in.Slug, in.Body.apply)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &eventBody{Body: e}, nil
}
