package review_test

import (
	"testing"

	"symposium"
	"symposium/internal/review"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestAffiliationsOnlyForNewAuthors adds an organization typed in with a
// submission only as a new co-author's affiliation: one no new author has
// is refused and stores nothing; one a new author has is added and the
// author is stored with the ID it was given.
func TestAffiliationsOnlyForNewAuthors(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		orgs := func() int {
			list, err := s.AllOrganizations(ctx, 1000)
			if err != nil {
				t.Fatal(err)
			}
			return len(list)
		}
		before := orgs()
		stray := &symposium.Organization{ID: symposium.NewID(), Name: symposium.Text("kk", "Жаңа институт")}
		err := w.svc.Submit(ctx, w.author, "public", review.Submission{Abstract: w.draft("public", "Alone"), NewOrganizations: []*symposium.Organization{stray}})
		if symposium.ErrorCode(err) != symposium.EFORBIDDEN || orgs() != before {
			t.Fatalf("an organization no new author has: %v, %d organizations more", err, orgs()-before)
		}
		org := &symposium.Organization{ID: symposium.NewID(), Name: symposium.Text("kk", "Жаңа институт")}
		coauthor := &symposium.Person{ID: symposium.NewID(), Name: symposium.Text("kk", "Серік Әбенов"), OrganizationID: org.ID}
		a := w.draft("public", "With a new co-author")
		a.AuthorIDs = append(a.AuthorIDs, coauthor.ID)
		sub := review.Submission{Abstract: a, NewAuthors: []*symposium.Person{coauthor}, NewOrganizations: []*symposium.Organization{org}}
		if err := w.svc.Submit(ctx, w.author, "public", sub); err != nil {
			t.Fatal(err)
		}
		stored, err := s.Person(ctx, coauthor.ID)
		if err != nil || orgs() != before+1 {
			t.Fatalf("the co-author: %v, %d organizations more", err, orgs()-before)
		}
		o, err := s.Organization(ctx, stored.OrganizationID)
		if err != nil || o.Name["kk"] != "Жаңа институт" {
			t.Errorf("the co-author's affiliation = %+v, %v", o, err)
		}
	})
}
