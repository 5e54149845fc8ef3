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
	// Merges are the merges the person took part in, for those who may
	// merge people.
	Merges []mergeView
}

// showPerson is the page of a person: their names in every script, their
// organization and position, topics, bio, and where they speak. A person
// merged into another sends the reader to that one.
func (h *Handler) showPerson(w http.ResponseWriter, r *http.Request) {
	ps, err := h.Store.Person(r.Context(), r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if ps.MergedInto != "" {
		redirect(w, r, withNotice("/people/"+ps.MergedInto, "merged"))
		return
	}
	p := h.newPage(r, "", nil)
	v, err := h.loadPerson(r, p, ps)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p.Data, p.Title, p.Notice = v, p.Plain(ps.Name), p.notice(r)
	h.render(w, r, http.StatusOK, "person", p)
}

// loadPerson gathers what a person's page shows besides the person.
func (h *Handler) loadPerson(r *http.Request, p *page, ps *symposium.Person) (*personView, error) {
	ctx := r.Context()
	v := &personView{Person: ps, Topics: topics(ps.Topics)}
	var err error
	if ps.OrganizationID != "" {
		if v.Organization, err = h.Store.Organization(ctx, ps.OrganizationID); err != nil {
			return nil, err
		}
	}
	if v.Appearances, err = h.Store.PersonAppearances(ctx, ps.ID, p.User); err != nil {
		return nil, err
	}
	if v.CanEdit, err = h.Store.CanEditPerson(ctx, p.User, ps); err != nil {
		return nil, err
	}
	if p.CanMerge() {
		if v.Merges, err = h.personMerges(r, ps.ID); err != nil {
			return nil, err
		}
	}
	return v, nil
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
