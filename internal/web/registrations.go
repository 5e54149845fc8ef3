package web

import (
	"bytes"
	"net/http"
	"net/url"
	"sort"
	"time"

	"symposium"
	"symposium/internal/export"
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
}

// categoryStats is one category's live counts.
type categoryStats struct {
	Name string
	store.CategoryStats
	Capacity *int
}

// registrationFilter reads the list's filters from the request.
func registrationFilter(r *http.Request, eventID string) store.RegistrationQuery {
	q := r.URL.Query()
	f := store.RegistrationQuery{EventID: eventID, Status: q.Get("status"), CategoryID: q.Get("category"), Text: q.Get("q"), Limit: 100, Cursor: q.Get("cursor")}
	if _, ok := registrationStatusKeys[f.Status]; !ok {
		f.Status = ""
	}
	return f
}

// showRegistrations is the managers' list: live counts per category, the
// registrations with filters and search, bulk approval, and exports.
func (h *Handler) showRegistrations(w http.ResponseWriter, r *http.Request) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	h.renderRegistrations(w, r, ed, http.StatusOK, "")
}

func (h *Handler) renderRegistrations(w http.ResponseWriter, r *http.Request, ed *eventData, status int, bulk string) {
	ctx := r.Context()
	p := h.eventPage(r, ed, "registrations", nil)
	cats, err := h.Store.Categories(ctx, ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	stats, err := h.Store.RegistrationStats(ctx, ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := registrationsView{Names: map[string]string{}, Filter: registrationFilter(r, ed.Event.ID), BulkResult: bulk}
	for _, c := range cats {
		v.Names[c.ID] = p.Plain(c.Name)
		cs := categoryStats{Name: p.Plain(c.Name), Capacity: c.Capacity}
		if st := stats[c.ID]; st != nil {
			cs.CategoryStats = *st
		}
		v.Stats = append(v.Stats, cs)
	}
	if v.List, v.Next, err = h.Store.Registrations(ctx, v.Filter); err != nil {
		h.Error(w, r, err)
		return
	}
	v.Query = url.Values{"status": {v.Filter.Status}, "category": {v.Filter.CategoryID}, "q": {v.Filter.Text}}.Encode()
	p.Data = v
	h.render(w, r, status, "registrations", p)
}

// bulkChange approves, rejects or cancels the chosen registrations, and
// says how many changed and how many could not.
func (h *Handler) bulkChange(w http.ResponseWriter, r *http.Request) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	f, err := readForm(w, r, "action")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	action := f.Values["action"]
	if action != store.ChangeApprove && action != store.ChangeReject && action != store.ChangeCancel {
		h.Error(w, r, symposium.Errorf(symposium.EINVALID, "error.field.invalid"))
		return
	}
	done, refused := 0, 0
	for _, id := range r.PostForm["ids"] {
		if _, err := h.Registration.Change(r.Context(), ed.Event, id, action); err != nil {
			if symposium.AsError(err) == nil {
				h.Error(w, r, err)
				return
			}
			refused++
			continue
		}
		done++
	}
	l := h.I18n.For(symposium.LanguageFromContext(r.Context()))
	h.renderRegistrations(w, r, ed, http.StatusOK, l.T("registrations.bulk_result", "Done", done, "Refused", refused))
}

// exportRegistrations downloads the filtered registrations as CSV or XLSX:
// names in every script, answers as columns.
func (h *Handler) exportRegistrations(w http.ResponseWriter, r *http.Request) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	format := r.PathValue("format")
	if format != "csv" && format != "xlsx" {
		h.notFound(w, r)
		return
	}
	p := h.eventPage(r, ed, "registrations", nil)
	t, err := h.registrationTable(r, ed.Event, p)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	var buf bytes.Buffer
	if format == "csv" {
		err = export.WriteCSV(&buf, t)
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	} else {
		err = export.WriteXLSX(&buf, "Registrations", t)
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+ed.Event.Slug+`-registrations.`+format+`"`)
	_, _ = buf.WriteTo(w)
}

// registrationTable gathers every registration the filters select.
func (h *Handler) registrationTable(r *http.Request, e *symposium.Event, p *page) (export.Table, error) {
	ctx := r.Context()
	cats, err := h.Store.Categories(ctx, e.ID)
	if err != nil {
		return export.Table{}, err
	}
	names := map[string]string{}
	for _, c := range cats {
		names[c.ID] = p.Plain(c.Name)
	}
	q := registrationFilter(r, e.ID)
	q.Limit, q.Cursor = 1000, ""
	var all []symposium.Registration
	for {
		page, next, err := h.Store.Registrations(ctx, q)
		if err != nil {
			return export.Table{}, err
		}
		all = append(all, page...)
		if next == "" {
			break
		}
		q.Cursor = next
	}
	keys := answerKeys(all)
	l := p.L
	t := export.Table{Header: []string{"id", l.T("registrations.col.status"), l.T("register.category"), "name (en)", "name (zh)",
		"name (kk)", "name (ru)", "name (Latin)", l.T("form.email"), l.T("register.organization"), l.T("registrations.col.country"),
		l.T("registrations.col.registered"), l.T("registrations.col.checked_in")}}
	t.Header = append(t.Header, keys...)
	loc := e.Location()
	for _, reg := range all {
		row := []string{reg.ID, l.T(label("registration_status", reg.Status)), names[reg.CategoryID], reg.Name["en"], reg.Name["zh"],
			reg.Name["kk"], reg.Name["ru"], latinName(reg.Name), reg.Email, reg.Organization, reg.Country, reg.CreatedAt.In(loc).Format(time.DateTime), ""}
		if reg.CheckedInAt != nil {
			row[12] = reg.CheckedInAt.In(loc).Format(time.DateTime)
		}
		for _, k := range keys {
			row = append(row, reg.Answers[k])
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
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
