package web

import (
	"net/http"
	"strconv"
	"time"

	"symposium"
)

// retentionView is the page of how long an event keeps registration
// data.
type retentionView struct {
	Retention symposium.Retention
	Shredded  time.Time // when it was shredded; zero while it is kept
}

// showRetention shows an event's managers when its registration data will
// be shredded, and lets them change it.
func (h *Handler) showRetention(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	h.renderRetention(w, r, http.StatusOK, nil)
}

// renderRetention writes the retention page.
func (h *Handler) renderRetention(w http.ResponseWriter, r *http.Request, status int, f *form) {
	e, ret, err := h.Privacy.Retention(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ed, access, err := h.Events.Get(r.Context(), symposium.UserFromContext(r.Context()), e.Slug)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, &eventData{Event: ed, Access: access}, "registrations", retentionView{Retention: ret, Shredded: shredded(ret)})
	p.Form = f
	if r.URL.Query().Get("notice") == "saved" {
		p.Notice = p.L.T("notice.retention_saved")
	}
	h.render(w, r, status, "retention", p)
}

// setRetention changes how many days after the event its registration
// data is kept.
func (h *Handler) setRetention(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "days")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	days, convErr := strconv.Atoi(f.Values["days"])
	if convErr != nil {
		var p symposium.Problems
		p.Add("days", "error.field.number")
		err = p.Err()
	} else {
		_, err = h.Privacy.SetRetention(r.Context(), u, r.PathValue("slug"), days)
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderRetention(w, r, status, f) })
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/retention?notice=saved")
}

// shredded returns when the registration data was shredded, or the zero
// time.
func shredded(r symposium.Retention) time.Time {
	if r.ShreddedAt == nil {
		return time.Time{}
	}
	return *r.ShreddedAt
}
