package web

import (
	"net/http"

	"symposium"
)

// adminMail shows the outbox to site administrators, newest first;
// anonymous readers are sent to sign in, and anyone else is refused.
func (h *Handler) adminMail(w http.ResponseWriter, r *http.Request) {
	u := symposium.UserFromContext(r.Context())
	switch {
	case u == nil:
		h.Error(w, r, symposium.Unauthorized())
		return
	case !u.IsAdministrator():
		h.Error(w, r, symposium.Forbidden())
		return
	}
	list, err := h.Store.ListMail(r.Context(), r.URL.Query().Get("before"), 50)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "admin_mail", h.newPage(r, "page.admin_mail.title", list))
}
