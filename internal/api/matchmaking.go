package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/matchmaking"
)

// MatchmakingInput opens or changes an event's matchmaking.
type MatchmakingInput struct {
	OpensAt           time.Time                      `json:"opens_at" doc:"When meeting requests open; RFC 3339 with offset."`
	ClosesAt          time.Time                      `json:"closes_at" doc:"When meeting requests close."`
	RequestsPerPerson int                            `json:"requests_per_person,omitempty" minimum:"0" maximum:"1000" doc:"How many requests one person may send; 0 or absent: no cap."`
	Approval          bool                           `json:"approval,omitempty" doc:"Managers approve requests before they count."`
	IndustryScience   bool                           `json:"industry_science,omitempty" doc:"Favour companies meeting universities and research centers in the recommendations."`
	Slots             []SlotInput                    `json:"slots" maxItems:"200"`
	Tables            []symposium.MeetingTable       `json:"tables,omitempty" maxItems:"1000" doc:"Named tables, and tables reserved for one participant (numbered above the shared tables)."`
	Interpreters      []symposium.MeetingInterpreter `json:"interpreters,omitempty" maxItems:"100"`
	Delegations       []symposium.Delegation         `json:"delegations,omitempty" maxItems:"100"`
}

// SlotInput is one meeting slot; with the id of an existing slot it
// changes that slot, without one it adds a slot.
type SlotInput struct {
	ID       string    `json:"id,omitempty" maxLength:"64"`
	StartsAt time.Time `json:"starts_at"`
	EndsAt   time.Time `json:"ends_at"`
	Tables   int       `json:"tables" minimum:"0" maximum:"5000"`
}

// ProfileInput is a participant's matchmaking profile.
type ProfileInput struct {
	Offers      symposium.LocalizedText `json:"offers,omitempty"`
	Seeks       symposium.LocalizedText `json:"seeks,omitempty"`
	Topics      []string                `json:"topics,omitempty" maxItems:"50"`
	Languages   []string                `json:"languages" maxItems:"10"`
	BusySlotIDs []string                `json:"busy_slot_ids,omitempty" maxItems:"200"`
}

// ProfileCard is a participant's profile as others see it.
type ProfileCard struct {
	Person           PartyRef                      `json:"person"`
	Organization     symposium.LocalizedText       `json:"organization,omitempty"`
	OrganizationKind string                        `json:"organization_kind,omitempty"`
	Country          string                        `json:"country,omitempty"`
	Profile          *symposium.MatchmakingProfile `json:"profile"`
	FeedURL          string                        `json:"feed_url,omitempty" doc:"The personal calendar feed, shown to its owner and managers only."`
}

// PartyRef names a participant or a delegation.
type PartyRef struct {
	ID   string                  `json:"id"`
	Name symposium.LocalizedText `json:"name"`
}

// RecommendationOut is a participant worth meeting.
type RecommendationOut struct {
	Person  PartyRef `json:"person"`
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons" doc:"Why, in words, in the caller's language."`
}

// MeetingRequestInput asks for a meeting.
type MeetingRequestInput struct {
	To       string `json:"to" maxLength:"64" doc:"A participant's person id, or a delegation's id (managers)."`
	From     string `json:"from,omitempty" maxLength:"64" doc:"Managers only: the party the request is from; the meeting then counts as accepted."`
	Priority int    `json:"priority,omitempty" minimum:"1" maximum:"3" doc:"3 must, 2 should (default), 1 could: the meeting's weight."`
	Message  string `json:"message,omitempty" maxLength:"1000"`
}

// ScheduleInput runs the scheduler.
type ScheduleInput struct {
	Preview bool `json:"preview,omitempty" doc:"Show the schedule and what changes without publishing it."`
	Fresh   bool `json:"fresh,omitempty" doc:"Plan anew instead of keeping the meetings already published."`
}

// ScheduleOut is a schedule with its weight, the proven bound, and what it
// changes.
type ScheduleOut struct {
	Meetings  []*symposium.Meeting `json:"meetings"`
	Weight    int                  `json:"weight"`
	Bound     int                  `json:"bound" doc:"A proven upper bound on any schedule's weight; equal to weight when optimal."`
	LeftOut   []LeftOutOut         `json:"left_out"`
	Kept      int                  `json:"kept"`
	Added     int                  `json:"added"`
	Removed   int                  `json:"removed"`
	Published bool                 `json:"published"`
}

// LeftOutOut is a request the schedule could not place.
type LeftOutOut struct {
	A       string `json:"a"`
	B       string `json:"b"`
	Request string `json:"request_id"`
	Weight  int    `json:"weight"`
	Reason  string `json:"reason" enum:"no_common_slot,no_language,no_room"`
	Text    string `json:"text" doc:"The reason in the caller's language."`
}

// MarkInput records how a meeting went, or cancels it.
type MarkInput struct {
	Status string `json:"status" enum:"held,no_show,cancelled"`
}

type requestPath struct {
	ID string `path:"id" maxLength:"64"`
}

type profilePath struct {
	Slug     string `path:"slug" maxLength:"64"`
	PersonID string `path:"person_id" maxLength:"64"`
}

type personQuery struct {
	Slug     string `path:"slug" maxLength:"64"`
	PersonID string `query:"person_id" maxLength:"64" doc:"Managers: whose; by default the caller's."`
}

func (a *API) matchmakingRoutes() {
	tag := "Matchmaking"
	huma.Register(a.huma, op("get-matchmaking", http.MethodGet, "/events/{slug}/matchmaking", "The event's matchmaking settings and slots", tag), a.getMatchmaking)
	huma.Register(a.huma, a.authed(op("put-matchmaking", http.MethodPut, "/events/{slug}/matchmaking",
		"Open or change the event's matchmaking: slots, tables, request window and cap", tag)), a.putMatchmaking)
	huma.Register(a.huma, a.authed(op("list-profiles", http.MethodGet, "/events/{slug}/matchmaking/profiles",
		"The catalogue of profiles, filtered by name (any script), topic, country, organization kind and language", tag)), a.listProfiles)
	huma.Register(a.huma, a.authed(op("get-profile", http.MethodGet, "/events/{slug}/matchmaking/profiles/{person_id}", "A participant's profile", tag)), a.getProfile)
	huma.Register(a.huma, a.authed(op("put-profile", http.MethodPut, "/events/{slug}/matchmaking/profiles/{person_id}",
		"Keep a confirmed participant's profile: the person or a manager", tag)), a.putProfile)
	huma.Register(a.huma, a.authed(op("get-recommendations", http.MethodGet, "/events/{slug}/matchmaking/recommendations",
		"People worth meeting, ranked, with reasons", tag)), a.recommendations)
	huma.Register(a.huma, a.authed(op("get-agenda", http.MethodGet, "/events/{slug}/matchmaking/agenda",
		"The caller's meetings with time, table and the other's profile", tag)), a.agenda)
	huma.Register(a.huma, a.authed(op("get-matchmaking-dashboard", http.MethodGet, "/events/{slug}/matchmaking/dashboard",
		"Requests sent, accepted, scheduled, held, no-shows, tables used per slot, most requested, unmet demand", tag)), a.dashboard)
	huma.Register(a.huma, a.authed(created(op("create-meeting-request", http.MethodPost, "/events/{slug}/meeting-requests", "Ask for a meeting", tag))), a.createMeetingRequest)
	huma.Register(a.huma, a.authed(op("list-meeting-requests", http.MethodGet, "/events/{slug}/meeting-requests",
		"The caller's requests, received and sent; managers: all", tag)), a.listMeetingRequests)
	for _, action := range []string{"accept", "decline", "approve"} {
		huma.Register(a.huma, a.authed(op(action+"-meeting-request", http.MethodPost, "/meeting-requests/{id}/"+action,
			requestSummaries[action], tag)), a.answerMeetingRequest(action))
	}
	huma.Register(a.huma, a.authed(op("schedule-meetings", http.MethodPost, "/events/{slug}/meetings/schedule",
		"Compute the schedule, and publish it unless previewing", tag)), a.scheduleMeetings)
	huma.Register(a.huma, a.authed(op("list-meetings", http.MethodGet, "/events/{slug}/meetings", "Managers: all meetings; participants: their own", tag)), a.listMeetings)
	huma.Register(a.huma, a.authed(op("mark-meeting", http.MethodPost, "/events/{slug}/meetings/{id}/mark",
		"Record that a meeting was held or the other did not come, or cancel it", tag)), a.markMeeting)
	a.meetingDayRoutes(tag)
}

// requestSummaries describe the actions on a request.
var requestSummaries = map[string]string{
	"accept":  "Accept a meeting request: the receiver or a manager",
	"decline": "Decline a meeting request: the receiver or a manager",
	"approve": "Let a request count where managers approve requests",
}

type matchmakingOut struct{ Body *symposium.Matchmaking }

func (a *API) getMatchmaking(ctx context.Context, in *slugPath) (*matchmakingOut, error) {
	p, err := a.Matchmaking.Settings(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &matchmakingOut{Body: p.Matchmaking}, nil
}

func (a *API) putMatchmaking(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body MatchmakingInput
}) (*matchmakingOut, error) {
	b := in.Body
	m := &symposium.Matchmaking{OpensAt: b.OpensAt, ClosesAt: b.ClosesAt, RequestsPerPerson: b.RequestsPerPerson, Approval: b.Approval,
		IndustryScience: b.IndustryScience, Tables: b.Tables, Interpreters: b.Interpreters, Delegations: b.Delegations}
	for _, s := range b.Slots {
		m.Slots = append(m.Slots, symposium.MeetingSlot{ID: s.ID, StartsAt: s.StartsAt, EndsAt: s.EndsAt, Tables: s.Tables})
	}
	p, err := a.Matchmaking.SaveSettings(ctx, symposium.UserFromContext(ctx), in.Slug, m)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &matchmakingOut{Body: p.Matchmaking}, nil
}

// card turns a service card into its API form.
func card(c *matchmaking.Card) ProfileCard {
	return ProfileCard{Person: PartyRef{ID: c.ID, Name: c.Name}, Organization: c.Organization, OrganizationKind: c.OrgKind,
		Country: c.Country, Profile: c.Profile}
}

func (a *API) listProfiles(ctx context.Context, in *struct {
	Slug     string `path:"slug" maxLength:"64"`
	Q        string `query:"q" maxLength:"200" doc:"A name in any script or romanization, or words of what they offer or seek."`
	Topic    string `query:"topic" maxLength:"10"`
	Country  string `query:"country" maxLength:"2"`
	Kind     string `query:"kind" maxLength:"40" doc:"Organization kind."`
	Language string `query:"language" maxLength:"3"`
}) (*struct{ Body List[ProfileCard] }, error) {
	f := matchmaking.Filter{Q: in.Q, Topic: in.Topic, Country: in.Country, Kind: in.Kind, Language: in.Language}
	_, cards, err := a.Matchmaking.Catalogue(ctx, symposium.UserFromContext(ctx), in.Slug, f)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	out := List[ProfileCard]{Items: []ProfileCard{}}
	for _, c := range cards {
		out.Items = append(out.Items, card(c))
	}
	return &struct{ Body List[ProfileCard] }{Body: out}, nil
}

func (a *API) getProfile(ctx context.Context, in *profilePath) (*struct{ Body ProfileCard }, error) {
	_, c, err := a.Matchmaking.Profile(ctx, symposium.UserFromContext(ctx), in.Slug, in.PersonID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	out := card(c)
	if c.Profile.FeedToken != "" {
		out.FeedURL = a.BaseURL + "/matchmaking/feed/" + c.Profile.FeedToken + ".ics"
	}
	return &struct{ Body ProfileCard }{Body: out}, nil
}

func (a *API) putProfile(ctx context.Context, in *struct {
	Slug     string `path:"slug" maxLength:"64"`
	PersonID string `path:"person_id" maxLength:"64"`
	Body     ProfileInput
}) (*struct{ Body *symposium.MatchmakingProfile }, error) {
	b := in.Body
	pr := &symposium.MatchmakingProfile{PersonID: in.PersonID, Offers: b.Offers, Seeks: b.Seeks, Topics: b.Topics, Languages: b.Languages,
		BusySlotIDs: b.BusySlotIDs}
	if _, err := a.Matchmaking.SaveProfile(ctx, symposium.UserFromContext(ctx), in.Slug, pr); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.MatchmakingProfile }{Body: pr}, nil
}

func (a *API) recommendations(ctx context.Context, in *personQuery) (*struct{ Body List[RecommendationOut] }, error) {
	lang := symposium.LanguageFromContext(ctx)
	_, recs, err := a.Matchmaking.Recommendations(ctx, symposium.UserFromContext(ctx), in.Slug, in.PersonID, lang)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	out := List[RecommendationOut]{Items: []RecommendationOut{}}
	for _, r := range recs {
		out.Items = append(out.Items, RecommendationOut{Person: PartyRef{ID: r.Card.ID, Name: r.Card.Name}, Score: r.Score, Reasons: r.Reasons})
	}
	return &struct{ Body List[RecommendationOut] }{Body: out}, nil
}
