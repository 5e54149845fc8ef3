package web

import (
	"net/http"

	"symposium"
)

// newOrganizationForm is the empty form that adds an organization.
func (h *Handler) newOrganizationForm(w http.ResponseWriter, r *http.Request) {
	if !h.requireDirectory(w, r) {
		return
	}
	p := h.newPage(r, "page.organization_new.title", nil)
	p.Form = newForm()
	h.render(w, r, http.StatusOK, "organization_form", p)
}

// createOrganization adds an organization and shows its page.
func (h *Handler) createOrganization(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "country", "kind", "website")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	o := &symposium.Organization{Name: localizedField(r, f, "name"), Country: f.Values["country"], Kind: f.Values["kind"], Website: f.Values["website"]}
	if err := h.People.CreateOrganization(r.Context(), u, o); err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			pg := h.newPage(r, "page.organization_new.title", nil)
			pg.Form = f
			h.render(w, r, status, "organization_form", pg)
		})
		return
	}
	redirect(w, r, "/organizations/"+o.ID)
}

// requireDirectory sends anonymous readers to sign in, and shows the 403
// page to accounts that may not add people or organizations.
func (h *Handler) requireDirectory(w http.ResponseWriter, r *http.Request) bool {
	if !h.requireUser(w, r) {
		return false
	}
	ok, err := h.People.MayAdd(r.Context(), symposium.UserFromContext(r.Context()))
	if err != nil || !ok {
		h.Error(w, r, orForbidden(err, "error.directory_forbidden"))
		return false
	}
	return true
}
