package web

import (
	"net/http"

	"symposium"
	"symposium/internal/store"
)

// personView is a person's page.
type personView struct {
	Person       *symposium.Person
	Organization *symposium.Organization
	Topics       []symposium.Topic
	Appearances  []store.Appearance
	CanEdit      bool
}

// showPerson is the page of a person: their names in every script, their
// organization and position, topics, bio, and where they speak.
func (h *Handler) showPerson(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ps, err := h.Store.Person(ctx, r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := personView{Person: ps, Topics: topics(ps.Topics)}
	if ps.OrganizationID != "" {
		if v.Organization, err = h.Store.Organization(ctx, ps.OrganizationID); err != nil {
			h.Error(w, r, err)
			return
		}
	}
	if v.Appearances, err = h.Store.PersonAppearances(ctx, ps.ID, symposium.UserFromContext(ctx)); err != nil {
		h.Error(w, r, err)
		return
	}
	if v.CanEdit, err = h.Store.CanEditPerson(ctx, symposium.UserFromContext(ctx), ps); err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.newPage(r, "", v)
	p.Title = p.Plain(ps.Name)
	h.render(w, r, http.StatusOK, "person", p)
}

// organizationView is an organization's page.
type organizationView struct {
	Organization *symposium.Organization
	People       []*symposium.Person
	Events       []*symposium.Event
}

// showOrganization is the page of an organization: its people and the
// events it organizes or sponsors.
func (h *Handler) showOrganization(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	o, err := h.Store.Organization(ctx, r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := organizationView{Organization: o}
	if v.People, err = h.Store.OrganizationPeople(ctx, o.ID); err != nil {
		h.Error(w, r, err)
		return
	}
	if v.Events, err = h.Store.OrganizationEvents(ctx, o.ID, symposium.UserFromContext(ctx)); err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.newPage(r, "", v)
	p.Title = p.Plain(o.Name)
	h.render(w, r, http.StatusOK, "organization", p)
}
