package web

import (
	"net/http"
)

// home is the front page: the upcoming and the past events the reader may
// see.
func (h *Handler) home(w http.ResponseWriter, r *http.Request) {
	idx, err := h.loadHome(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "home", h.newPage(r, "", idx))
}
