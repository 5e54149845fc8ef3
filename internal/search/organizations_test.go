package search_test

import (
	"testing"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestOrganizationNamed finds an organization by a name typed in: any of
// its languages' names but for case and spacing, or the same name in
// another script; an unknown name, or one two organizations share across
// scripts, finds none.
func TestOrganizationNamed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		satbayev := &symposium.Organization{Name: symposium.LocalizedText{"en": "Satbayev University", "kk": "Сәтбаев университеті"}}
		tsinghua := &symposium.Organization{Name: symposium.LocalizedText{"zh": "清华大学", "en": "Tsinghua University"}}
		for _, o := range []*symposium.Organization{satbayev, tsinghua} {
			if err := s.CreateOrganization(ctx, o); err != nil {
				t.Fatal(err)
			}
		}
		svc := startSearch(t, s)
		for typed, want := range map[string]string{
			"  SATBAYEV   university": satbayev.ID,
			"сәтбаев УНИВЕРСИТЕТІ":    satbayev.ID,
			"Satbaev University":      satbayev.ID,
			"清华大学":                    tsinghua.ID,
			"tsinghua university":     tsinghua.ID,
			"Nazarbayev University":   "",
			"   ":                     "",
		} {
			got := ""
			if o := svc.OrganizationNamed(typed); o != nil {
				got = o.ID
			}
			if got != want {
				t.Errorf("OrganizationNamed(%q) = %q, want %q", typed, got, want)
			}
		}
	})
}
