package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/programme"
)

// RoomInput creates a room.
type RoomInput struct {
	Name     symposium.LocalizedText `json:"name"`
	Capacity int                     `json:"capacity,omitempty" minimum:"0"`
}

// ContributionInput creates a programme entry. Without starts_at it waits
// unscheduled in the editor.
type ContributionInput struct {
	Title           symposium.LocalizedText `json:"title"`
	Kind            string                  `json:"kind" enum:"address,keynote,talk,panel,discussion,poster,break"`
	Description     symposium.LocalizedText `json:"description,omitempty"`
	StartsAt        *time.Time              `json:"starts_at,omitempty" doc:"RFC 3339 with offset."`
	DurationMinutes int                     `json:"duration_minutes" minimum:"1" maximum:"1440"`
	RoomID          string                  `json:"room_id,omitempty"`
	SessionID       string                  `json:"session_id,omitempty"`
	SpeakerIDs      []string                `json:"speaker_ids,omitempty"`
	Topics          []string                `json:"topics,omitempty"`
}

// ContributionPatch moves, resizes or edits a programme entry; absent
// fields stay as they are.
type ContributionPatch struct {
	Title           symposium.LocalizedText `json:"title,omitempty"`
	Kind            *string                 `json:"kind,omitempty" enum:"address,keynote,talk,panel,discussion,poster,break"`
	Description     symposium.LocalizedText `json:"description,omitempty"`
	StartsAt        *time.Time              `json:"starts_at,omitempty"`
	Unschedule      bool                    `json:"unschedule,omitempty" doc:"Take the entry out of the timetable."`
	DurationMinutes *int                    `json:"duration_minutes,omitempty" minimum:"1" maximum:"1440"`
	RoomID          *string                 `json:"room_id,omitempty" doc:"\"\" takes the entry out of its room."`
	SessionID       *string                 `json:"session_id,omitempty" doc:"\"\" takes the entry out of its session."`
	SpeakerIDs      *[]string               `json:"speaker_ids,omitempty"`
	Topics          *[]string               `json:"topics,omitempty"`
}

type contributionPath struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
}

func (a *API) programmeRoutes() {
	huma.Register(a.huma, a.authed(created(op("create-room", http.MethodPost, "/events/{slug}/rooms", "Add a room", "Programme"))), a.createRoom)
	huma.Register(a.huma, op("list-rooms", http.MethodGet, "/events/{slug}/rooms", "List the rooms", "Programme"), a.listRooms)
	huma.Register(a.huma, a.authed(created(op("create-contribution", http.MethodPost, "/events/{slug}/contributions",
		"Add a programme entry; 409 with the conflicts when a room or speaker would be in two places at once", "Programme"))), a.createContribution)
	huma.Register(a.huma, op("list-contributions", http.MethodGet, "/events/{slug}/contributions", "Every programme entry, scheduled or not", "Programme"), a.listContributions)
	huma.Register(a.huma, op("get-contribution", http.MethodGet, "/events/{slug}/contributions/{id}", "Get a programme entry", "Programme"), a.getContribution)
	huma.Register(a.huma, a.authed(op("update-contribution", http.MethodPatch, "/events/{slug}/contributions/{id}",
		"Move, resize or edit a programme entry; 409 with the conflicts", "Programme")), a.updateContribution)
	huma.Register(a.huma, a.authed(op("delete-contribution", http.MethodDelete, "/events/{slug}/contributions/{id}", "Remove a programme entry", "Programme")), a.deleteContribution)
	huma.Register(a.huma, a.authed(created(op("create-session", http.MethodPost, "/events/{slug}/sessions", "Add a session: a titled group of entries", "Programme"))), a.createSession)
	huma.Register(a.huma, op("list-sessions", http.MethodGet, "/events/{slug}/sessions", "List the sessions", "Programme"), a.listSessions)
	huma.Register(a.huma, op("get-timetable", http.MethodGet, "/events/{slug}/timetable", "The scheduled programme, by time and then room", "Programme"), a.timetable)
}

func (a *API) createRoom(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body RoomInput
}) (*struct{ Body *symposium.Room }, error) {
	r := &symposium.Room{Name: in.Body.Name, Capacity: in.Body.Capacity}
	if err := a.Programme.CreateRoom(ctx, symposium.UserFromContext(ctx), in.Slug, r); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Room }{Body: r}, nil
}

func (a *API) listRooms(ctx context.Context, in *slugPath) (*struct{ Body List[symposium.Room] }, error) {
	rooms, err := a.Programme.Rooms(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[symposium.Room] }{Body: List[symposium.Room]{Items: rooms}}, nil
}

func (a *API) createContribution(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body ContributionInput
}) (*struct{ Body *symposium.Contribution }, error) {
	b := in.Body
	return a.saveContribution(ctx, in.Slug, "", func(_ *symposium.Event, c *symposium.Contribution, _ *symposium.Problems) {
		*c = symposium.Contribution{Title: b.Title, Kind: b.Kind, Description: b.Description, StartsAt: b.StartsAt,
			DurationMinutes: b.DurationMinutes, RoomID: b.RoomID, SessionID: b.SessionID, SpeakerIDs: b.SpeakerIDs, Topics: b.Topics}
	})
}

// saveContribution adds or changes a contribution and answers the stored
// one.
func (a *API) saveContribution(ctx context.Context, slug, id string, change programme.Change) (*struct{ Body *symposium.Contribution }, error) {
	_, saved, err := a.Programme.SaveContribution(ctx, symposium.UserFromContext(ctx), slug, id, change)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Contribution }{Body: saved}, nil
}

func (a *API) listContributions(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	SinceInput
}) (*struct{ Body List[symposium.Contribution] }, error) {
	list, err := a.Programme.ContributionsSince(ctx, symposium.UserFromContext(ctx), in.Slug, in.ModifiedSince)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[symposium.Contribution] }{Body: List[symposium.Contribution]{Items: list}}, nil
}

func (a *API) getContribution(ctx context.Context, in *contributionPath) (*struct{ Body *symposium.Contribution }, error) {
	c, err := a.Programme.Contribution(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Contribution }{Body: c}, nil
}

func (a *API) updateContribution(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
	Body ContributionPatch
}) (*struct{ Body *symposium.Contribution }, error) {
	return a.saveContribution(ctx, in.Slug, in.ID, func(_ *symposium.Event, c *symposium.Contribution, _ *symposium.Problems) {
		in.Body.apply(c)
	})
}

// apply copies the set fields onto c.
func (p *ContributionPatch) apply(c *symposium.Contribution) {
	merge(c.Title, p.Title, &c.Title)
	merge(c.Description, p.Description, &c.Description)
	set(&c.Kind, p.Kind)
	if p.StartsAt != nil {
		c.StartsAt = p.StartsAt
	}
	if p.Unschedule {
		c.StartsAt = nil
	}
	set(&c.DurationMinutes, p.DurationMinutes)
	set(&c.RoomID, p.RoomID)
	set(&c.SessionID, p.SessionID)
	set(&c.SpeakerIDs, p.SpeakerIDs)
	set(&c.Topics, p.Topics)
}

func (a *API) deleteContribution(ctx context.Context, in *contributionPath) (*struct{}, error) {
	if err := a.Programme.DeleteContribution(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{}{}, nil
}

func (a *API) timetable(ctx context.Context, in *slugPath) (*struct{ Body *symposium.Timetable }, error) {
	tt, err := a.Programme.Timetable(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Timetable }{Body: tt.Programme}, nil
}

// SessionInput creates a session.
type SessionInput struct {
	Title       symposium.LocalizedText `json:"title"`
	RoomID      string                  `json:"room_id,omitempty"`
	Colour      string                  `json:"colour,omitempty" doc:"A colour such as #1f6feb."`
	ConvenerIDs []string                `json:"convener_ids,omitempty"`
}

func (a *API) createSession(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body SessionInput
}) (*struct{ Body *symposium.Session }, error) {
	ps := &symposium.Session{Title: in.Body.Title, RoomID: in.Body.RoomID, Colour: in.Body.Colour, ConvenerIDs: in.Body.ConvenerIDs}
	if err := a.Programme.CreateSession(ctx, symposium.UserFromContext(ctx), in.Slug, ps); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Session }{Body: ps}, nil
}

func (a *API) listSessions(ctx context.Context, in *slugPath) (*struct{ Body List[symposium.Session] }, error) {
	list, err := a.Programme.Sessions(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[symposium.Session] }{Body: List[symposium.Session]{Items: list}}, nil
}
