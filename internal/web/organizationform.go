package web

import (
	"net/http"

	"symposium"
)

// newOrganizationForm is the empty form that adds an organization.
func (h *Handler) newOrganizationForm(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	p := h.newPage(r, "page.organization_new.title", nil)
	p.Form = newForm()
	h.render(w, r, http.StatusOK, "organization_form", p)
}

// createOrganization adds an organization and shows its page.
func (h *Handler) createOrganization(w http.ResponseWriter, r *http.Request) {
	if h.poster(w, r) == nil {
		return
	}
	f, err := readForm(w, r, "country", "kind", "website")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	o := &symposium.Organization{Name: localizedField(r, f, "name"), Country: f.Values["country"], Kind: f.Values["kind"], Website: f.Values["website"]}
	var p symposium.Problems
	o.Validate(&p)
	if err = p.Err(); err == nil {
		err = h.Store.CreateOrganization(r.Context(), o)
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			pg := h.newPage(r, "page.organization_new.title", nil)
			pg.Form = f
			h.render(w, r, status, "organization_form", pg)
		})
		return
	}
	redirect(w, r, "/organizations/"+o.ID)
}
