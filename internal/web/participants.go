package web

import (
	"net/http"

	"symposium"
)

// showParticipants lists the confirmed registrants who agreed to appear.
func (h *Handler) showParticipants(w http.ResponseWriter, r *http.Request) {
	ps, err := h.Registration.Participants(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ed := &eventData{Event: ps.Event, Access: ps.Access}
	h.render(w, r, http.StatusOK, "participants", h.eventPage(r, ed, "participants", ps.List))
}
