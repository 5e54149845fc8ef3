package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"symposium"
)

// formView is the organizers' editor of the registration form: its
// questions and the key of the one being edited, if any.
type formView struct {
	Questions []symposium.Question
	Editing   string
}

// showFormEditor lists the registration form's questions, each with its
// own edit link, with a form to add one, or, with ?edit=KEY, to change
// that question.
func (h *Handler) showFormEditor(w http.ResponseWriter, r *http.Request) {
	h.renderFormEditor(w, r, http.StatusOK, nil)
}

// renderFormEditor renders the editor; f holds a submitted form that
// failed, or is nil for a fresh page, where an edited question's form is
// filled with what it holds.
func (h *Handler) renderFormEditor(w http.ResponseWriter, r *http.Request, status int, f *form) {
	rf, err := h.Registration.FormEditor(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	editing := r.URL.Query().Get("edit")
	if f != nil {
		editing = f.Values["edit"]
	}
	i := questionIndex(rf.Questions, editing)
	if i < 0 {
		editing = ""
	}
	if f == nil {
		f = newForm()
		if i >= 0 {
			fillQuestion(f, rf.Questions[i], symposium.LanguageFromContext(r.Context()))
		}
	}
	p := h.eventPage(r, &eventData{Event: rf.Event, Access: rf.Access}, "registrations", formView{Questions: rf.Questions, Editing: editing})
	p.Form = f
	h.render(w, r, status, "form_editor", p)
}

// editForm adds a question to the registration form, changes one
// (edit=KEY; its short name stays, as answers are kept under it), moves
// one up (up=KEY) or removes one (remove=KEY). Options are written one a
// line, as "value: label", the label in the page's language.
func (h *Handler) editForm(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "key", "kind", "options", "remove", "edit", "up")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	slug := r.PathValue("slug")
	at := -1
	_, err = h.Registration.SetQuestions(r.Context(), symposium.UserFromContext(r.Context()), slug, func(qs []symposium.Question) []symposium.Question {
		var out []symposium.Question
		out, at = changeQuestions(qs, f, questionFromForm(r, f), symposium.LanguageFromContext(r.Context()))
		return out
	})
	if err != nil {
		h.formFailed(w, r, f, questionFields(err, at), func(status int) { h.renderFormEditor(w, r, status, f) })
		return
	}
	redirect(w, r, "/events/"+slug+"/registration-form")
}

// changeQuestions applies the form's change to the questions and returns
// them with the index of the question the form wrote (-1 for a move or a
// removal). An unknown key leaves the questions as they are.
func changeQuestions(qs []symposium.Question, f *form, q symposium.Question, lang string) ([]symposium.Question, int) {
	qs = slices.Clone(qs)
	switch {
	case f.Values["remove"] != "":
		return slices.DeleteFunc(qs, func(q symposium.Question) bool { return q.Key == f.Values["remove"] }), -1
	case f.Values["up"] != "":
		if i := questionIndex(qs, f.Values["up"]); i > 0 {
			qs[i-1], qs[i] = qs[i], qs[i-1]
		}
		return qs, -1
	case f.Values["edit"] != "":
		i := questionIndex(qs, f.Values["edit"])
		if i < 0 {
			return qs, -1
		}
		q.Key = qs[i].Key
		q.Options = keepOptionLabels(qs[i].Options, q.Options, lang)
		qs[i] = q
		return qs, i
	}
	return append(qs, q), len(qs)
}

// keepOptionLabels gives each edited option the labels in other languages
// its value had before, so that editing in one language loses none.
func keepOptionLabels(before, after []symposium.Option, lang string) []symposium.Option {
	for i, o := range after {
		for _, b := range before {
			if b.Value != o.Value {
				continue
			}
			label := symposium.LocalizedText{}
			for l, text := range b.Label {
				label[l] = text
			}
			if text := o.Label[lang]; text != "" {
				label[lang] = text
			}
			after[i].Label = label
		}
	}
	return after
}

// questionIndex returns the index of the question with the key, or -1.
func questionIndex(qs []symposium.Question, key string) int {
	if key == "" {
		return -1
	}
	return slices.IndexFunc(qs, func(q symposium.Question) bool { return q.Key == key })
}

// fillQuestion puts a question into the form's values, its options'
// labels in the page's language only (an option without one shows none,
// and keeps its other languages' when saved).
func fillQuestion(f *form, q symposium.Question, lang string) {
	f.Values["key"], f.Values["kind"], f.Values["edit"] = q.Key, q.Kind, q.Key
	if q.Required {
		f.Values["required"] = "yes"
	}
	fillLocalized(f, "label", q.Label)
	var lines []string
	for _, o := range q.Options {
		lines = append(lines, o.Value+": "+o.Label[lang])
	}
	f.Values["options"] = strings.Join(lines, "\n")
}

// questionFromForm reads the question being added or changed.
func questionFromForm(r *http.Request, f *form) symposium.Question {
	if r.PostForm.Get("required") == "yes" {
		f.Values["required"] = "yes"
	}
	q := symposium.Question{Key: f.Values["key"], Kind: f.Values["kind"], Label: localizedField(r, f, "label"), Required: f.Values["required"] == "yes"}
	for _, line := range strings.Split(f.Values["options"], "\n") {
		if value, text, ok := strings.Cut(line, ":"); ok {
			q.Options = append(q.Options, symposium.Option{Value: strings.TrimSpace(value), Label: symposium.Text(symposium.LanguageFromContext(r.Context()), strings.TrimSpace(text))})
		}
	}
	return q
}

// questionFields renames the fields of the question at index i,
// "questions.N.label.en", to the form's own, "label.en".
func questionFields(err error, i int) error {
	e := symposium.AsError(err)
	if e == nil || i < 0 {
		return err
	}
	prefix := "questions." + strconv.Itoa(i) + "."
	for j, f := range e.Fields {
		e.Fields[j].Field = strings.TrimPrefix(f.Field, prefix)
	}
	return e
}
