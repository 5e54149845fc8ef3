package web

import (
	"net/http"

	"symposium"
	"symposium/internal/accounts"
)

// showDataMap tells administrators what personal data is stored where,
// and for how long.
func (h *Handler) showDataMap(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	st, err := h.Privacy.Storage(symposium.UserFromContext(r.Context()), accounts.DefaultConfig().SessionTTL)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "admin_data", h.newPage(r, "page.admin_data.title", st))
}
