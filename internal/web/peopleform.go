package web

import (
	"net/http"
	"strings"

	"symposium"
	"symposium/internal/search"
)

// maxLikely is how many existing people the person form offers when the
// one being added may be among them.
const maxLikely = 5

// personFormView is the form that adds a person.
type personFormView struct {
	Orgs  []*symposium.Organization
	Areas []topicArea
	// Likely are the people who may be the one being added, offered
	// before a new one is made.
	Likely []search.Result
	// Action is where the form posts when it edits a person; empty when
	// it adds one.
	Action string
}

// topicArea is an area of science with its fields, for choosing topics.
type topicArea struct {
	Area   symposium.Topic
	Fields []symposium.Topic
}

// topicAreas lists the areas of science, each with its fields.
func topicAreas() []topicArea {
	var out []topicArea
	for _, a := range symposium.Areas() {
		out = append(out, topicArea{Area: a, Fields: symposium.TopicsIn(a.Code)})
	}
	return out
}

// newPersonForm is the empty form that adds a person.
func (h *Handler) newPersonForm(w http.ResponseWriter, r *http.Request) {
	if !h.requireDirectory(w, r) {
		return
	}
	h.renderPersonForm(w, r, http.StatusOK, newForm(), nil)
}

// renderPersonForm shows the person form with a status, offering the
// likely existing people first when there are any.
func (h *Handler) renderPersonForm(w http.ResponseWriter, r *http.Request, status int, f *form, likely []search.Result) {
	h.renderPersonFormAs(w, r, status, f, personFormView{Likely: likely}, "page.person_new.title")
}

// renderPersonFormAs shows the person form, adding or editing as v says.
func (h *Handler) renderPersonFormAs(w http.ResponseWriter, r *http.Request, status int, f *form, v personFormView, titleKey string) {
	orgs, err := h.People.Organizations(r.Context(), 500)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v.Orgs, v.Areas = orgs, topicAreas()
	p := h.newPage(r, titleKey, v)
	p.Form = f
	h.render(w, r, status, "person_form", p)
}

// createPerson adds a person and shows their page. When the person looks
// like someone already here, by a spelling of the name or the email, the
// form comes back offering those people first; only a confirmed form
// makes a new person then.
func (h *Handler) createPerson(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "organization_id", "country", "email", "languages", "aliases", "confirm_new")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ps := personFromForm(r, f)
	created, err := h.People.Create(r.Context(), u, ps, f.Values["confirm_new"] != "yes")
	if created != nil && len(created.Likely) > 0 && err != nil {
		h.renderPersonForm(w, r, http.StatusConflict, f, created.Likely[:min(len(created.Likely), maxLikely)])
		return
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			f.collapse("aliases", "languages", "topics")
			h.renderPersonForm(w, r, status, f, nil)
		})
		return
	}
	redirect(w, r, "/people/"+ps.ID)
}

// personFromForm reads the person form; the other spellings of the name
// come one per line.
func personFromForm(r *http.Request, f *form) *symposium.Person {
	ps := &symposium.Person{Name: localizedField(r, f, "name"), Position: localizedField(r, f, "position"),
		Bio: localizedField(r, f, "bio"), OrganizationID: f.Values["organization_id"], Country: f.Values["country"],
		Email: f.Values["email"], Topics: r.PostForm["topics"]}
	f.Values["topics"] = strings.Join(ps.Topics, ",")
	for _, l := range strings.FieldsFunc(f.Values["languages"], func(r rune) bool { return r == ',' || r == ' ' }) {
		ps.Languages = append(ps.Languages, strings.ToLower(l))
	}
	for _, a := range strings.Split(f.Values["aliases"], "\n") {
		if a = strings.TrimSpace(a); a != "" {
			ps.Aliases = append(ps.Aliases, a)
		}
	}
	return ps
}
