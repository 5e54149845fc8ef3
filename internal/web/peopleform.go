package web

import (
	"net/http"
	"strings"

	"symposium"
	"symposium/internal/photo"
)

// personFormView is the form that adds a person.
type personFormView struct {
	Orgs  []*symposium.Organization
	Areas []topicArea
}

// topicArea is an area of science with its fields, for choosing topics.
type topicArea struct {
	Area   symposium.Topic
	Fields []symposium.Topic
}

func (h *Handler) newPersonForm(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	h.renderPersonForm(w, r, http.StatusOK, newForm())
}

func (h *Handler) renderPersonForm(w http.ResponseWriter, r *http.Request, status int, f *form) {
	orgs, err := h.Store.AllOrganizations(r.Context(), 500)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := personFormView{Orgs: orgs}
	for _, a := range symposium.Areas() {
		v.Areas = append(v.Areas, topicArea{Area: a, Fields: symposium.TopicsIn(a.Code)})
	}
	p := h.newPage(r, "page.person_new.title", v)
	p.Form = f
	h.render(w, r, status, "person_form", p)
}

// createPerson adds a person and shows their page.
func (h *Handler) createPerson(w http.ResponseWriter, r *http.Request) {
	if symposium.UserFromContext(r.Context()) == nil {
		h.Error(w, r, symposium.Errorf(symposium.EUNAUTHORIZED, "error.unauthorized"))
		return
	}
	f, err := readForm(w, r, "organization_id", "country", "email", "languages")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ps := &symposium.Person{Name: localizedField(r, f, "name"), Position: localizedField(r, f, "position"),
		Bio: localizedField(r, f, "bio"), OrganizationID: f.Values["organization_id"], Country: f.Values["country"],
		Email: f.Values["email"], Topics: r.PostForm["topics"]}
	for _, l := range strings.FieldsFunc(f.Values["languages"], func(r rune) bool { return r == ',' || r == ' ' }) {
		ps.Languages = append(ps.Languages, strings.ToLower(l))
	}
	var p symposium.Problems
	ps.Validate(&p)
	if err = p.Err(); err == nil {
		err = h.Store.CreatePerson(r.Context(), ps)
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderPersonForm(w, r, status, f) })
		return
	}
	redirect(w, r, "/people/"+ps.ID)
}

func (h *Handler) newOrganizationForm(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	p := h.newPage(r, "page.organization_new.title", nil)
	p.Form = newForm()
	h.render(w, r, http.StatusOK, "organization_form", p)
}

// createOrganization adds an organization and shows its page.
func (h *Handler) createOrganization(w http.ResponseWriter, r *http.Request) {
	if symposium.UserFromContext(r.Context()) == nil {
		h.Error(w, r, symposium.Errorf(symposium.EUNAUTHORIZED, "error.unauthorized"))
		return
	}
	f, err := readForm(w, r, "country", "kind", "website")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	o := &symposium.Organization{Name: localizedField(r, f, "name"), Country: f.Values["country"], Kind: f.Values["kind"], Website: f.Values["website"]}
	var p symposium.Problems
	o.Validate(&p)
	if err = p.Err(); err == nil {
		err = h.Store.CreateOrganization(r.Context(), o)
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			pg := h.newPage(r, "page.organization_new.title", nil)
			pg.Form = f
			h.render(w, r, status, "organization_form", pg)
		})
		return
	}
	redirect(w, r, "/organizations/"+o.ID)
}

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
	r.Body = http.MaxBytesReader(w, r.Body, photo.MaxBytes+1<<16)
	file, _, err := r.FormFile("photo")
	if err != nil {
		h.Error(w, r, symposium.Errorf(symposium.ETOOLARGE, "error.too_large"))
		return
	}
	defer file.Close()
	data, err := photo.Process(file)
	if err == nil {
		err = h.Store.SetPhoto(ctx, ps.ID, "image/jpeg", data)
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/people/"+ps.ID)
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
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(data)
}

// orNotFound answers "not found" for a refusal without an error.
func orNotFound(err error) error {
	if err != nil {
		return err
	}
	return symposium.NotFound()
}
