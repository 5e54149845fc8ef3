package web

import (
	"net/http"
	"strings"

	"symposium"
)

// editPersonForm shows the form filled with a person, to those who may
// edit them.
func (h *Handler) editPersonForm(w http.ResponseWriter, r *http.Request) {
	u := h.signedInOrSignIn(w, r)
	if u == nil {
		return
	}
	v, err := h.People.Profile(r.Context(), u, r.PathValue("id"))
	if err == nil && !v.CanEdit {
		err = symposium.Forbidden()
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderPersonFormAs(w, r, http.StatusOK, personToForm(v.Person), personFormView{Action: r.URL.Path}, "page.person_edit.title")
}

// updatePerson stores the edited person.
func (h *Handler) updatePerson(w http.ResponseWriter, r *http.Request) {
	u := h.signedInOrSignIn(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "organization_id", "country", "email", "languages", "aliases")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	edited := personFromForm(r, f)
	ps, err := h.People.Update(r.Context(), u, r.PathValue("id"), func(p *symposium.Person) {
		p.Name, p.Aliases, p.OrganizationID, p.Position = edited.Name, edited.Aliases, edited.OrganizationID, edited.Position
		p.Country, p.Languages, p.Topics, p.Bio, p.Email = edited.Country, edited.Languages, edited.Topics, edited.Bio, edited.Email
	})
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			f.collapse("aliases", "languages", "topics")
			h.renderPersonFormAs(w, r, status, f, personFormView{Action: r.URL.Path}, "page.person_edit.title")
		})
		return
	}
	redirect(w, r, "/people/"+ps.ID)
}

// personToForm fills the person form from a person.
func personToForm(p *symposium.Person) *form {
	f := newForm()
	fillLocalized(f, "name", p.Name)
	fillLocalized(f, "position", p.Position)
	fillLocalized(f, "bio", p.Bio)
	f.Values["organization_id"], f.Values["country"], f.Values["email"] = p.OrganizationID, p.Country, p.Email
	f.Values["languages"] = strings.Join(p.Languages, ", ")
	f.Values["aliases"] = strings.Join(p.Aliases, "\n")
	f.Values["topics"] = strings.Join(p.Topics, ",")
	return f
}
