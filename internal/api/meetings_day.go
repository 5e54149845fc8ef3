package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/matchmaking"
)

// meetingDayRoutes are the routes of matchmaking on the day: the free
// slot of a no-show offered on the spot.
func (a *API) meetingDayRoutes(tag string) {
	huma.Register(a.huma, a.authed(op("get-meeting-offer", http.MethodGet, "/events/{slug}/meetings/{id}/offer",
		"The free slot of a meeting the caller marked \"did not come\": the best waiting request whose other party is free then", tag)), a.meetingOffer)
	huma.Register(a.huma, a.authed(created(op("take-meeting-offer", http.MethodPost, "/events/{slug}/meetings/{id}/offer",
		"Meet the offered party in the free slot, at once", tag))), a.takeMeetingOffer)
	huma.Register(a.huma, a.authed(op("scan-meeting", http.MethodGet, "/events/{slug}/meetings/scan",
		"The caller's meeting a scan leads to: a table's QR code (table, and slot for one slot's code) or the other's badge ticket", tag)), a.scanMeeting)
	huma.Register(a.huma, a.authed(op("answer-meeting-follow-up", http.MethodPost, "/events/{slug}/meetings/{id}/follow-up",
		"Answer \"Follow-up planned?\" after a meeting held; a yes becomes a proposal in the event's cooperation tracker", tag)), a.meetingFollowUp)
}

// meetingPath names a meeting of an event.
type meetingPath struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
}

// OfferOut is a no-show's free slot offered to the party left alone.
type OfferOut struct {
	Request   string    `json:"request_id" doc:"The waiting request the meeting would fulfil."`
	With      PartyRef  `json:"with"`
	Weight    int       `json:"weight"`
	SlotID    string    `json:"slot_id"`
	StartsAt  time.Time `json:"starts_at"`
	EndsAt    time.Time `json:"ends_at"`
	Table     int       `json:"table"`
	TableName string    `json:"table_name"`
}

func (a *API) meetingOffer(ctx context.Context, in *meetingPath) (*struct{ Body OfferOut }, error) {
	_, o, err := a.Matchmaking.Offer(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body OfferOut }{Body: offerOut(o)}, nil
}

// offerOut describes an offer.
func offerOut(o *matchmaking.Offer) OfferOut {
	return OfferOut{Request: o.Request.ID, With: PartyRef{ID: o.Other, Name: o.OtherName}, Weight: o.Weight, SlotID: o.Missed.SlotID,
		StartsAt: o.Missed.StartsAt, EndsAt: o.Missed.EndsAt, Table: o.Table, TableName: o.TableName}
}

// TakeOfferInput takes an offer.
type TakeOfferInput struct {
	Request string `json:"request_id" maxLength:"64" doc:"The request of the offer, as GET .../offer named it."`
}

func (a *API) takeMeetingOffer(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
	Body TakeOfferInput
}) (*struct{ Body *symposium.Meeting }, error) {
	_, mt, err := a.Matchmaking.TakeOffer(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID, in.Body.Request)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Meeting }{Body: mt}, nil
}

// ScanInput is what a participant scanned.
type ScanInput struct {
	Slug   string `path:"slug" maxLength:"64"`
	Table  string `query:"table" maxLength:"10" doc:"The table's number, from its QR code."`
	Slot   string `query:"slot" maxLength:"64" doc:"The slot, when the code is the table's in one slot; by default the meeting nearest now."`
	Ticket string `query:"ticket" maxLength:"400" doc:"The ticket on the other party's badge."`
}

func (a *API) scanMeeting(ctx context.Context, in *ScanInput) (*struct{ Body AgendaItemOut }, error) {
	_, it, err := a.Matchmaking.Scanned(ctx, symposium.UserFromContext(ctx), in.Slug, matchmaking.Scan{Table: in.Table, SlotID: in.Slot, Ticket: in.Ticket})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body AgendaItemOut }{Body: agendaItemOut(*it)}, nil
}

// FollowUpInput answers "Follow-up planned?" after a meeting held.
type FollowUpInput struct {
	Planned bool   `json:"planned"`
	Text    string `json:"text,omitempty" maxLength:"2000" doc:"What is planned; needed for a yes, at most 300 characters."`
}

// FollowUpOut is the answer recorded, with the proposal a yes made.
type FollowUpOut struct {
	Planned   bool   `json:"planned"`
	Agreement string `json:"agreement_id,omitempty" doc:"The proposal in the event's cooperation tracker."`
}

func (a *API) meetingFollowUp(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
	Body FollowUpInput
}) (*struct{ Body FollowUpOut }, error) {
	_, ag, err := a.Matchmaking.FollowUp(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID, in.Body.Planned, in.Body.Text)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	out := FollowUpOut{Planned: in.Body.Planned}
	if ag != nil {
		out.Agreement = ag.ID
	}
	return &struct{ Body FollowUpOut }{Body: out}, nil
}
