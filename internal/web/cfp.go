package web

import (
	"net/http"
	"time"

	"symposium"
)

// callView is an event's call for abstracts as its page shows it.
type callView struct {
	Call *symposium.Call
	// Phase is "soon", "open" or "closed": where the call stands now.
	Phase string
	// Mine lists the abstracts the reader submitted or is an author of.
	Mine []*symposium.Abstract
}

// showCall is an event's call for abstracts: its text, dates in the
// event's zone, tracks, what may be submitted and the word limit, with a
// way to submit. Managers of an event without a call are offered to set
// one up; anyone else gets 404.
func (h *Handler) showCall(w http.ResponseWriter, r *http.Request) {
	cp, err := h.Review.Call(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := callView{Call: cp.Call, Mine: cp.Mine}
	if cp.Call != nil {
		v.Phase = callPhase(cp.Call, h.Review.Now())
	}
	h.render(w, r, http.StatusOK, "cfp", h.eventPage(r, &eventData{Event: cp.Event, Access: cp.Access}, "cfp", v))
}

// callPhase says where a call stands at a moment: "soon", "open" or
// "closed".
func callPhase(c *symposium.Call, now time.Time) string {
	switch {
	case now.Before(c.OpensAt):
		return "soon"
	case c.IsOpen(now):
		return "open"
	}
	return "closed"
}
