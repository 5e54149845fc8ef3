package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/people"
)

// MergeInput merges one person into another.
type MergeInput struct {
	SurvivorID string `json:"survivor_id" doc:"The person who remains."`
	MergedID   string `json:"merged_id" doc:"The person merged into the survivor: their speaker places, registrations and spellings move to the survivor."`
}

// DismissInput says two people are not one.
type DismissInput struct {
	A string `json:"a"`
	B string `json:"b"`
}

type limitQuery struct {
	Limit int `query:"limit" minimum:"0" maximum:"1000" doc:"At most 1000; 100 when not given."`
}

func (a *API) mergeRoutes() {
	tag := "People"
	huma.Register(a.huma, a.authed(op("list-duplicates", http.MethodGet, "/people/duplicates", "Likely duplicate people, with the evidence", tag)), a.listDuplicates)
	huma.Register(a.huma, a.authed(op("dismiss-duplicate", http.MethodPost, "/people/duplicates/dismiss", "Say two people are not one", tag)), a.dismissDuplicate)
	huma.Register(a.huma, a.authed(created(op("merge-people", http.MethodPost, "/people/merges", "Merge one person into another", tag))), a.mergePeople)
	huma.Register(a.huma, a.authed(op("undo-merge", http.MethodPost, "/people/merges/{id}/undo", "Undo a merge", tag)), a.undoMerge)
	huma.Register(a.huma, a.authed(op("list-person-merges", http.MethodGet, "/people/{id}/merges", "The merges a person took part in", tag)), a.personMerges)
}

func (a *API) listDuplicates(ctx context.Context, in *limitQuery) (*struct{ Body List[people.Pair] }, error) {
	limit := in.Limit
	if limit == 0 {
		limit = 100
	}
	pairs, err := a.People.Duplicates(ctx, symposium.UserFromContext(ctx), limit)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[people.Pair] }{Body: List[people.Pair]{Items: orEmpty(pairs)}}, nil
}

func (a *API) dismissDuplicate(ctx context.Context, in *struct{ Body DismissInput }) (*struct{}, error) {
	if err := a.People.Dismiss(ctx, symposium.UserFromContext(ctx), in.Body.A, in.Body.B); err != nil {
		return nil, a.fail(ctx, err)
	}
	return nil, nil
}

func (a *API) mergePeople(ctx context.Context, in *struct{ Body MergeInput }) (*struct{ Body *symposium.PersonMerge }, error) {
	m, err := a.People.Merge(ctx, symposium.UserFromContext(ctx), in.Body.SurvivorID, in.Body.MergedID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.PersonMerge }{Body: m}, nil
}

func (a *API) undoMerge(ctx context.Context, in *idPath) (*struct{ Body *symposium.PersonMerge }, error) {
	m, err := a.People.UndoMerge(ctx, symposium.UserFromContext(ctx), in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.PersonMerge }{Body: m}, nil
}

func (a *API) personMerges(ctx context.Context, in *idPath) (*struct{ Body List[people.Merge] }, error) {
	ms, err := a.People.Merges(ctx, symposium.UserFromContext(ctx), in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[people.Merge] }{Body: List[people.Merge]{Items: orEmpty(ms)}}, nil
}

// orEmpty makes a nil list encode as [].
func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
