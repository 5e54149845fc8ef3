package web

import (
	"net/http"
)

// takeMMOffer meets the party offered a no-show's free slot, at once.
func (h *Handler) takeMMOffer(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "request_id")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if _, _, err := h.Matchmaking.TakeOffer(r.Context(), u, r.PathValue("slug"), r.PathValue("id"), f.Values["request_id"]); err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/matchmaking/agenda")
}
