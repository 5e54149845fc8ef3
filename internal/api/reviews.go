package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/review"
)

// ReviewerInput assigns a reviewer to an abstract.
type ReviewerInput struct {
	Email    string `json:"email"`
	Override string `json:"override,omitempty" doc:"Why to assign despite a conflict of interest; recorded."`
}

// AutoAssignInput asks for an automatic assignment.
type AutoAssignInput struct {
	PerAbstract int  `json:"per_abstract" doc:"Reviewers each abstract should have in all, 1 to 10."`
	Preview     bool `json:"preview,omitempty" doc:"Only show what would be assigned."`
}

// ReviewInput is a review, a draft unless submitted.
type ReviewInput struct {
	Ratings            map[string]int `json:"ratings" doc:"By question ID: a value on the question's scale, or 1 and 0 for yes and no."`
	CommentToAuthors   string         `json:"comment_to_authors,omitempty"`
	CommentToCommittee string         `json:"comment_to_committee,omitempty" doc:"Confidential: for the committee only."`
	Draft              bool           `json:"draft,omitempty" doc:"Save without submitting."`
}

// DecisionInput decides on an abstract.
type DecisionInput struct {
	Decision string `json:"decision" doc:"accept or reject"`
	As       string `json:"as,omitempty" doc:"What an accepted abstract becomes: talk, poster or panel."`
}

func (a *API) reviewRoutes() {
	tag := "Review"
	huma.Register(a.huma, a.authed(created(op("assign-reviewer", http.MethodPost, "/abstracts/{id}/reviewers", "Assign a reviewer to an abstract", tag))), a.assignReviewer)
	huma.Register(a.huma, a.authed(op("auto-assign", http.MethodPost, "/events/{slug}/assignments", "Assign reviewers automatically", tag)), a.autoAssign)
	huma.Register(a.huma, a.authed(created(op("save-review", http.MethodPost, "/abstracts/{id}/reviews", "Review an abstract", tag))), a.saveReview)
	huma.Register(a.huma, a.authed(op("list-reviews", http.MethodGet, "/abstracts/{id}/reviews", "The reviews of an abstract the caller may see", tag)), a.listReviews)
	huma.Register(a.huma, a.authed(op("decide", http.MethodPost, "/abstracts/{id}/decision", "Decide on an abstract", tag)), a.decide)
	huma.Register(a.huma, a.authed(op("release-decisions", http.MethodPost, "/events/{slug}/decisions/release", "Release the pending decisions", tag)), a.release)
	huma.Register(a.huma, a.authed(op("decision-list", http.MethodGet, "/events/{slug}/abstracts", "The abstracts with their reviews summed up", tag)), a.decisionList)
}

func (a *API) assignReviewer(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body ReviewerInput
}) (*struct{ Body *symposium.Assignment }, error) {
	as, err := a.Review.AssignReviewer(ctx, symposium.UserFromContext(ctx), in.ID, in.Body.Email, in.Body.Override)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Assignment }{Body: as}, nil
}

func (a *API) autoAssign(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body AutoAssignInput
}) (*struct{ Body *review.Proposal }, error) {
	p, err := a.Review.AutoAssign(ctx, symposium.UserFromContext(ctx), in.Slug, in.Body.PerAbstract, in.Body.Preview)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *review.Proposal }{Body: p}, nil
}

func (a *API) saveReview(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body ReviewInput
}) (*struct{ Body *symposium.Review }, error) {
	r := &symposium.Review{Ratings: in.Body.Ratings, CommentToAuthors: in.Body.CommentToAuthors,
		CommentToCommittee: in.Body.CommentToCommittee, Submitted: !in.Body.Draft}
	if r.Ratings == nil {
		r.Ratings = map[string]int{}
	}
	if err := a.Review.SaveReview(ctx, symposium.UserFromContext(ctx), in.ID, r); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Review }{Body: r}, nil
}

func (a *API) listReviews(ctx context.Context, in *abstractPath) (*struct{ Body List[*symposium.Review] }, error) {
	list, err := a.Review.Reviews(ctx, symposium.UserFromContext(ctx), in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[*symposium.Review] }{Body: List[*symposium.Review]{Items: list}}, nil
}

func (a *API) decide(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body DecisionInput
}) (*struct{ Body AbstractAnswer }, error) {
	if err := a.Review.Decide(ctx, symposium.UserFromContext(ctx), in.ID, in.Body.Decision, in.Body.As); err != nil {
		return nil, a.fail(ctx, err)
	}
	return a.getAbstract(ctx, &abstractPath{ID: in.ID})
}

// Released lists the abstracts whose decisions were released.
type Released struct {
	Released []string `json:"released"`
}

func (a *API) release(ctx context.Context, in *slugPath) (*struct{ Body Released }, error) {
	done, err := a.Review.Release(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body Released }{Body: Released{Released: done}}, nil
}

// decisionListInput filters and sorts the decision list.
type decisionListInput struct {
	Slug     string `path:"slug" maxLength:"64"`
	Track    string `query:"track" doc:"A track's ID."`
	Status   string `query:"status" enum:"submitted,withdrawn,accepted,rejected," doc:"submitted, withdrawn, accepted or rejected."`
	Decision string `query:"decision" enum:"accept,reject,pending,none," doc:"accept, reject, pending (decided, not released) or none."`
	Sort     string `query:"sort" enum:"mean,median,spread,reviews,submitted," doc:"mean (default), median, spread, reviews or submitted."`
	Order    string `query:"order" enum:"asc,desc," doc:"desc (default) or asc."`
	SinceInput
}

func (a *API) decisionList(ctx context.Context, in *decisionListInput) (*struct{ Body List[review.Row] }, error) {
	rows, err := a.Review.DecisionList(ctx, symposium.UserFromContext(ctx), in.Slug, review.ListFilter{TrackID: in.Track, Status: in.Status,
		Decision: in.Decision, Sort: in.Sort, Ascend: in.Order == "asc", ModifiedSince: in.ModifiedSince})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[review.Row] }{Body: List[review.Row]{Items: rows}}, nil
}
