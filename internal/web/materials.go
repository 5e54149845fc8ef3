package web

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"strconv"

	"symposium"
	"symposium/internal/outcomes"
)

// uploadLimit bounds a form carrying a material.
const uploadLimit = outcomes.MaxMaterialBytes + 1<<16

// materialsView is the event's materials with the programme to file them
// under.
type materialsView struct {
	Materials     []*symposium.Material
	Contributions []symposium.Contribution
	Titles        map[string]symposium.LocalizedText // contribution ID → title
	Days          []string
}

// showMaterials lists the event's materials the reader may see, with the
// upload form.
func (h *Handler) showMaterials(w http.ResponseWriter, r *http.Request) {
	h.materialsPage(w, r, http.StatusOK, nil)
}

// materialsPage renders the materials page, with a failed form if any.
func (h *Handler) materialsPage(w http.ResponseWriter, r *http.Request, status int, f *form) {
	u := symposium.UserFromContext(r.Context())
	e, list, err := h.Outcomes.Materials(r.Context(), u, r.PathValue("slug"), nil)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	contributions, err := h.Programme.Contributions(r.Context(), u, e.Slug)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	_, access, err := h.Events.Visible(r.Context(), u, e.Slug)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := &materialsView{Materials: list, Contributions: contributions, Titles: map[string]symposium.LocalizedText{}}
	seen := map[string]bool{}
	for _, c := range contributions {
		v.Titles[c.ID] = c.Title
		if c.StartsAt != nil {
			if d := c.StartsAt.In(e.Location()).Format(symposium.DateLayout); !seen[d] {
				seen[d] = true
				v.Days = append(v.Days, d)
			}
		}
	}
	p := h.eventPage(r, &eventData{Event: e, Access: access}, "materials", v)
	p.Title = p.L.T("materials.title") + " · " + p.Plain(e.Title)
	if f == nil {
		f = newForm()
	}
	p.Form = f
	h.render(w, r, status, "materials", p)
}

// uploadMaterial stores a material sent with the form.
func (h *Handler) uploadMaterial(w http.ResponseWriter, r *http.Request) {
	h.materialUpload(w, r, "")
}

// uploadMaterialVersion stores a new version of a material.
func (h *Handler) uploadMaterialVersion(w http.ResponseWriter, r *http.Request) {
	h.materialUpload(w, r, r.PathValue("id"))
}

// materialUpload reads the upload form and stores a material (id "") or a
// version of one; what is wrong is shown next to the form.
func (h *Handler) materialUpload(w http.ResponseWriter, r *http.Request, id string) {
	file, name, err := uploadedFile(w, r, "file", uploadLimit)
	if err != nil && symposium.ErrorCode(err) != symposium.EINVALID {
		h.Error(w, r, err)
		return
	}
	f := newForm()
	var up outcomes.Upload
	if file != nil {
		up.File, up.FileName = file, name
	}
	u := symposium.UserFromContext(r.Context())
	if id == "" {
		up.Title, up.Visibility = localizedField(r, f, "title"), r.PostFormValue("visibility")
		f.Values["visibility"], f.Values["contribution_id"] = up.Visibility, r.PostFormValue("contribution_id")
		_, err = h.Outcomes.AddMaterial(r.Context(), u, r.PathValue("slug"), outcomes.Target{ContributionID: f.Values["contribution_id"]}, up)
	} else {
		_, err = h.Outcomes.AddMaterialVersion(r.Context(), u, r.PathValue("slug"), id, up)
	}
	if err == nil {
		redirect(w, r, "/events/"+r.PathValue("slug")+"/materials")
		return
	}
	if c := symposium.ErrorCode(err); c != symposium.EINVALID && c != symposium.ETOOLARGE {
		h.Error(w, r, err)
		return
	}
	l := h.I18n.For(symposium.LanguageFromContext(r.Context()))
	status := f.fail(l, err)
	if msg := f.Errors["file_name"]; msg != "" {
		f.Errors["file"] = msg
	}
	h.materialsPage(w, r, status, f)
}

// uploadedFile reads the file in a multipart form's field with its name
// as sent; no file is an error naming the field.
func uploadedFile(w http.ResponseWriter, r *http.Request, field string, limit int64) (io.Reader, string, error) {
	file, err := readFile(w, r, field, limit)
	if err != nil {
		return nil, "", err
	}
	defer file.Close()
	_, header, _ := r.FormFile(field)
	data, err := io.ReadAll(file)
	if err != nil {
		return nil, "", bodyError(err)
	}
	return bytes.NewReader(data), header.Filename, nil
}

// serveMaterial answers a material's file (?version=N for an earlier one)
// with its content type, its name for saving, and caching by its digest.
func (h *Handler) serveMaterial(w http.ResponseWriter, r *http.Request) {
	ver, _ := strconv.Atoi(r.URL.Query().Get("version"))
	f, err := h.Outcomes.MaterialFile(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.PathValue("id"), ver)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	etag := `"` + f.SHA256 + `"`
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "private, max-age=300")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", f.ContentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.FileName}))
	w.Header().Set("Content-Length", strconv.Itoa(len(f.Data)))
	_, _ = w.Write(f.Data)
}

// materialsZip answers a session's (?session=ID) or a day's
// (?day=YYYY-MM-DD) materials as one ZIP.
func (h *Handler) materialsZip(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	q := r.URL.Query()
	name, err := h.Outcomes.MaterialsZip(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), q.Get("session"), q.Get("day"), &buf)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "private, no-cache")
	_, _ = buf.WriteTo(w)
}
