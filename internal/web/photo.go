package web

import (
	"net/http"

	"symposium"
	"symposium/internal/photo"
)

// uploadPhoto replaces a person's photo with a cleaned copy of the upload.
func (h *Handler) uploadPhoto(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ps, err := h.Store.Person(ctx, r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if ok, err := h.Store.CanEditPerson(ctx, symposium.UserFromContext(ctx), ps); err != nil || !ok {
		h.Error(w, r, orNotFound(err))
		return
	}
	file, err := readFile(w, r, "photo", photo.MaxBytes+1<<16)
	if err == nil {
		defer file.Close()
		var data []byte
		if data, err = photo.Process(ctx, file); err == nil {
			err = h.Store.SetPhoto(ctx, ps.ID, "image/jpeg", data)
		}
	}
	if err != nil {
		h.photoFailed(w, r, ps, err)
		return
	}
	redirect(w, r, "/people/"+ps.ID)
}

// photoFailed shows the person's page again with what is wrong with the
// upload next to its field; errors that are not about the input get the
// error page.
func (h *Handler) photoFailed(w http.ResponseWriter, r *http.Request, ps *symposium.Person, err error) {
	if symposium.ErrorCode(err) != symposium.EINVALID {
		h.Error(w, r, err)
		return
	}
	p := h.newPage(r, "", nil)
	v, lerr := h.loadPerson(r, p, ps)
	if lerr != nil {
		h.Error(w, r, lerr)
		return
	}
	p.Form = &form{Values: map[string]string{}, Errors: map[string]string{}}
	status := p.Form.fail(p.L, err)
	p.Data, p.Title = v, p.Plain(ps.Name)
	h.render(w, r, status, "person", p)
}

// servePhoto answers a person's photo.
func (h *Handler) servePhoto(w http.ResponseWriter, r *http.Request) {
	data, ct, err := h.Store.Photo(r.Context(), r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write(data)
}

// orNotFound answers "not found" for a refusal without an error.
func orNotFound(err error) error {
	if err != nil {
		return err
	}
	return symposium.NotFound()
}
