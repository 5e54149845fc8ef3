package web

import (
	"io"
	"net/http"

	"symposium"
	"symposium/internal/photo"
)

// uploadEventLogo replaces an event's logo with a cleaned copy of the
// upload and returns to the event's edit page.
func (h *Handler) uploadEventLogo(w http.ResponseWriter, r *http.Request) {
	file, err := readFile(w, r, "logo", photo.MaxBytes+1<<16)
	if err != nil && symposium.ErrorCode(err) != symposium.EINVALID {
		h.Error(w, r, err)
		return
	}
	var upload io.Reader // nil when the form lacks the file: the service says so, after checking the caller
	if file != nil {
		defer file.Close()
		upload = file
	}
	if err := h.Events.SetLogo(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), upload); err != nil {
		h.logoFailed(w, r, err)
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/edit")
}

// logoFailed shows the event's edit page again with what is wrong with the
// upload next to its field; errors that are not about the file get the
// error page.
func (h *Handler) logoFailed(w http.ResponseWriter, r *http.Request, err error) {
	if symposium.ErrorCode(err) != symposium.EINVALID {
		h.Error(w, r, err)
		return
	}
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	f := eventToForm(ed.Event)
	h.formFailed(w, r, f, err, func(status int) { h.renderEventForm(w, r, status, ed, f, ed.Event.Organizers) })
}

// serveEventLogo answers an event's logo to whoever may see the event; its
// address carries the event's version, so a matching one is kept long.
func (h *Handler) serveEventLogo(w http.ResponseWriter, r *http.Request) {
	data, err := h.Events.Logo(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Cache-Control", "private, max-age=86400")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(data)
}

// logoURL is the address of an event's logo, with its version.
func logoURL(e *symposium.Event) string {
	return "/events/" + e.Slug + "/logo?v=" + themeVersion(e)
}
