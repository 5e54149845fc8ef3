package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
)

// ReviewerTracksInput makes an account a reviewer of an event for some
// tracks.
type ReviewerTracksInput struct {
	Email    string   `json:"email"`
	TrackIDs []string `json:"track_ids" doc:"The tracks the reviewer reviews; none: any track."`
}

// BidInput says how much a reviewer wants an abstract.
type BidInput struct {
	Bid string `json:"bid" doc:"eager, willing or not; empty to take the bid back."`
}

// DeclareInput declares a conflict of interest: a reviewer about
// themselves (no email), or an author about the reviewer with the email.
type DeclareInput struct {
	Email string `json:"email,omitempty"`
}

// MyAssignment is an abstract assigned to the caller, as they may see it,
// without its text: GET /abstracts/{id} has it.
type MyAssignment struct {
	Abstract *symposium.Abstract `json:"abstract"`
	Reviewed bool                `json:"reviewed" doc:"Whether the caller submitted a review of it."`
}

// MyAssignments lists the caller's assignments at an event and the next
// one to review.
type MyAssignments struct {
	Items []MyAssignment `json:"items"`
	Next  string         `json:"next_unreviewed,omitempty" doc:"The ID of the first abstract not reviewed yet."`
}

func (a *API) reviewerRoutes() {
	tag := "Review"
	huma.Register(a.huma, a.authed(op("put-reviewer", http.MethodPut, "/events/{slug}/reviewers", "Make an account a reviewer, for some tracks", tag)), a.putReviewer)
	huma.Register(a.huma, a.authed(op("my-assignments", http.MethodGet, "/events/{slug}/assignments/mine", "The abstracts assigned to the caller", tag)), a.myAssignments)
	huma.Register(a.huma, a.authed(op("set-my-reviewer-languages", http.MethodPut, "/events/{slug}/reviewers/languages",
		"The languages the caller, a reviewer, reads: the automatic assignment gives them only abstracts in these; none means any", tag)), a.setMyLanguages)
	huma.Register(a.huma, a.authed(op("bid", http.MethodPost, "/abstracts/{id}/bid", "Bid for an abstract", tag)), a.bid)
	huma.Register(a.huma, a.authed(op("declare-conflict", http.MethodPost, "/abstracts/{id}/conflicts", "Declare a conflict of interest", tag)), a.declareConflict)
}

func (a *API) putReviewer(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body ReviewerTracksInput
}) (*struct{ Body *symposium.EventRole }, error) {
	role, err := a.Review.AddReviewer(ctx, symposium.UserFromContext(ctx), in.Slug, in.Body.Email, in.Body.TrackIDs)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.EventRole }{Body: role}, nil
}

func (a *API) myAssignments(ctx context.Context, in *slugPath) (*struct{ Body MyAssignments }, error) {
	list, err := a.Review.MyAssignments(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	out := MyAssignments{Items: []MyAssignment{}}
	for _, as := range list {
		out.Items = append(out.Items, MyAssignment{Abstract: as.Abstract, Reviewed: as.Reviewed})
		if !as.Reviewed && out.Next == "" {
			out.Next = as.Abstract.ID
		}
	}
	return &struct{ Body MyAssignments }{Body: out}, nil
}

func (a *API) bid(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body BidInput
}) (*struct{}, error) {
	if err := a.Review.SetBid(ctx, symposium.UserFromContext(ctx), in.ID, in.Body.Bid); err != nil {
		return nil, a.fail(ctx, err)
	}
	return nil, nil
}

func (a *API) declareConflict(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body DeclareInput
}) (*struct{}, error) {
	if _, err := a.Review.Declare(ctx, symposium.UserFromContext(ctx), in.ID, in.Body.Email); err != nil {
		return nil, a.fail(ctx, err)
	}
	return nil, nil
}

// languagesBody are the languages a reviewer reads.
type languagesBody struct {
	Languages []string `json:"languages" maxItems:"4" doc:"Language codes: en, zh, kk, ru. Empty for any language."`
}

func (a *API) setMyLanguages(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body languagesBody
}) (*struct{ Body languagesBody }, error) {
	langs, err := a.Review.SetMyLanguages(ctx, symposium.UserFromContext(ctx), in.Slug, in.Body.Languages)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body languagesBody }{Body: languagesBody{Languages: langs}}, nil
}
