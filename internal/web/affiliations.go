package web

import (
	"context"
	"strings"

	"symposium"
)

// typedAffiliation settles the organization name typed in a co-author row
// when none was chosen from the list: the organization of the directory
// it names, in any language or script, or else a new one in the page's
// language, kept in newOrgs by its folded name so that two rows typing it
// share it. It reports false, with the problem under the row's orgname
// field, when the name is refused.
func (h *Handler) typedAffiliation(ctx context.Context, typed *symposium.Person, f *form, prefix string, p *symposium.Problems, newOrgs map[string]*symposium.Organization) bool {
	name := f.Values[prefix+"orgname"]
	if name == "" || typed.OrganizationID != "" {
		return true
	}
	lang := symposium.LanguageFromContext(ctx)
	o := &symposium.Organization{Name: symposium.LocalizedText{lang: name}}
	var op symposium.Problems
	o.Validate(&op)
	if len(op) > 0 {
		*p = append(*p, symposium.FieldError{Field: prefix + "orgname", Key: op[0].Key, Args: op[0].Args})
		return false
	}
	if known := h.Search.OrganizationNamed(name); known != nil {
		typed.OrganizationID = known.ID
		return true
	}
	key := strings.ToLower(strings.Join(strings.Fields(name), " "))
	if newOrgs[key] == nil {
		o.ID = symposium.NewID() // named among the new authors' affiliations until added
		newOrgs[key] = o
	}
	typed.OrganizationID = newOrgs[key].ID
	return true
}

// newAffiliations returns the organizations typed in that the new authors
// have, each once.
func newAffiliations(plan *authorPlan, newAuthors []*symposium.Person) []*symposium.Organization {
	var out []*symposium.Organization
	for _, o := range plan.newOrgs {
		for _, person := range newAuthors {
			if person.OrganizationID == o.ID {
				out = append(out, o)
				break
			}
		}
	}
	return out
}
