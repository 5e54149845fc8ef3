package web

import (
	"net/http"

	"symposium"
)

// adminMail shows the outbox to site administrators, newest first, as
// the other administration pages: anonymous readers sign in first, other
// accounts are forbidden.
func (h *Handler) adminMail(w http.ResponseWriter, r *http.Request) {
	list, err := h.Accounts.Outbox(r.Context(), symposium.UserFromContext(r.Context()), r.URL.Query().Get("before"), 50)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "admin_mail", h.newPage(r, "page.admin_mail.title", list))
}
