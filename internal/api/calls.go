package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
)

// CallInput is an event's call for abstracts. Tracks and questions with an
// id are kept and changed; those without are new; those left out are
// removed.
type CallInput struct {
	OpensAt        time.Time                  `json:"opens_at"`
	ClosesAt       time.Time                  `json:"closes_at"`
	Text           symposium.LocalizedText    `json:"text,omitempty"`
	Types          []string                   `json:"types,omitempty" doc:"talk, poster, panel; talk and poster when not given."`
	WordLimit      int                        `json:"word_limit,omitempty" doc:"Words an abstract may have in each language; 500 when not given."`
	Blind          bool                       `json:"blind,omitempty"`
	ReviewsVisible *bool                      `json:"reviews_visible,omitempty" doc:"Whether reviewers see the others' reviews once they submitted theirs; true when not given."`
	ReviewOpensAt  *time.Time                 `json:"review_opens_at,omitempty"`
	ReviewClosesAt *time.Time                 `json:"review_closes_at,omitempty"`
	Tracks         []symposium.Track          `json:"tracks"`
	Questions      []symposium.ReviewQuestion `json:"questions,omitempty"`
	// SubmissionQuestions are asked of those who submit abstracts.
	SubmissionQuestions []symposium.Question `json:"submission_questions,omitempty"`
}

func (a *API) callRoutes() {
	tag := "Abstracts"
	huma.Register(a.huma, a.authed(op("put-call", http.MethodPut, "/events/{slug}/cfp", "Open or change the call for abstracts", tag)), a.putCall)
	huma.Register(a.huma, op("get-call", http.MethodGet, "/events/{slug}/cfp", "The call for abstracts", tag), a.getCall)
}

func (a *API) putCall(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body CallInput
}) (*struct{ Body *symposium.Call }, error) {
	b := in.Body
	c := &symposium.Call{OpensAt: b.OpensAt, ClosesAt: b.ClosesAt, Text: b.Text, Types: b.Types, WordLimit: b.WordLimit,
		Blind: b.Blind, ReviewsVisible: b.ReviewsVisible == nil || *b.ReviewsVisible, ReviewOpensAt: b.ReviewOpensAt,
		ReviewClosesAt: b.ReviewClosesAt, Tracks: b.Tracks, Questions: b.Questions, SubmissionQuestions: b.SubmissionQuestions}
	if err := a.Review.PutCall(ctx, symposium.UserFromContext(ctx), in.Slug, c); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Call }{Body: c}, nil
}

// getCall answers the call of an event the caller may see; its review
// questions only to the event's managers and reviewers.
func (a *API) getCall(ctx context.Context, in *slugPath) (*struct{ Body *symposium.Call }, error) {
	v, err := a.Review.Call(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	if v.Call == nil {
		return nil, a.fail(ctx, symposium.NotFound())
	}
	return &struct{ Body *symposium.Call }{Body: v.Call}, nil
}

// abstractPath names an abstract.
type abstractPath struct {
	ID string `path:"id" maxLength:"64"`
}
