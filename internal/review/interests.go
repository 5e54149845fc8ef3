package review

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"symposium"
	"symposium/internal/store"
)

// reviewerFacts is what a reviewer's conflicts of interest depend on.
type reviewerFacts struct {
	userID   string
	persons  map[string]bool   // the people with the account's verified email
	orgs     map[string]bool   // those people's organizations
	alike    map[string]bool   // people whose name is the reviewer's under another spelling
	coauthor map[string]string // people the reviewer wrote or spoke with → an event's slug
}

// interestGraph holds the facts conflicts of interest are found from, for
// the reviewers and abstracts of one event.
type interestGraph struct {
	reviewers map[string]*reviewerFacts // by account ID
	orgs      map[string]string         // author's person ID → organization ID
	declared  map[string]map[string]bool
}

// loadInterests gathers the facts about reviewers needed to find their
// conflicts with the abstracts. A reviewer is every person carrying the
// account's verified email — two such records are a duplicate to resolve,
// and conflicts are found through either — and no person at all until the
// email is verified.
func (s *Service) loadInterests(ctx context.Context, users []symposium.User, abstracts []*symposium.Abstract, declared map[string]map[string]bool) (*interestGraph, error) {
	g := &interestGraph{reviewers: map[string]*reviewerFacts{}, orgs: map[string]string{}, declared: declared}
	people, err := s.store.AccountsPeople(ctx, users)
	if err != nil {
		return nil, fmt.Errorf("review: interests: %w", err)
	}
	var personIDs []string
	for _, u := range users {
		f := &reviewerFacts{userID: u.ID, persons: map[string]bool{}, orgs: map[string]bool{}, coauthor: map[string]string{}}
		spellings := []string{u.Name}
		for _, p := range people[u.ID] {
			f.persons[p.ID] = true
			if p.OrganizationID != "" {
				f.orgs[p.OrganizationID] = true
			}
			spellings = append(spellings, p.Spellings()...)
			personIDs = append(personIDs, p.ID)
		}
		f.alike = s.search.SamePerson(spellings)
		g.reviewers[u.ID] = f
	}
	co, err := s.store.Coauthors(ctx, personIDs)
	if err != nil {
		return nil, fmt.Errorf("review: interests: %w", err)
	}
	for _, f := range g.reviewers {
		for _, id := range slices.Sorted(maps.Keys(f.persons)) {
			for other, slug := range co[id] {
				if _, seen := f.coauthor[other]; !seen {
					f.coauthor[other] = slug
				}
			}
		}
	}
	if err := s.authorOrganizations(ctx, abstracts, g.orgs); err != nil {
		return nil, err
	}
	return g, nil
}

// authorOrganizations records the organization of every author.
func (s *Service) authorOrganizations(ctx context.Context, abstracts []*symposium.Abstract, orgs map[string]string) error {
	var ids []string
	for _, a := range abstracts {
		ids = append(ids, a.AuthorIDs...)
	}
	people, err := s.store.People(ctx, ids)
	if err != nil {
		return fmt.Errorf("review: interests: %w", err)
	}
	for id, p := range people {
		orgs[id] = p.OrganizationID
	}
	return nil
}

// of returns a reviewer's conflicts of interest with an abstract, each with
// its reason and the author it concerns.
func (g *interestGraph) of(userID string, a *symposium.Abstract) []symposium.Interest {
	f := g.reviewers[userID]
	if f == nil {
		return nil
	}
	var out []symposium.Interest
	add := func(reason, personID, detail string) {
		out = append(out, symposium.Interest{Reason: reason, PersonID: personID, Detail: detail})
	}
	if g.declared[a.ID][userID] {
		add(symposium.InterestDeclared, "", "")
	}
	for _, author := range a.AuthorIDs {
		switch {
		case f.persons[author]:
			add(symposium.InterestAuthor, author, "")
		case f.alike[author]:
			add(symposium.InterestSamePerson, author, "")
		case f.orgs[g.orgs[author]]:
			add(symposium.InterestOrganization, author, "")
		case f.coauthor[author] != "":
			add(symposium.InterestCoauthor, author, f.coauthor[author])
		}
	}
	return out
}

// conflicted reports whether a reviewer has any conflict with an abstract.
func (g *interestGraph) conflicted(userID string, a *symposium.Abstract) bool {
	return len(g.of(userID, a)) > 0
}

// eventUsers lists the accounts of reviewers.
func eventUsers(reviewers []*store.Reviewer) []symposium.User {
	out := make([]symposium.User, 0, len(reviewers))
	for _, r := range reviewers {
		out = append(out, r.User)
	}
	return out
}

// hidden says whether an interest's detail may be shown to a reviewer of a
// blind review: only the reason is.
func hidden(list []symposium.Interest, blind bool) []symposium.Interest {
	if !blind {
		return list
	}
	out := slices.Clone(list)
	for i := range out {
		out[i].PersonID, out[i].Detail = "", ""
	}
	return out
}
