package web

import (
	"net/http"

	"symposium"
)

// rolesView lists who holds which role at an event.
type rolesView struct {
	Roles []symposium.EventRole
}

// showRoles is the page where managers give and take roles.
func (h *Handler) showRoles(w http.ResponseWriter, r *http.Request) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	h.renderRoles(w, r, ed, http.StatusOK, newForm())
}

func (h *Handler) renderRoles(w http.ResponseWriter, r *http.Request, ed *eventData, status int, f *form) {
	_, roles, err := h.Events.Roles(r.Context(), symposium.UserFromContext(r.Context()), ed.Event.Slug)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, ed, "roles", rolesView{Roles: roles})
	p.Form = f
	h.render(w, r, status, "roles", p)
}

// addRole gives the account with an email a role at the event.
func (h *Handler) addRole(w http.ResponseWriter, r *http.Request) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	f, err := readForm(w, r, "email", "role")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	_, err = h.Events.AddRole(r.Context(), symposium.UserFromContext(r.Context()), ed.Event.Slug, f.Values["email"], f.Values["role"])
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderRoles(w, r, ed, status, f) })
		return
	}
	redirect(w, r, "/events/"+ed.Event.Slug+"/roles")
}

// removeRole takes a role away. A manager cannot take away the last
// manager, so that nobody is locked out of the event.
func (h *Handler) removeRole(w http.ResponseWriter, r *http.Request) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	f, err := readForm(w, r, "user_id", "role")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	err = h.Events.RemoveRole(r.Context(), symposium.UserFromContext(r.Context()), ed.Event.Slug, f.Values["user_id"], f.Values["role"])
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderRoles(w, r, ed, status, f) })
		return
	}
	redirect(w, r, "/events/"+ed.Event.Slug+"/roles")
}
