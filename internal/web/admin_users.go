package web

import (
	"net/http"
	"net/url"

	"symposium"
	"symposium/internal/store"
)

// adminUsersView is the administrators' list of accounts.
type adminUsersView struct {
	Users []symposium.User
	Query string
	Next  string
}

// showUsers lists and finds accounts for administrators, with what each
// may do site-wide; anyone else is refused.
func (h *Handler) showUsers(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	q := r.URL.Query()
	v := adminUsersView{Query: q.Get("q")}
	var err error
	v.Users, v.Next, err = h.Accounts.Users(r.Context(), symposium.UserFromContext(r.Context()),
		store.UserQuery{Text: v.Query, Limit: 50, Cursor: q.Get("cursor")})
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.newPage(r, "page.admin_users.title", v)
	if q.Get("notice") == "saved" {
		p.Notice = p.L.T("notice.grants_saved")
	}
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, http.StatusOK, "admin_users", p)
}

// setGrants makes an account a curator of the people directory, or an
// organizer who may create events, or neither, as the boxes say.
func (h *Handler) setGrants(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "is_curator", "can_create_events", "q")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	curator, organizer := f.Values["is_curator"] == "yes", f.Values["can_create_events"] == "yes"
	if _, err := h.Accounts.SetGrants(r.Context(), u, r.PathValue("id"), symposium.Grants{IsCurator: &curator, CanCreateEvents: &organizer}); err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/admin/users?"+url.Values{"q": {f.Values["q"]}, "notice": {"saved"}}.Encode())
}

// showSite shows administrators the settings of the whole site.
func (h *Handler) showSite(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	site, err := h.Accounts.SiteFor(r.Context(), symposium.UserFromContext(r.Context()))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.newPage(r, "page.admin_site.title", site)
	if r.URL.Query().Get("notice") == "saved" {
		p.Notice = p.L.T("notice.site_saved")
	}
	h.render(w, r, http.StatusOK, "admin_site", p)
}

// setSite changes the settings of the whole site.
func (h *Handler) setSite(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "open_event_creation")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if _, err := h.Accounts.SetSite(r.Context(), u, symposium.Site{OpenEventCreation: f.Values["open_event_creation"] == "yes"}); err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/admin/site?notice=saved")
}
