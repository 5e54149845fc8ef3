package web

import (
	"net/http"
	"strconv"
	"strings"

	"symposium"
)

// showParticipants lists the confirmed registrants who agreed to appear.
func (h *Handler) showParticipants(w http.ResponseWriter, r *http.Request) {
	ed := h.loadEvent(w, r)
	if ed == nil {
		return
	}
	list, err := h.Store.Participants(r.Context(), ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "participants", h.eventPage(r, ed, "participants", list))
}

// formView is the organizers' editor of the registration form.
type formView struct {
	Questions []symposium.Question
}

// showFormEditor lists the registration form's questions, with a form to
// add one.
func (h *Handler) showFormEditor(w http.ResponseWriter, r *http.Request) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	h.renderFormEditor(w, r, ed, http.StatusOK, newForm())
}

func (h *Handler) renderFormEditor(w http.ResponseWriter, r *http.Request, ed *eventData, status int, f *form) {
	qs, err := h.Store.Questions(r.Context(), ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, ed, "registrations", formView{Questions: qs})
	p.Form = f
	h.render(w, r, status, "form_editor", p)
}

// editForm adds a question to the registration form, or removes one.
// Options are written one a line, as "value: label".
func (h *Handler) editForm(w http.ResponseWriter, r *http.Request) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	f, err := readForm(w, r, "key", "kind", "options", "remove")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	qs, err := h.Store.Questions(r.Context(), ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if key := f.Values["remove"]; key != "" {
		var kept []symposium.Question
		for _, q := range qs {
			if q.Key != key {
				kept = append(kept, q)
			}
		}
		qs = kept
	} else {
		q := symposium.Question{Key: f.Values["key"], Kind: f.Values["kind"], Label: localizedField(r, f, "label"), Required: r.PostForm.Get("required") == "yes"}
		for _, line := range strings.Split(f.Values["options"], "\n") {
			if value, text, ok := strings.Cut(line, ":"); ok {
				q.Options = append(q.Options, symposium.Option{Value: strings.TrimSpace(value), Label: symposium.Text(symposium.LanguageFromContext(r.Context()), strings.TrimSpace(text))})
			}
		}
		qs = append(qs, q)
	}
	var p symposium.Problems
	symposium.ValidateQuestions(&p, qs)
	if err = p.Err(); err == nil {
		err = h.Store.SetQuestions(r.Context(), ed.Event.ID, qs)
	}
	if err != nil {
		h.formFailed(w, r, f, lastQuestionFields(err, len(qs)-1), func(status int) { h.renderFormEditor(w, r, ed, status, f) })
		return
	}
	redirect(w, r, "/events/"+ed.Event.Slug+"/registration-form")
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
