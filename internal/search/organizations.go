package search

import (
	"strings"

	"symposium"
	"symposium/internal/names"
)

// OrganizationNamed returns the organization a name typed in means, or
// nil for none: first one with a name in any language equal to it but for
// case and spacing, else the only one whose name in any language folds to
// the same Latin skeleton across scripts (names.Skeleton).
func (s *Service) OrganizationNamed(name string) *symposium.Organization {
	want := foldSpace(name)
	if want == "" {
		return nil
	}
	skeleton := names.Skeleton(name)
	s.mu.RLock()
	defer s.mu.RUnlock()
	var alike []*symposium.Organization
	for _, o := range s.orgs {
		same := false
		for _, n := range o.Name {
			if foldSpace(n) == want {
				return o
			}
			same = same || (skeleton != "" && names.Skeleton(n) == skeleton)
		}
		if same {
			alike = append(alike, o)
		}
	}
	if len(alike) == 1 {
		return alike[0]
	}
	return nil
}

// foldSpace lowers a name's case and folds its runs of white space to
// single spaces.
func foldSpace(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}
