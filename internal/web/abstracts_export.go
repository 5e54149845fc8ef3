package web

import (
	"bytes"
	"net/http"

	"symposium"
	"symposium/internal/book"
	"symposium/internal/export"
)

// exportAbstracts downloads the abstracts or the reviews of an event as
// CSV or XLSX. Managers get every abstract, with authors and scores, and
// every review; a reviewer gets the abstracts they may review, blind if
// the call is.
func (h *Handler) exportAbstracts(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	ed := h.loadEvent(w, r)
	if ed == nil {
		return
	}
	kind, format := r.PathValue("kind"), r.PathValue("format")
	manager := ed.Access.CanManage()
	if (format != "csv" && format != "xlsx") || (kind != "abstracts" && kind != "reviews") ||
		(!manager && (kind != "abstracts" || !ed.Access.Has(symposium.RoleReviewer))) {
		h.notFound(w, r)
		return
	}
	l := h.I18n.For(symposium.LanguageFromContext(r.Context()))
	var t export.Table
	var err error
	switch {
	case kind == "reviews":
		t, err = h.Review.ReviewsTable(r.Context(), ed.Event, l)
	case manager:
		t, err = h.Review.AbstractsTable(r.Context(), ed.Event, l, nil)
	default:
		t, err = h.Review.AbstractsTable(r.Context(), ed.Event, l, symposium.UserFromContext(r.Context()))
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.writeTable(w, r, t, format, ed.Event.Slug+"-"+kind)
}

// writeTable sends a table as a CSV or XLSX download named name.
func (h *Handler) writeTable(w http.ResponseWriter, r *http.Request, t export.Table, format, name string) {
	var buf bytes.Buffer
	var err error
	if format == "csv" {
		err = export.WriteCSV(&buf, t)
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	} else {
		err = export.WriteXLSX(&buf, "Abstracts", t)
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.`+format+`"`)
	_, _ = buf.WriteTo(w)
}

// bookOfAbstracts sends the book of abstracts as a PDF in the language
// ?lang= names (the reader's by default): for managers always, and for
// anyone who may see the event once decisions were released, since it
// holds only accepted, released abstracts.
func (h *Handler) bookOfAbstracts(w http.ResponseWriter, r *http.Request) {
	ed := h.loadEvent(w, r)
	if ed == nil {
		return
	}
	if !ed.Access.CanManage() {
		released, err := h.anyReleased(r, ed.Event.ID)
		if err != nil || !released {
			h.Error(w, r, orNotFound(err))
			return
		}
	}
	lang := r.URL.Query().Get("lang")
	if !symposium.IsLanguage(lang) {
		lang = symposium.LanguageFromContext(r.Context())
	}
	b, err := h.Review.Book(r.Context(), ed.Event, h.I18n.For(lang))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := book.Write(&buf, b); err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="`+ed.Event.Slug+`-abstracts-`+lang+`.pdf"`)
	_, _ = buf.WriteTo(w)
}

// anyReleased reports whether an event's decisions were released.
func (h *Handler) anyReleased(r *http.Request, eventID string) (bool, error) {
	all, err := h.Store.EventAbstractsBrief(r.Context(), eventID)
	if err != nil {
		return false, err
	}
	for _, a := range all {
		if a.Decision != nil && a.Decision.Released {
			return true, nil
		}
	}
	return false, nil
}
