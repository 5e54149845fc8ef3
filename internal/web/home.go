package web

import (
	"net/http"
	"time"

	"symposium"
	"symposium/internal/store"
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

// storeQuery selects the events that end after now (upcoming, soonest
// first) or before it (past, latest first).
func storeQuery(viewer *symposium.User, now time.Time, past bool) store.EventQuery {
	if past {
		return store.EventQuery{Viewer: viewer, EndsBefore: now, Descending: true, Limit: 50}
	}
	return store.EventQuery{Viewer: viewer, EndsAfter: now, Limit: 50}
}
