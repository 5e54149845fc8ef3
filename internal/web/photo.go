package web

import (
	"net/http"

	"symposium"
	"symposium/internal/photo"
)

// uploadPhoto replaces a person's photo with a cleaned copy of the upload.
func (h *Handler) uploadPhoto(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	r.Body = http.MaxBytesReader(w, r.Body, photo.MaxBytes+1<<16)
	file, _, err := r.FormFile("photo")
	if err != nil {
		h.Error(w, r, symposium.Errorf(symposium.ETOOLARGE, "error.too_large"))
		return
	}
	defer file.Close()
	if err := h.People.SetPhoto(r.Context(), symposium.UserFromContext(r.Context()), id, file); err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/people/"+id)
}

// servePhoto answers a person's photo.
func (h *Handler) servePhoto(w http.ResponseWriter, r *http.Request) {
	data, ct, err := h.People.Photo(r.Context(), r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(data)
}
