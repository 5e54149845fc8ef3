package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
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

// mayMerge allows managers of any event and administrators.
func (a *API) mayMerge(ctx context.Context) (*symposium.User, error) {
	u, err := signedIn(ctx)
	if err != nil {
		return nil, err
	}
	ok, err := a.Store.ManagesAnyEvent(ctx, u)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, symposium.Errorf(symposium.EFORBIDDEN, "error.forbidden")
	}
	return u, nil
}

func (a *API) listDuplicates(ctx context.Context, in *limitQuery) (*struct{ Body List[symposium.DuplicatePair] }, error) {
	if _, err := a.mayMerge(ctx); err != nil {
		return nil, a.fail(ctx, err)
	}
	limit := in.Limit
	if limit == 0 {
		limit = 100
	}
	pairs, err := a.Search.Duplicates(ctx, limit)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[symposium.DuplicatePair] }{Body: List[symposium.DuplicatePair]{Items: orEmpty(pairs)}}, nil
}

func (a *API) dismissDuplicate(ctx context.Context, in *struct{ Body DismissInput }) (*struct{}, error) {
	u, err := a.mayMerge(ctx)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	var p symposium.Problems
	for field, id := range map[string]string{"a": in.Body.A, "b": in.Body.B} {
		if !symposium.IsID(id) {
			p.Add(field, "error.field.unknown_reference")
		}
	}
	if err := p.Err(); err != nil {
		return nil, a.fail(ctx, err)
	}
	if in.Body.A == in.Body.B {
		return nil, a.fail(ctx, symposium.Errorf(symposium.ECONFLICT, "error.merge_same"))
	}
	if err := a.Search.Dismiss(ctx, in.Body.A, in.Body.B, u.ID); err != nil {
		return nil, a.fail(ctx, err)
	}
	return nil, nil
}

func (a *API) mergePeople(ctx context.Context, in *struct{ Body MergeInput }) (*struct{ Body *symposium.PersonMerge }, error) {
	u, err := a.mayMerge(ctx)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	m, err := a.Store.MergePeople(ctx, in.Body.SurvivorID, in.Body.MergedID, u.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.PersonMerge }{Body: m}, nil
}

func (a *API) undoMerge(ctx context.Context, in *idPath) (*struct{ Body *symposium.PersonMerge }, error) {
	if _, err := a.mayMerge(ctx); err != nil {
		return nil, a.fail(ctx, err)
	}
	m, err := a.Store.UndoMerge(ctx, in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.PersonMerge }{Body: m}, nil
}

func (a *API) personMerges(ctx context.Context, in *idPath) (*struct{ Body List[*symposium.PersonMerge] }, error) {
	if _, err := a.mayMerge(ctx); err != nil {
		return nil, a.fail(ctx, err)
	}
	ms, err := a.Store.PersonMerges(ctx, in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[*symposium.PersonMerge] }{Body: List[*symposium.PersonMerge]{Items: orEmpty(ms)}}, nil
}

// orEmpty makes a nil list encode as [].
func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
