package web

import (
	"encoding/json"
	"net/http"

	"symposium"
)

// dataView is the "My data" page, or an administrator's view of one
// person's data: everything held, the consents that hold, and where the
// JSON download and the erasure live.
type dataView struct {
	Data     *symposium.PersonalData
	Consents []consentRow
	Self     bool   // the page of the signed-in person themself
	Base     string // "/account/data" or "/people/{id}/data"
	EraseURL string
}

// consentRow is one kind of site-wide consent with the answer that holds.
type consentRow struct {
	Kind    string
	Granted bool
	Given   *symposium.Consent
}

// showMyData shows the signed-in person everything held about them.
func (h *Handler) showMyData(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	h.renderMyData(w, r, http.StatusOK, nil)
}

// renderMyData writes the "My data" page.
func (h *Handler) renderMyData(w http.ResponseWriter, r *http.Request, status int, f *form) {
	u := symposium.UserFromContext(r.Context())
	d, err := h.Privacy.MyData(r.Context(), u)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	consents, err := h.Privacy.Consents(r.Context(), u)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.newPage(r, "page.my_data.title", dataView{Data: d, Consents: consentRows(consents), Self: true,
		Base: "/account/data", EraseURL: "/account/erase"})
	p.Form = f
	if r.URL.Query().Get("notice") == "consent" {
		p.Notice = p.L.T("notice.consent_saved")
	}
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, status, "my_data", p)
}

// consentRows lists each site-wide kind of consent with its answer.
func consentRows(current []symposium.Consent) []consentRow {
	var out []consentRow
	for _, kind := range symposium.ConsentKinds {
		row := consentRow{Kind: kind}
		for i, c := range current {
			if c.Kind == kind && c.Scope == "" {
				row.Granted, row.Given = c.Granted, &current[i]
			}
		}
		out = append(out, row)
	}
	return out
}

// downloadMyData sends everything held about the signed-in person as one
// JSON file.
func (h *Handler) downloadMyData(w http.ResponseWriter, r *http.Request) {
	d, err := h.Privacy.MyData(r.Context(), symposium.UserFromContext(r.Context()))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	writeDataFile(w, d)
}

// writeDataFile sends personal data as a JSON attachment no cache keeps.
func writeDataFile(w http.ResponseWriter, d *symposium.PersonalData) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="symposium-data.json"`)
	w.Header().Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(d)
}

// setMyConsent records the signed-in person's answer for one kind of use
// of their data, with the words the page showed them.
func (h *Handler) setMyConsent(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "kind", "granted")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	l := h.I18n.For(symposium.LanguageFromContext(r.Context()))
	kind := f.Values["kind"]
	c := symposium.Consent{Kind: kind, Granted: f.Values["granted"] == "yes",
		Text: l.T(label("consent", kind)), Language: l.Lang}
	if err := h.Privacy.SetConsent(r.Context(), u, &c); err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderMyData(w, r, status, f) })
		return
	}
	redirect(w, r, "/account/data?notice=consent#consents")
}

// showEraseMe asks the signed-in person to confirm erasing their account.
func (h *Handler) showEraseMe(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	h.renderErase(w, r, http.StatusOK, nil, "/account/erase", "/account/data")
}

// renderErase writes the page confirming an erasure.
func (h *Handler) renderErase(w http.ResponseWriter, r *http.Request, status int, f *form, action, back string) {
	p := h.newPage(r, "page.erase.title", struct{ Action, Back string }{action, back})
	p.Form = f
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, status, "erase", p)
}

// eraseMe erases the signed-in person and shows what was kept and why.
func (h *Handler) eraseMe(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "confirm")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	out, err := h.Privacy.EraseMe(r.Context(), u, f.Values["confirm"] == "yes")
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderErase(w, r, status, f, "/account/erase", "/account/data") })
		return
	}
	h.clearSession(w)
	h.renderErased(w, r, out)
}

// renderErased writes what an erasure removed and what it kept.
func (h *Handler) renderErased(w http.ResponseWriter, r *http.Request, out *symposium.Erasure) {
	p := h.newPage(r, "page.erased.title", out)
	p.User = nil
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, http.StatusOK, "erased", p)
}

// showPersonData shows an administrator everything held about a person.
func (h *Handler) showPersonData(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	id := r.PathValue("id")
	d, err := h.Privacy.PersonData(r.Context(), symposium.UserFromContext(r.Context()), id)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.newPage(r, "page.person_data.title", dataView{Data: d, Base: "/people/" + id + "/data", EraseURL: "/people/" + id + "/erase"})
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, http.StatusOK, "my_data", p)
}

// downloadPersonData sends an administrator a person's data as JSON.
func (h *Handler) downloadPersonData(w http.ResponseWriter, r *http.Request) {
	d, err := h.Privacy.PersonData(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	writeDataFile(w, d)
}

// showErasePerson asks an administrator to confirm erasing a person.
func (h *Handler) showErasePerson(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	id := r.PathValue("id")
	if _, err := h.Privacy.PersonData(r.Context(), symposium.UserFromContext(r.Context()), id); err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderErase(w, r, http.StatusOK, nil, "/people/"+id+"/erase", "/people/"+id+"/data")
}

// erasePerson erases a person for an administrator and shows the result.
func (h *Handler) erasePerson(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	id := r.PathValue("id")
	f, err := readForm(w, r, "confirm")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	out, err := h.Privacy.ErasePerson(r.Context(), u, id, f.Values["confirm"] == "yes")
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			h.renderErase(w, r, status, f, "/people/"+id+"/erase", "/people/"+id+"/data")
		})
		return
	}
	p := h.newPage(r, "page.erased.title", out)
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, http.StatusOK, "erased", p)
}
