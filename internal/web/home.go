package web

import "net/http"

// home is the front page.
func (h *Handler) home(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "home", h.newPage(r, "", nil))
}
