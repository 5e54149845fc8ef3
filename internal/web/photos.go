package web

import (
	"net/http"
	"strconv"
	"strings"

	"symposium"
	"symposium/internal/outcomes"
	"symposium/internal/photo"
)

// showPhotos is the event's gallery, with the upload form for its team.
func (h *Handler) showPhotos(w http.ResponseWriter, r *http.Request) {
	h.photosPage(w, r, http.StatusOK, nil)
}

// photosPage renders the gallery, with a failed form if any.
func (h *Handler) photosPage(w http.ResponseWriter, r *http.Request, status int, f *form) {
	g, err := h.Outcomes.Photos(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.URL.Query().Get("contribution"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, &eventData{Event: g.Event, Access: g.Access}, "photos", g)
	p.Title = p.L.T("photos.title") + " · " + p.Plain(g.Event.Title)
	if f == nil {
		f = newForm()
	}
	p.Form = f
	h.render(w, r, status, "photos", p)
}

// uploadEventPhoto stores a photo sent with the form.
func (h *Handler) uploadEventPhoto(w http.ResponseWriter, r *http.Request) {
	file, _, err := uploadedFile(w, r, "photo", photo.MaxBytes+1<<16)
	if err != nil && symposium.ErrorCode(err) != symposium.EINVALID {
		h.Error(w, r, err)
		return
	}
	f := newForm()
	ph := photoFromForm(r, f)
	_, err = h.Outcomes.AddPhoto(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), ph, file)
	h.photoDone(w, r, f, err)
}

// photoFromForm reads a photo's caption, credit, licence, place in the
// report and tagged people.
func photoFromForm(r *http.Request, f *form) *symposium.EventPhoto {
	ph := &symposium.EventPhoto{Caption: localizedField(r, f, "caption"), Credit: r.PostFormValue("credit"), Licence: r.PostFormValue("licence"),
		InReport: r.PostFormValue("in_report") == "on", ContributionID: r.PostFormValue("contribution_id"), PersonIDs: []string{}}
	for _, id := range strings.Fields(strings.ReplaceAll(r.PostFormValue("person_ids"), ",", " ")) {
		ph.PersonIDs = append(ph.PersonIDs, id)
	}
	f.Values["credit"], f.Values["licence"], f.Values["person_ids"] = ph.Credit, ph.Licence, r.PostFormValue("person_ids")
	return ph
}

// photoDone goes back to the gallery, or shows what is wrong.
func (h *Handler) photoDone(w http.ResponseWriter, r *http.Request, f *form, err error) {
	if err == nil {
		redirect(w, r, "/events/"+r.PathValue("slug")+"/photos")
		return
	}
	if c := symposium.ErrorCode(err); c != symposium.EINVALID && c != symposium.ETOOLARGE {
		h.Error(w, r, err)
		return
	}
	status := f.fail(h.I18n.For(symposium.LanguageFromContext(r.Context())), err)
	f.collapse("person_ids")
	h.photosPage(w, r, status, f)
}

// updateEventPhoto changes a photo's caption, credit, licence, tags and
// place in the report.
func (h *Handler) updateEventPhoto(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	in := photoFromForm(r, f)
	_, err = h.Outcomes.UpdatePhoto(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.PathValue("id"), func(ph *symposium.EventPhoto) {
		ph.Caption, ph.Credit, ph.Licence, ph.InReport, ph.PersonIDs = in.Caption, in.Credit, in.Licence, in.InReport, in.PersonIDs
	})
	h.photoDone(w, r, f, err)
}

// deleteEventPhoto removes a photo.
func (h *Handler) deleteEventPhoto(w http.ResponseWriter, r *http.Request) {
	err := h.Outcomes.DeletePhoto(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/photos")
}

// serveEventPhoto answers a photo at the stored width nearest ?w=.
func (h *Handler) serveEventPhoto(w http.ResponseWriter, r *http.Request) {
	width, _ := strconv.Atoi(r.URL.Query().Get("w"))
	if width <= 0 {
		width = outcomes.ThumbWidth
	}
	data, err := h.Outcomes.PhotoFile(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.PathValue("id"), width)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Cache-Control", "private, max-age=300")
	_, _ = w.Write(data)
}

// consentView is the reader's answer to photo consent.
type consentView struct{ Consent string }

// showConsent is the page where a registrant answers photo consent.
func (h *Handler) showConsent(w http.ResponseWriter, r *http.Request) {
	u := symposium.UserFromContext(r.Context())
	c, err := h.Outcomes.PhotoConsent(r.Context(), u, r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	e, access, err := h.Events.Visible(r.Context(), u, r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, &eventData{Event: e, Access: access}, "photos", consentView{Consent: c})
	p.Title = p.L.T("consent.title") + " · " + p.Plain(e.Title)
	if r.URL.Query().Get("saved") != "" {
		p.Notice = p.L.T("consent.saved")
	}
	h.render(w, r, http.StatusOK, "photo_consent", p)
}

// setConsent records a registrant's answer to photo consent.
func (h *Handler) setConsent(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "consent")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if err := h.Outcomes.SetPhotoConsent(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), f.Values["consent"]); err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/photo-consent?saved=1")
}
