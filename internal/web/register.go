package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"symposium"
	"symposium/internal/registration"
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
	u := symposium.UserFromContext(r.Context())
	rf, err := h.Registration.Form(r.Context(), u, r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f := newForm()
	if u != nil {
		f.Values["email"], f.Values["name"] = u.Email, u.Name
	}
	h.renderRegister(w, r, rf, http.StatusOK, f)
}

// renderRegisterAgain shows the registration form again with a refused
// submission.
func (h *Handler) renderRegisterAgain(w http.ResponseWriter, r *http.Request, status int, f *form) {
	rf, err := h.Registration.Form(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderRegister(w, r, rf, status, f)
}

func (h *Handler) renderRegister(w http.ResponseWriter, r *http.Request, rf *registration.Form, status int, f *form) {
	v := registerView{Questions: rf.Questions}
	now := time.Now()
	for _, c := range rf.Categories {
		ch := categoryChoice{Category: c, Open: c.IsOpen(now) && rf.Event.TakesRegistrations(now)}
		if c.Capacity != nil {
			ch.Left = max(0, *c.Capacity-c.Confirmed)
			ch.Full = ch.Left == 0
		}
		v.Categories = append(v.Categories, ch)
	}
	p := h.eventPage(r, &eventData{Event: rf.Event, Access: rf.Access}, "register", v)
	p.Form = f
	h.render(w, r, status, "register", p)
}

// register registers the person who filled the form and shows them their
// registration.
func (h *Handler) register(w http.ResponseWriter, r *http.Request) {
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
		Listed: r.PostForm.Get("listed") == "yes", Answers: answersFromForm(r, f), PhotoConsent: r.PostForm.Get("photo_consent")}
	f.Values["photo_consent"] = reg.PhotoConsent
	rp, manage, err := h.Registration.Register(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), reg)
	if err != nil {
		h.formFailed(w, r, f, renamePrefix(err, "name."+lang, "name"), func(status int) { h.renderRegisterAgain(w, r, status, f) })
		return
	}
	if reg.EmailConfirmed {
		redirect(w, r, "/registrations/manage?"+url.Values{"token": {manage}}.Encode())
		return
	}
	// The manage link goes only to the address: opening it there is what
	// proves the address, so this page only says where to look.
	p := h.eventPage(r, &eventData{Event: rp.Event, Access: rp.Access}, "register", checkMailView{Registration: reg, Category: rp.Category})
	h.render(w, r, http.StatusOK, "check_mail", p)
}

// checkMailView is the page that sends a registrant to their mail: the
// registration as far as it is known, and its category.
type checkMailView struct {
	*symposium.Registration
	Category *symposium.Category
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
	if r.Method == http.MethodPost {
		h.changeOwnRegistration(w, r)
		return
	}
	token := r.URL.Query().Get("token")
	m, err := h.Registration.Manage(r.Context(), symposium.UserFromContext(r.Context()), token)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderManage(w, r, m, token, http.StatusOK, newForm())
}

// changeOwnRegistration carries out what the registrant asked on their
// page: cancel, send a new link, answer photo consent, or save their
// details.
func (h *Handler) changeOwnRegistration(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "token", "action", "name", "organization", "country")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ctx, u, token := r.Context(), symposium.UserFromContext(r.Context()), f.Values["token"]
	back := "/registrations/manage?" + url.Values{"token": {token}}.Encode()
	switch f.Values["action"] {
	case "cancel":
		err = h.Registration.CancelOwn(ctx, u, token)
	case "photo_consent":
		_, err = h.Registration.SetOwnPhotoConsent(ctx, u, token, r.PostForm.Get("photo_consent"), symposium.LanguageFromContext(ctx))
	case "renew":
		var e *symposium.Event
		if e, err = h.Registration.RenewLink(ctx, u, token); err == nil {
			redirect(w, r, "/events/"+e.Slug)
			return
		}
	default:
		lang := symposium.LanguageFromContext(ctx)
		answers := answersFromForm(r, f)
		m, err := h.Registration.UpdateOwn(ctx, u, token, func(reg *symposium.Registration) {
			if f.Values["name"] != "" {
				reg.Name[lang] = f.Values["name"]
			}
			reg.Organization, reg.Country, reg.Listed = f.Values["organization"], f.Values["country"], r.PostForm.Get("listed") == "yes"
			reg.Answers = answers
		})
		if err != nil && m != nil {
			h.formFailed(w, r, f, err, func(status int) { h.renderManage(w, r, m, token, status, f) })
			return
		}
		if err != nil {
			h.Error(w, r, err)
			return
		}
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, back)
}

func (h *Handler) renderManage(w http.ResponseWriter, r *http.Request, m *registration.Managed, token string, status int, f *form) {
	reg := m.Registration
	v := manageView{Registration: reg, Category: m.Category, Questions: m.Questions, Token: token}
	if f.Values["organization"] == "" && f.Summary == "" {
		f.Values["organization"], f.Values["country"] = reg.Organization, reg.Country
		for k, a := range reg.Answers {
			f.Values["answers."+k] = a
		}
		if reg.Listed {
			f.Values["listed"] = "yes"
		}
	}
	p := h.eventPage(r, &eventData{Event: m.Event, Access: m.Access}, "register", nil)
	if reg.Ticket != "" {
		qr, err := ticketQR(reg.Ticket, p.L.T("manage.qr_label"))
		if err != nil {
			h.Error(w, r, err)
			return
		}
		v.QR = qr
	}
	p.Data = v
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
	f, err := readForm(w, r, "email")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	rp, err := h.Registration.ResendLink(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), f.Values["email"])
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ed := &eventData{Event: rp.Event, Access: rp.Access}
	h.render(w, r, http.StatusOK, "check_mail", h.eventPage(r, ed, "register", checkMailView{Registration: &symposium.Registration{Email: f.Values["email"]}}))
}
