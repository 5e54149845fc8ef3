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
	roles, err := h.Store.EventRoles(r.Context(), ed.Event.ID)
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
	var p symposium.Problems
	if !symposium.ValidEmail(symposium.NormalizeEmail(f.Values["email"])) {
		p.Add("email", "error.field.email")
	}
	role := f.Values["role"]
	if _, ok := roleKeys[role]; !ok {
		p.Add("role", "error.field.invalid")
	}
	if err = p.Err(); err == nil {
		_, err = h.Store.AddEventRole(r.Context(), ed.Event.ID, f.Values["email"], role)
	}
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
	if f.Values["role"] == symposium.RoleManager {
		roles, err := h.Store.EventRoles(r.Context(), ed.Event.ID)
		if err != nil {
			h.Error(w, r, err)
			return
		}
		managers := 0
		for _, x := range roles {
			if x.Role == symposium.RoleManager {
				managers++
			}
		}
		if managers <= 1 {
			f.Summary = h.I18n.For(symposium.LanguageFromContext(r.Context())).T("roles.last_manager")
			h.renderRoles(w, r, ed, http.StatusConflict, f)
			return
		}
	}
	if err := h.Store.RemoveEventRole(r.Context(), ed.Event.ID, f.Values["user_id"], f.Values["role"]); err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/events/"+ed.Event.Slug+"/roles")
}
