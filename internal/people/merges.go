package people

import (
	"context"

	"symposium"
	"symposium/internal/store"
)

// MayMerge reports whether the caller has a duplicates queue at all:
// curators see the whole directory's, an event's managers the part among
// the people of their events.
func (s *Service) MayMerge(ctx context.Context, u *symposium.User) (bool, error) {
	if u == nil {
		return false, nil
	}
	if u.MayCurate() {
		return true, nil
	}
	return s.store.ManagesAnEvent(ctx, u.ID)
}

// scope is the part of the directory whose duplicates a caller handles:
// everyone for curators, otherwise the people of the events they manage.
type scope struct {
	all    bool
	people map[string]bool
}

// has reports whether a person is in the scope.
func (sc scope) has(id string) bool { return sc.all || sc.people[id] }

// scopeOf returns the caller's scope, refusing callers without a queue.
func (s *Service) scopeOf(ctx context.Context, u *symposium.User) (scope, error) {
	if u == nil {
		return scope{}, symposium.Unauthorized()
	}
	if u.MayCurate() {
		return scope{all: true}, nil
	}
	ok, err := s.store.ManagesAnEvent(ctx, u.ID)
	if err != nil || !ok {
		return scope{}, orForbidden(err)
	}
	people, err := s.store.ManagedPeople(ctx, u.ID)
	return scope{people: people}, err
}

// orForbidden returns err, or a refusal when there is none.
func orForbidden(err error) error {
	if err != nil {
		return err
	}
	return symposium.Forbidden()
}

// Pair is a pair of the duplicates queue as the caller may see it, and
// whether they may merge it.
type Pair struct {
	symposium.DuplicatePair
	CanMerge bool `json:"can_merge"`
}

// Duplicates returns the caller's queue of likely duplicates, most likely
// first, with the emails they may not read removed.
func (s *Service) Duplicates(ctx context.Context, u *symposium.User, limit int) ([]Pair, error) {
	sc, err := s.scopeOf(ctx, u)
	if err != nil {
		return nil, err
	}
	var allow func(a, b *symposium.Person) bool
	if !sc.all {
		allow = func(a, b *symposium.Person) bool { return sc.has(a.ID) && sc.has(b.ID) }
	}
	pairs, err := s.search.Duplicates(ctx, allow, limit)
	if err != nil {
		return nil, err
	}
	out := make([]Pair, 0, len(pairs))
	for _, d := range pairs {
		can, err := s.mayMergePair(ctx, u, sc, d.A, d.B)
		if err != nil {
			return nil, err
		}
		d.A, d.B = redact(u, d.A), redact(u, d.B)
		out = append(out, Pair{DuplicatePair: d, CanMerge: can})
	}
	return out, nil
}

// mayMergePair reports whether the caller may merge two people: curators
// any two; a manager two people of their events whom they may both edit.
func (s *Service) mayMergePair(ctx context.Context, u *symposium.User, sc scope, a, b *symposium.Person) (bool, error) {
	if u.MayCurate() {
		return true, nil
	}
	if !sc.has(a.ID) || !sc.has(b.ID) {
		return false, nil
	}
	for _, p := range []*symposium.Person{a, b} {
		if ok, err := s.MayEdit(ctx, u, p); err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// requirePair loads two people and checks the caller may merge them: not
// found for people outside the caller's scope, forbidden for people in it
// they may not edit.
func (s *Service) requirePair(ctx context.Context, u *symposium.User, aID, bID string) (*symposium.Person, *symposium.Person, error) {
	sc, err := s.scopeOf(ctx, u)
	if err != nil {
		return nil, nil, err
	}
	if !sc.has(aID) || !sc.has(bID) {
		return nil, nil, symposium.NotFound()
	}
	a, err := s.store.Person(ctx, aID)
	if err != nil {
		return nil, nil, err
	}
	b, err := s.store.Person(ctx, bID)
	if err != nil {
		return nil, nil, err
	}
	ok, err := s.mayMergePair(ctx, u, sc, a, b)
	if err != nil || !ok {
		return nil, nil, symposium.Errorf(symposium.EFORBIDDEN, "error.merge_forbidden")
	}
	return a, b, nil
}

// Dismiss records that two people of the caller's queue are not one.
func (s *Service) Dismiss(ctx context.Context, u *symposium.User, aID, bID string) error {
	sc, err := s.scopeOf(ctx, u)
	if err != nil {
		return err
	}
	var p symposium.Problems
	for field, id := range map[string]string{"a": aID, "b": bID} {
		if !symposium.IsID(id) {
			p.Add(field, "error.field.unknown_reference")
		}
	}
	if err := p.Err(); err != nil {
		return err
	}
	if aID == bID {
		return symposium.Errorf(symposium.ECONFLICT, "error.merge_same")
	}
	if !sc.has(aID) || !sc.has(bID) {
		return symposium.NotFound()
	}
	entry := symposium.NewAuditEntry(u, "", symposium.AuditDuplicateDismiss, aID, nil, map[string]string{"a": aID, "b": bID})
	return s.search.Dismiss(store.WithAudit(ctx, entry), aID, bID, u.ID)
}

// Merge merges one person into another for a caller who may merge them;
// the audit log keeps both people as they were.
func (s *Service) Merge(ctx context.Context, u *symposium.User, survivorID, mergedID string) (*symposium.PersonMerge, error) {
	survivor, merged, err := s.requirePair(ctx, u, survivorID, mergedID)
	if err != nil {
		return nil, err
	}
	before := map[string]*symposium.Person{"survivor": survivor, "merged": merged}
	entry := symposium.NewAuditEntry(u, "", symposium.AuditPersonMerge, survivorID, before, map[string]string{"survivor_id": survivorID, "merged_id": mergedID})
	return s.store.MergePeople(store.WithAudit(ctx, entry), survivorID, mergedID, u.ID)
}

// UndoMerge undoes a merge, for curators and for the manager who made it
// while they may still edit both people.
func (s *Service) UndoMerge(ctx context.Context, u *symposium.User, id string) (*symposium.PersonMerge, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	m, err := s.store.PersonMerge(ctx, id)
	if err != nil {
		return nil, err
	}
	if !u.MayCurate() {
		if err := s.mayUndo(ctx, u, m); err != nil {
			return nil, err
		}
	}
	entry := symposium.NewAuditEntry(u, "", symposium.AuditMergeUndo, m.SurvivorID, m, nil)
	return s.store.UndoMerge(store.WithAudit(ctx, entry), id)
}

// mayUndo lets the account that made a merge undo it while it may edit
// both people.
func (s *Service) mayUndo(ctx context.Context, u *symposium.User, m *symposium.PersonMerge) error {
	if m.MergedBy != u.ID {
		return symposium.Errorf(symposium.EFORBIDDEN, "error.merge_forbidden")
	}
	for _, id := range []string{m.SurvivorID, m.MergedID} {
		p, err := s.store.Person(ctx, id)
		if err != nil {
			return err
		}
		if ok, err := s.MayEdit(ctx, u, p); err != nil || !ok {
			return orMergeForbidden(err)
		}
	}
	return nil
}

// orMergeForbidden returns err, or the refusal of a merge.
func orMergeForbidden(err error) error {
	if err != nil {
		return err
	}
	return symposium.Errorf(symposium.EFORBIDDEN, "error.merge_forbidden")
}

// Merge is one merge a person took part in, with both people as the caller
// may see them.
type Merge struct {
	*symposium.PersonMerge
	Survivor, Merged *symposium.Person
}

// Merges returns the merges a person took part in, newest first, for a
// caller whose scope holds the person.
func (s *Service) Merges(ctx context.Context, u *symposium.User, personID string) ([]Merge, error) {
	sc, err := s.scopeOf(ctx, u)
	if err != nil {
		return nil, err
	}
	if !sc.has(personID) {
		return nil, symposium.NotFound()
	}
	ms, err := s.store.PersonMerges(ctx, personID)
	if err != nil || len(ms) == 0 {
		return nil, err
	}
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.SurvivorID, m.MergedID)
	}
	people, err := s.store.People(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Merge, 0, len(ms))
	for _, m := range ms {
		if a, b := people[m.SurvivorID], people[m.MergedID]; a != nil && b != nil {
			out = append(out, Merge{PersonMerge: m, Survivor: redact(u, a), Merged: redact(u, b)})
		}
	}
	return out, nil
}
