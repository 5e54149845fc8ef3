package web

import (
	"net/http"

	"symposium"
	"symposium/internal/people"
)

// personView is a person's page.
type personView struct {
	*people.Profile
	Topics []symposium.Topic
}

// showPerson is the page of a person: their names in every script, their
// organization and position, topics, bio, and where they speak. A person
// merged into another sends the reader to that one.
func (h *Handler) showPerson(w http.ResponseWriter, r *http.Request) {
	v, err := h.People.Profile(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if v.Person.MergedInto != "" {
		redirect(w, r, withNotice("/people/"+v.Person.MergedInto, "merged"))
		return
	}
	p := h.newPage(r, "", personView{Profile: v, Topics: topics(v.Person.Topics)})
	p.Title, p.Notice = p.Plain(v.Person.Name), p.notice(r)
	h.render(w, r, http.StatusOK, "person", p)
}

// showOrganization is the page of an organization: its people and the
// events it organizes or sponsors.
func (h *Handler) showOrganization(w http.ResponseWriter, r *http.Request) {
	v, err := h.People.Organization(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.newPage(r, "", v)
	p.Title = p.Plain(v.Organization.Name)
	h.render(w, r, http.StatusOK, "organization", p)
}
