package web

import (
	"net/http"
	"strconv"
	"strings"

	"symposium"
	"symposium/internal/registration"
)

// showParticipants lists the confirmed registrants who agreed to appear.
func (h *Handler) showParticipants(w http.ResponseWriter, r *http.Request) {
	ps, err := h.Registration.Participants(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ed := &eventData{Event: ps.Event, Access: ps.Access}
	h.render(w, r, http.StatusOK, "participants", h.eventPage(r, ed, "participants", ps.List))
}

// formView is the organizers' editor of the registration form.
type formView struct {
	Questions []symposium.Question
}

// showFormEditor lists the registration form's questions, with a form to
// add one.
func (h *Handler) showFormEditor(w http.ResponseWriter, r *http.Request) {
	h.renderFormEditor(w, r, http.StatusOK, newForm())
}

func (h *Handler) renderFormEditor(w http.ResponseWriter, r *http.Request, status int, f *form) {
	rf, err := h.Registration.FormEditor(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderForm(w, r, rf, status, f)
}

func (h *Handler) renderForm(w http.ResponseWriter, r *http.Request, rf *registration.Form, status int, f *form) {
	p := h.eventPage(r, &eventData{Event: rf.Event, Access: rf.Access}, "registrations", formView{Questions: rf.Questions})
	p.Form = f
	h.render(w, r, status, "form_editor", p)
}

// editForm adds a question to the registration form, or removes one.
// Options are written one a line, as "value: label".
func (h *Handler) editForm(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "key", "kind", "options", "remove")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	slug := r.PathValue("slug")
	var last int
	_, err = h.Registration.SetQuestions(r.Context(), symposium.UserFromContext(r.Context()), slug, func(qs []symposium.Question) []symposium.Question {
		if key := f.Values["remove"]; key != "" {
			var kept []symposium.Question
			for _, q := range qs {
				if q.Key != key {
					kept = append(kept, q)
				}
			}
			return kept
		}
		last = len(qs)
		return append(qs, questionFromForm(r, f))
	})
	if err != nil {
		h.formFailed(w, r, f, lastQuestionFields(err, last), func(status int) { h.renderFormEditor(w, r, status, f) })
		return
	}
	redirect(w, r, "/events/"+slug+"/registration-form")
}

// questionFromForm reads the question being added.
func questionFromForm(r *http.Request, f *form) symposium.Question {
	q := symposium.Question{Key: f.Values["key"], Kind: f.Values["kind"], Label: localizedField(r, f, "label"), Required: r.PostForm.Get("required") == "yes"}
	for _, line := range strings.Split(f.Values["options"], "\n") {
		if value, text, ok := strings.Cut(line, ":"); ok {
			q.Options = append(q.Options, symposium.Option{Value: strings.TrimSpace(value), Label: symposium.Text(symposium.LanguageFromContext(r.Context()), strings.TrimSpace(text))})
		}
	}
	return q
}

// lastQuestionFields renames the fields of the question being added,
// "questions.N.label.en", to the form's own, "label.en".
func lastQuestionFields(err error, last int) error {
	e := symposium.AsError(err)
	if e == nil {
		return err
	}
	prefix := "questions." + strconv.Itoa(last) + "."
	for i, f := range e.Fields {
		e.Fields[i].Field = strings.TrimPrefix(f.Field, prefix)
	}
	return e
}
