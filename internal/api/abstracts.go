package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/review"
)

// AbstractInput is an abstract as submitted or edited.
type AbstractInput struct {
	Title       symposium.LocalizedText `json:"title" doc:"The title in the abstract's language; translations optional."`
	Content     symposium.LocalizedText `json:"content" doc:"The text in the abstract's language; translations optional."`
	Language    string                  `json:"language" doc:"The language the abstract is written in: en, zh, kk or ru."`
	TrackID     string                  `json:"track_id"`
	Type        string                  `json:"type,omitempty" doc:"talk, poster or panel, among those the call takes."`
	AuthorIDs   []string                `json:"author_ids" doc:"The authors, people of the directory, in order."`
	PresenterID string                  `json:"presenter_id,omitempty" doc:"The author who presents; the first when not given."`
	Answers     map[string]string       `json:"answers,omitempty" doc:"Answers to the call's submission questions, by key."`
}

func (in AbstractInput) abstract() *symposium.Abstract {
	return &symposium.Abstract{Title: in.Title, Content: in.Content, Language: in.Language, TrackID: in.TrackID,
		Type: in.Type, AuthorIDs: in.AuthorIDs, PresenterID: in.PresenterID, Answers: in.Answers}
}

// AbstractAnswer is an abstract as the caller may see it, and what the
// caller is to it.
type AbstractAnswer struct {
	*symposium.Abstract
	As string `json:"as" doc:"manager, author or reviewer: what the caller is to the abstract."`
}

func (a *API) abstractRoutes() {
	tag := "Abstracts"
	huma.Register(a.huma, a.authed(created(op("submit-abstract", http.MethodPost, "/events/{slug}/abstracts", "Submit an abstract", tag))), a.submitAbstract)
	huma.Register(a.huma, a.authed(op("get-abstract", http.MethodGet, "/abstracts/{id}", "Get an abstract", tag)), a.getAbstract)
	huma.Register(a.huma, a.authed(op("edit-abstract", http.MethodPut, "/abstracts/{id}", "Edit an abstract before the deadline", tag)), a.editAbstract)
	huma.Register(a.huma, a.authed(op("withdraw-abstract", http.MethodPost, "/abstracts/{id}/withdraw", "Withdraw an abstract", tag)), a.withdrawAbstract)
	huma.Register(a.huma, a.authed(op("confirm-authorship", http.MethodPost, "/abstracts/{id}/confirm", "Confirm being an author", tag)), a.confirmAuthorship)
}

func (a *API) submitAbstract(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body AbstractInput
}) (*struct{ Body AbstractAnswer }, error) {
	ab := in.Body.abstract()
	if err := a.Review.Submit(ctx, symposium.UserFromContext(ctx), in.Slug, review.Submission{Abstract: ab}); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body AbstractAnswer }{Body: AbstractAnswer{Abstract: ab, As: review.AsAuthor}}, nil
}

func (a *API) getAbstract(ctx context.Context, in *abstractPath) (*struct{ Body AbstractAnswer }, error) {
	v, err := a.Review.View(ctx, symposium.UserFromContext(ctx), in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body AbstractAnswer }{Body: AbstractAnswer{Abstract: v.Abstract, As: v.As}}, nil
}

func (a *API) editAbstract(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body AbstractInput
}) (*struct{ Body AbstractAnswer }, error) {
	ab := in.Body.abstract()
	ab.ID = in.ID
	if err := a.Review.Edit(ctx, symposium.UserFromContext(ctx), review.Submission{Abstract: ab}); err != nil {
		return nil, a.fail(ctx, err)
	}
	return a.getAbstract(ctx, &abstractPath{ID: in.ID})
}

func (a *API) withdrawAbstract(ctx context.Context, in *abstractPath) (*struct{ Body AbstractAnswer }, error) {
	if err := a.Review.Withdraw(ctx, symposium.UserFromContext(ctx), in.ID); err != nil {
		return nil, a.fail(ctx, err)
	}
	return a.getAbstract(ctx, in)
}

func (a *API) confirmAuthorship(ctx context.Context, in *abstractPath) (*struct{ Body AbstractAnswer }, error) {
	if err := a.Review.Confirm(ctx, symposium.UserFromContext(ctx), in.ID); err != nil {
		return nil, a.fail(ctx, err)
	}
	return a.getAbstract(ctx, in)
}
