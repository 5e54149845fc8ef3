package web

import (
	"bytes"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"symposium"
	"symposium/internal/export"
	"symposium/internal/registration"
	"symposium/internal/store"
)

// registrationsView is the managers' list of registrations.
type registrationsView struct {
	Stats      []categoryStats
	List       []symposium.Registration
	Names      map[string]string
	Filter     store.RegistrationQuery
	Next       string
	Query      string // the filters as a query string, for the export links
	BulkResult string
	// Confirm asks before a bulk change that cannot be undone.
	Confirm *bulkConfirm
}

// bulkConfirm is the question asked before rejecting or cancelling
// registrations in bulk (WCAG 3.3.4), with what to send again.
type bulkConfirm struct {
	Action   string
	IDs      []string
	Question string
}

// irreversibleActions are the bulk changes asked about first.
var irreversibleActions = map[string]string{"reject": "registrations.confirm_reject", "cancel": "registrations.confirm_cancel"}

// categoryStats is one category's live counts.
type categoryStats struct {
	Name string
	store.CategoryStats
	Capacity *int
}

// registrationFilter reads the list's filters from the request.
func registrationFilter(r *http.Request) store.RegistrationQuery {
	q := r.URL.Query()
	f := store.RegistrationQuery{Status: q.Get("status"), CategoryID: q.Get("category"), Text: q.Get("q"), Limit: 100, Cursor: q.Get("cursor")}
	if _, ok := registrationStatusKeys[f.Status]; !ok {
		f.Status = ""
	}
	return f
}

// showRegistrations is the managers' list: live counts per category, the
// registrations with filters and search, bulk approval, and exports.
func (h *Handler) showRegistrations(w http.ResponseWriter, r *http.Request) {
	o, err := h.Registration.Overview(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), registrationFilter(r))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderRegistrations(w, r, o, "")
}

func (h *Handler) renderRegistrations(w http.ResponseWriter, r *http.Request, o *registration.Overview, bulk string) {
	h.renderRegistrationsAsking(w, r, o, bulk, nil)
}

// renderRegistrationsAsking renders the list, with a question to confirm
// a bulk change when confirm is set.
func (h *Handler) renderRegistrationsAsking(w http.ResponseWriter, r *http.Request, o *registration.Overview, bulk string, confirm *bulkConfirm) {
	p := h.eventPage(r, &eventData{Event: o.Event, Access: o.Access}, "registrations", nil)
	v := registrationsView{Names: map[string]string{}, Filter: o.Query, BulkResult: bulk, List: o.List, Next: o.Next, Confirm: confirm}
	if confirm != nil {
		confirm.Question = p.L.N(irreversibleActions[confirm.Action], len(confirm.IDs))
	}
	for _, c := range o.Categories {
		v.Names[c.ID] = p.Plain(c.Name)
		cs := categoryStats{Name: p.Plain(c.Name), Capacity: c.Capacity}
		if st := o.Stats[c.ID]; st != nil {
			cs.CategoryStats = *st
		}
		v.Stats = append(v.Stats, cs)
	}
	v.Query = url.Values{"status": {v.Filter.Status}, "category": {v.Filter.CategoryID}, "q": {v.Filter.Text}}.Encode()
	p.Data = v
	h.render(w, r, http.StatusOK, "registrations", p)
}

// bulkChange approves, rejects or cancels the chosen registrations, and
// says how many changed and how many could not.
func (h *Handler) bulkChange(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "action")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ctx, u, slug := r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug")
	if _, ask := irreversibleActions[f.Values["action"]]; ask && len(r.PostForm["ids"]) > 0 && r.PostForm.Get("confirmed") != "yes" {
		o, err := h.Registration.Overview(ctx, u, slug, registrationFilter(r))
		if err != nil {
			h.Error(w, r, err)
			return
		}
		h.renderRegistrationsAsking(w, r, o, "", &bulkConfirm{Action: f.Values["action"], IDs: r.PostForm["ids"]})
		return
	}
	b, err := h.Registration.BulkChange(ctx, u, slug, r.PostForm["ids"], f.Values["action"])
	if err != nil {
		h.Error(w, r, err)
		return
	}
	o, err := h.Registration.Overview(ctx, u, slug, registrationFilter(r))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	l := h.I18n.For(symposium.LanguageFromContext(ctx))
	h.renderRegistrations(w, r, o, l.T("registrations.bulk_result", "Done", b.Done, "Refused", b.Refused))
}

// exportRegistrations downloads the filtered registrations as CSV or XLSX:
// names in every script, answers as columns.
func (h *Handler) exportRegistrations(w http.ResponseWriter, r *http.Request) {
	o, err := h.Registration.Export(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), registrationFilter(r))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	format := r.PathValue("format")
	if format != "csv" && format != "xlsx" {
		h.notFound(w, r)
		return
	}
	p := h.eventPage(r, &eventData{Event: o.Event, Access: o.Access}, "registrations", nil)
	t := registrationTable(o, p)
	var buf bytes.Buffer
	if format == "csv" {
		err = export.WriteCSV(&buf, t)
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	} else {
		err = export.WriteXLSX(&buf, p.L.T("event.tab.registrations"), t)
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+o.Event.Slug+`-registrations.`+format+`"`)
	_, _ = buf.WriteTo(w)
}

// registrationTable writes the registrations of an export as a table:
// names in every script, answers as columns.
func registrationTable(o *registration.Overview, p *page) export.Table {
	names := map[string]string{}
	for _, c := range o.Categories {
		names[c.ID] = p.Plain(c.Name)
	}
	e, all := o.Event, o.List
	keys := answerKeys(all)
	questions := map[string]*symposium.Question{}
	for i := range o.Questions {
		questions[o.Questions[i].Key] = &o.Questions[i]
	}
	l := p.L
	nameIn := func(lang string) string { return l.T("registrations.col.name_in", "Lang", l.LanguageName(lang)) }
	t := export.Table{Header: []string{"id", l.T("registrations.col.status"), l.T("register.category"), nameIn("en"), nameIn("zh"),
		nameIn("kk"), nameIn("ru"), l.T("registrations.col.name_latin"), l.T("form.email"), l.T("register.organization"),
		l.T("registrations.col.country"), l.T("registrations.col.registered"), l.T("registrations.col.checked_in")}}
	t.Header = append(t.Header, keys...)
	loc := e.Location()
	for _, reg := range all {
		row := []string{reg.ID, l.T(label("registration_status", reg.Status)), names[reg.CategoryID], reg.Name["en"], reg.Name["zh"],
			reg.Name["kk"], reg.Name["ru"], latinName(reg.Name), reg.Email, reg.Organization, reg.Country, reg.CreatedAt.In(loc).Format(time.DateTime), ""}
		if reg.CheckedInAt != nil {
			row[12] = reg.CheckedInAt.In(loc).Format(time.DateTime)
		}
		for _, k := range keys {
			row = append(row, answerText(p, questions[k], reg.Answers[k]))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// answerText writes an answer as the reader reads it: yes or no in their
// language, the label of a choice rather than its value; an answer to a
// question no longer on the form stays as it was given.
func answerText(p *page, q *symposium.Question, answer string) string {
	if q == nil || answer == "" {
		return answer
	}
	switch q.Kind {
	case symposium.QuestionYesNo, symposium.QuestionConsent:
		return p.L.T(symposium.YesNoKeys[answer == "yes"])
	case symposium.QuestionChoice, symposium.QuestionMultiple:
		var out []string
		for _, v := range strings.Split(answer, ",") {
			out = append(out, optionLabel(p, q, strings.TrimSpace(v)))
		}
		return strings.Join(out, ", ")
	}
	return answer
}

// optionLabel returns the label of a choice's value, or the value if the
// form no longer offers it.
func optionLabel(p *page, q *symposium.Question, value string) string {
	for _, o := range q.Options {
		if o.Value == value {
			if label := p.Plain(o.Label); label != "" {
				return label
			}
		}
	}
	return value
}

// answerKeys lists the questions answered in any registration, sorted.
func answerKeys(list []symposium.Registration) []string {
	seen := map[string]bool{}
	var keys []string
	for _, r := range list {
		for k := range r.Answers {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}
