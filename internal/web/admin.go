package web

import (
	"net/http"

	"symposium"
)

// adminMail shows the outbox to site administrators, newest first. Anyone
// else gets 404, as for anything they may not see.
func (h *Handler) adminMail(w http.ResponseWriter, r *http.Request) {
	u := symposium.UserFromContext(r.Context())
	if u == nil || !u.IsAdmin {
		h.notFound(w, r)
		return
	}
	list, err := h.Store.ListMail(r.Context(), r.URL.Query().Get("before"), 50)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "admin_mail", h.newPage(r, "page.admin_mail.title", list))
}
