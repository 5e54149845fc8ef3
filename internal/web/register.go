package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"symposium"
	"symposium/internal/qrcode"
	"symposium/internal/secret"
	"symposium/internal/store"
)

// registerView is the registration form of an event.
type registerView struct {
	Categories []categoryChoice
	Questions  []symposium.Question
}

// categoryChoice is a category as the form offers it.
type categoryChoice struct {
	symposium.Category
	Open, Full bool
	Left       int
}

// registerForm shows the form to register for an event.
func (h *Handler) registerForm(w http.ResponseWriter, r *http.Request) {
	ed := h.loadEvent(w, r)
	if ed == nil {
		return
	}
	f := newForm()
	if u := symposium.UserFromContext(r.Context()); u != nil {
		f.Values["email"], f.Values["name"] = u.Email, u.Name
	}
	h.renderRegister(w, r, ed, http.StatusOK, f)
}

func (h *Handler) renderRegister(w http.ResponseWriter, r *http.Request, ed *eventData, status int, f *form) {
	cats, err := h.Store.Categories(r.Context(), ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	qs, err := h.Store.Questions(r.Context(), ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := registerView{Questions: qs}
	now := time.Now()
	for _, c := range cats {
		ch := categoryChoice{Category: c, Open: c.IsOpen(now)}
		if c.Capacity != nil {
			ch.Left = max(0, *c.Capacity-c.Confirmed)
			ch.Full = ch.Left == 0
		}
		v.Categories = append(v.Categories, ch)
	}
	p := h.eventPage(r, ed, "register", v)
	p.Form = f
	h.render(w, r, status, "register", p)
}

// register registers the person who filled the form and shows them their
// registration.
func (h *Handler) register(w http.ResponseWriter, r *http.Request) {
	ed := h.loadEvent(w, r)
	if ed == nil {
		return
	}
	f, err := readForm(w, r, "category_id", "name", "name_latin", "email", "organization", "country")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	lang := symposium.LanguageFromContext(r.Context())
	name := symposium.LocalizedText{}
	if f.Values["name"] != "" {
		name[lang] = f.Values["name"]
	}
	if f.Values["name_latin"] != "" && lang != "en" {
		name["en"] = f.Values["name_latin"]
	}
	reg := &symposium.Registration{CategoryID: f.Values["category_id"], Email: f.Values["email"], Name: name,
		Organization: f.Values["organization"], Country: f.Values["country"], Language: lang,
		Listed: r.PostForm.Get("listed") == "yes", Answers: answersFromForm(r, f)}
	manage, err := h.Registration.Register(r.Context(), ed.Event, reg)
	if err != nil {
		h.formFailed(w, r, f, renamePrefix(err, "name."+lang, "name"), func(status int) { h.renderRegister(w, r, ed, status, f) })
		return
	}
	if reg.EmailConfirmed {
		redirect(w, r, "/registrations/manage?"+url.Values{"token": {manage}}.Encode())
		return
	}
	// The manage link goes only to the address: opening it there is what
	// proves the address, so this page only says where to look.
	p := h.eventPage(r, ed, "register", reg)
	h.render(w, r, http.StatusOK, "check_mail", p)
}

// manageView is a registrant's own page.
type manageView struct {
	Registration *symposium.Registration
	Category     *symposium.Category
	Questions    []symposium.Question
	Token        string
	QR           template.HTML
}

// manageRegistration shows a registrant their registration, its ticket and
// ways to change or cancel it, through the secret link they were mailed.
// Opening the link confirms the address, which keeps a held seat.
func (h *Handler) manageRegistration(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	var f *form
	if r.Method == http.MethodPost {
		var err error
		if f, err = readForm(w, r, "token", "action", "name", "organization", "country"); err != nil {
			h.Error(w, r, err)
			return
		}
		token = f.Values["token"]
	}
	reg, err := h.Store.RegistrationByManageToken(r.Context(), secret.Hash(token))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	e, err := h.Store.EventByID(r.Context(), reg.EventID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if err := h.Registration.Confirm(r.Context(), token); err != nil {
		h.Error(w, r, err)
		return
	}
	reg.EmailConfirmed, reg.HoldUntil = true, nil
	if r.Method == http.MethodPost {
		h.changeOwnRegistration(w, r, e, reg, f, token)
		return
	}
	h.renderManage(w, r, e, reg, token, http.StatusOK, newForm())
}

// changeOwnRegistration carries out what the registrant asked on their
// page: cancel, send a new link, or save their details.
func (h *Handler) changeOwnRegistration(w http.ResponseWriter, r *http.Request, e *symposium.Event, reg *symposium.Registration, f *form, token string) {
	back := "/registrations/manage?" + url.Values{"token": {token}}.Encode()
	var err error
	switch f.Values["action"] {
	case "cancel":
		_, err = h.Registration.Change(r.Context(), e, reg.ID, store.ChangeCancel)
	case "renew":
		if err = h.Registration.RenewLink(r.Context(), e, reg.ID); err == nil {
			redirect(w, r, "/events/"+e.Slug)
			return
		}
	default:
		lang := symposium.LanguageFromContext(r.Context())
		if f.Values["name"] != "" {
			reg.Name[lang] = f.Values["name"]
		}
		reg.Organization, reg.Country, reg.Listed = f.Values["organization"], f.Values["country"], r.PostForm.Get("listed") == "yes"
		reg.Answers = answersFromForm(r, f)
		if err = h.Registration.UpdateDetails(r.Context(), e, reg); err != nil {
			h.formFailed(w, r, f, err, func(status int) { h.renderManage(w, r, e, reg, token, status, f) })
			return
		}
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, back)
}

func (h *Handler) renderManage(w http.ResponseWriter, r *http.Request, e *symposium.Event, reg *symposium.Registration, token string, status int, f *form) {
	v := manageView{Registration: reg, Token: token}
	qs, err := h.Store.Questions(r.Context(), e.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v.Questions = qs
	if f.Values["organization"] == "" && f.Summary == "" {
		f.Values["organization"], f.Values["country"] = reg.Organization, reg.Country
		for k, a := range reg.Answers {
			f.Values["answers."+k] = a
		}
		if reg.Listed {
			f.Values["listed"] = "yes"
		}
	}
	cats, err := h.Store.Categories(r.Context(), e.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	for i := range cats {
		if cats[i].ID == reg.CategoryID {
			v.Category = &cats[i]
		}
	}
	if reg.Ticket, err = h.Registration.Ticket(r.Context(), reg); err != nil {
		h.Error(w, r, err)
		return
	}
	if reg.Ticket != "" {
		svg, err := qrcode.SVG(reg.Ticket)
		if err != nil {
			h.Error(w, r, err)
			return
		}
		v.QR = template.HTML(svg)
	}
	ed := &eventData{Event: e, Access: symposium.Access{User: symposium.UserFromContext(r.Context())}}
	p := h.eventPage(r, ed, "register", v)
	p.Form = f
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, status, "manage", p)
}

// answersFromForm reads the answers to the form's questions: inputs named
// answer.KEY, several checked choices joined by commas. It keeps them on
// the form to show again.
func answersFromForm(r *http.Request, f *form) map[string]string {
	answers := map[string]string{}
	for name, values := range r.PostForm {
		key, ok := strings.CutPrefix(name, "answer.")
		if !ok {
			continue
		}
		a := strings.Join(values, ",")
		answers[key] = a
		f.Values["answers."+key] = a
	}
	if r.PostForm.Get("listed") == "yes" {
		f.Values["listed"] = "yes"
	}
	return answers
}

// resendLink mails a registrant a new manage link, and says the same
// whether or not the email is registered.
func (h *Handler) resendLink(w http.ResponseWriter, r *http.Request) {
	ed := h.loadEvent(w, r)
	if ed == nil {
		return
	}
	f, err := readForm(w, r, "email")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if err := h.Registration.ResendLink(r.Context(), ed.Event, f.Values["email"]); err != nil {
		h.Error(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "check_mail", h.eventPage(r, ed, "register", &symposium.Registration{Email: f.Values["email"]}))
}
