package web

import (
	"io"
	"net/http"

	"symposium"
	"symposium/internal/photo"
)

// uploadPhoto replaces a person's photo with a cleaned copy of the upload.
func (h *Handler) uploadPhoto(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	file, err := readFile(w, r, "photo", photo.MaxBytes+1<<16)
	if err != nil && symposium.ErrorCode(err) != symposium.EINVALID {
		h.Error(w, r, err)
		return
	}
	var upload io.Reader // nil when the form lacks the file: the service says so, after checking the caller
	if file != nil {
		defer file.Close()
		upload = file
	}
	if err := h.People.SetPhoto(r.Context(), symposium.UserFromContext(r.Context()), id, upload); err != nil {
		h.photoFailed(w, r, id, err)
		return
	}
	redirect(w, r, "/people/"+id)
}

// photoFailed shows the person's page again with what is wrong with the
// upload next to its field; errors that are not about the input get the
// error page.
func (h *Handler) photoFailed(w http.ResponseWriter, r *http.Request, id string, err error) {
	if symposium.ErrorCode(err) != symposium.EINVALID {
		h.Error(w, r, err)
		return
	}
	v, lerr := h.People.Profile(r.Context(), symposium.UserFromContext(r.Context()), id)
	if lerr != nil {
		h.Error(w, r, lerr)
		return
	}
	p := h.newPage(r, "", personView{Profile: v, Topics: topics(v.Person.Topics)})
	p.Form = &form{Values: map[string]string{}, Errors: map[string]string{}}
	status := p.Form.fail(p.L, err)
	p.Title = p.Plain(v.Person.Name)
	h.render(w, r, status, "person", p)
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
	_, _ = w.Write(data)
}
