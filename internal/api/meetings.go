package api

import (
	"context"
	"time"

	"symposium"
	"symposium/internal/matchmaking"
)

type meetingRequestOut struct{ Body *symposium.MeetingRequest }

func (a *API) createMeetingRequest(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body MeetingRequestInput
}) (*meetingRequestOut, error) {
	r := &symposium.MeetingRequest{ToID: in.Body.To, FromID: in.Body.From, Priority: in.Body.Priority, Message: in.Body.Message}
	if _, err := a.Matchmaking.CreateRequest(ctx, symposium.UserFromContext(ctx), in.Slug, r); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &meetingRequestOut{Body: r}, nil
}

// MeetingRequestsOut are the caller's requests.
type MeetingRequestsOut struct {
	Items    []*symposium.MeetingRequest `json:"items" doc:"Every request the caller sees: received, sent, and for managers all."`
	Received []*symposium.MeetingRequest `json:"received"`
	Sent     []*symposium.MeetingRequest `json:"sent"`
}

func (a *API) listMeetingRequests(ctx context.Context, in *slugPath) (*struct{ Body MeetingRequestsOut }, error) {
	rs, err := a.Matchmaking.Requests(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	out := MeetingRequestsOut{Received: orNone(rs.In), Sent: orNone(rs.Out), Items: rs.Everyone}
	if out.Items == nil {
		out.Items = append(append([]*symposium.MeetingRequest{}, rs.In...), rs.Out...)
	}
	return &struct{ Body MeetingRequestsOut }{Body: out}, nil
}

// orNone returns an empty list for nil.
func orNone[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

func (a *API) answerMeetingRequest(action string) func(context.Context, *requestPath) (*meetingRequestOut, error) {
	return func(ctx context.Context, in *requestPath) (*meetingRequestOut, error) {
		u := symposium.UserFromContext(ctx)
		if action == "approve" {
			if _, err := a.Matchmaking.Approve(ctx, u, in.ID); err != nil {
				return nil, a.fail(ctx, err)
			}
			return &meetingRequestOut{Body: &symposium.MeetingRequest{ID: in.ID, Approved: true}}, nil
		}
		_, r, err := a.Matchmaking.Answer(ctx, u, in.ID, action == "accept")
		if err != nil {
			return nil, a.fail(ctx, err)
		}
		return &meetingRequestOut{Body: r}, nil
	}
}

func (a *API) scheduleMeetings(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body ScheduleInput
}) (*struct{ Body ScheduleOut }, error) {
	sc, err := a.Matchmaking.Run(ctx, symposium.UserFromContext(ctx), in.Slug, in.Body.Preview, in.Body.Fresh)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	l := bundle.For(symposium.LanguageFromContext(ctx))
	out := ScheduleOut{Meetings: orNone(sc.Meetings), Weight: sc.Weight, Bound: sc.Bound, LeftOut: []LeftOutOut{},
		Kept: sc.Kept, Added: sc.Added, Removed: sc.Removed, Published: sc.Published}
	for _, lo := range sc.LeftOut {
		out.LeftOut = append(out.LeftOut, LeftOutOut{A: lo.A, B: lo.B, Request: lo.RequestID, Weight: lo.Weight, Reason: lo.Reason, Text: l.T(lo.Key())})
	}
	return &struct{ Body ScheduleOut }{Body: out}, nil
}

func (a *API) listMeetings(ctx context.Context, in *slugPath) (*struct{ Body List[*symposium.Meeting] }, error) {
	_, list, err := a.Matchmaking.Meetings(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[*symposium.Meeting] }{Body: List[*symposium.Meeting]{Items: list}}, nil
}

func (a *API) markMeeting(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
	Body MarkInput
}) (*struct{ Body MarkInput }, error) {
	if _, err := a.Matchmaking.Mark(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID, in.Body.Status); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body MarkInput }{Body: in.Body}, nil
}

// AgendaOut is a participant's agenda.
type AgendaOut struct {
	Items   []AgendaItemOut `json:"items"`
	FeedURL string          `json:"feed_url,omitempty" doc:"The personal calendar feed (RFC 5545), a secret URL calendar apps subscribe to."`
}

// AgendaItemOut is one meeting of an agenda.
type AgendaItemOut struct {
	Meeting   *symposium.Meeting `json:"meeting"`
	StartsAt  time.Time          `json:"starts_at"`
	Table     int                `json:"table"`
	TableName string             `json:"table_name"`
	With      PartyRef           `json:"with"`
	Profile   *ProfileCard       `json:"profile,omitempty"`
	Offer     *OfferOut          `json:"offer,omitempty" doc:"The free slot of a meeting the caller marked \"did not come\", offered to a waiting request."`
}

func (a *API) agenda(ctx context.Context, in *personQuery) (*struct{ Body AgendaOut }, error) {
	ag, err := a.Matchmaking.Agenda(ctx, symposium.UserFromContext(ctx), in.Slug, in.PersonID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	out := AgendaOut{Items: []AgendaItemOut{}}
	if ag.FeedToken != "" {
		out.FeedURL = a.BaseURL + "/matchmaking/feed/" + ag.FeedToken + ".ics"
	}
	for _, it := range ag.Items {
		out.Items = append(out.Items, agendaItemOut(it))
	}
	return &struct{ Body AgendaOut }{Body: out}, nil
}

// agendaItemOut describes one meeting of an agenda.
func agendaItemOut(it matchmaking.AgendaItem) AgendaItemOut {
	o := AgendaItemOut{Meeting: it.Meeting, StartsAt: it.Meeting.StartsAt, Table: it.Meeting.Table, TableName: it.TableName,
		With: PartyRef{ID: it.Other, Name: it.OtherName}}
	if it.Card != nil {
		c := card(it.Card)
		c.Profile = &symposium.MatchmakingProfile{PersonID: it.Card.Profile.PersonID, Offers: it.Card.Profile.Offers,
			Seeks: it.Card.Profile.Seeks, Topics: it.Card.Profile.Topics, Languages: it.Card.Profile.Languages}
		o.Profile = &c
	}
	if it.Offer != nil {
		off := offerOut(it.Offer)
		o.Offer = &off
	}
	return o
}

// DashboardOut is how the event's matchmaking goes.
type DashboardOut struct {
	Requests      map[string]int `json:"requests" doc:"sent, by_managers, pending, expired (pending when requests closed), accepted, declined, cancelled"`
	Meetings      map[string]int `json:"meetings" doc:"scheduled, held, no_shows, cancelled"`
	Slots         []SlotUseOut   `json:"slots"`
	MostRequested []DemandOut    `json:"most_requested"`
	Unmet         []string       `json:"unmet" doc:"The ids of accepted requests without a meeting."`
}

// SlotUseOut is how many tables of a slot hold meetings.
type SlotUseOut struct {
	SlotID   string    `json:"slot_id"`
	StartsAt time.Time `json:"starts_at"`
	Tables   int       `json:"tables"`
	Used     int       `json:"used"`
}

// DemandOut is how often a party was asked.
type DemandOut struct {
	Person   PartyRef `json:"person"`
	Requests int      `json:"requests"`
}

func (a *API) dashboard(ctx context.Context, in *slugPath) (*struct{ Body DashboardOut }, error) {
	d, err := a.Matchmaking.Dashboard(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body DashboardOut }{Body: dashboardOut(d)}, nil
}

// dashboardOut turns the service's dashboard into its API form.
func dashboardOut(d *matchmaking.Dashboard) DashboardOut {
	out := DashboardOut{
		Requests: map[string]int{"sent": d.Sent, "by_managers": d.ByManagers, "pending": d.Pending, "expired": d.Expired, "accepted": d.Accepted,
			"declined": d.Declined, "cancelled": d.Cancelled},
		Meetings: map[string]int{"scheduled": d.Scheduled, "held": d.Held, "no_shows": d.NoShows, "cancelled": d.MeetingsCancelled},
		Slots:    []SlotUseOut{}, MostRequested: []DemandOut{}, Unmet: []string{},
	}
	for _, s := range d.Slots {
		out.Slots = append(out.Slots, SlotUseOut{SlotID: s.Slot.ID, StartsAt: s.Slot.StartsAt, Tables: s.Slot.Tables, Used: s.Used})
	}
	for _, m := range d.MostRequested {
		out.MostRequested = append(out.MostRequested, DemandOut{Person: PartyRef{ID: m.ID, Name: d.Names[m.ID]}, Requests: m.Requests})
	}
	for _, u := range d.Unmet {
		out.Unmet = append(out.Unmet, u.Request.ID)
	}
	return out
}
