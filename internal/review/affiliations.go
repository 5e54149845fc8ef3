package review

import (
	"context"
	"fmt"
	"slices"

	"symposium"
	"symposium/internal/store"
)

// validateNewOrganizations checks the organizations typed in as new
// authors' affiliations.
func validateNewOrganizations(p *symposium.Problems, sub Submission) {
	for i, o := range sub.NewOrganizations {
		field := fmt.Sprintf("new_organizations.%d", i)
		var op symposium.Problems
		o.Validate(&op)
		for _, fe := range op {
			*p = append(*p, symposium.FieldError{Field: field + "." + fe.Field, Key: fe.Key, Args: fe.Args})
		}
	}
}

// forNewAuthor reports whether the organization typed in is the
// affiliation of one of the submission's new authors.
func forNewAuthor(sub Submission, o *symposium.Organization) bool {
	return o.ID != "" && slices.ContainsFunc(sub.NewAuthors, func(a *symposium.Person) bool { return a.OrganizationID == o.ID })
}

// addAffiliations adds the organizations typed in for new authors, each
// audited as the caller's, and returns the IDs the store gave them by the
// IDs the submission named them with. An organization no new author has
// is forbidden: an author adds one only as a co-author's affiliation.
func (s *Service) addAffiliations(ctx context.Context, u *symposium.User, sub Submission) (map[string]string, error) {
	for _, o := range sub.NewOrganizations {
		if !u.MayAddAffiliation(forNewAuthor(sub, o)) {
			return nil, symposium.Errorf(symposium.EFORBIDDEN, "error.directory_forbidden")
		}
	}
	ids := map[string]string{}
	for _, o := range sub.NewOrganizations {
		named := o.ID
		entry := symposium.NewAuditEntry(u, "", symposium.AuditOrgCreate, "", nil, o)
		if err := s.store.CreateOrganization(store.WithAudit(ctx, entry), o); err != nil {
			return nil, fmt.Errorf("adding an author's affiliation: %w", err)
		}
		ids[named] = o.ID
	}
	return ids, nil
}
