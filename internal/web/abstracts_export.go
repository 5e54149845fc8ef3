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
	format := r.PathValue("format")
	if format != "csv" && format != "xlsx" {
		h.notFound(w, r)
		return
	}
	kind := r.PathValue("kind")
	l := h.I18n.For(symposium.LanguageFromContext(r.Context()))
	e, t, err := h.Review.Export(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), kind, l)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	sheet := l.T("event.tab.decisions")
	if kind == "reviews" {
		sheet = l.T("abstract.reviews")
	}
	h.writeTable(w, r, t, format, e.Slug+"-"+kind, sheet)
}

// writeTable sends a table as a CSV or XLSX download named name, its
// spreadsheet's sheet named sheet in the reader's language.
func (h *Handler) writeTable(w http.ResponseWriter, r *http.Request, t export.Table, format, name, sheet string) {
	var buf bytes.Buffer
	var err error
	if format == "csv" {
		err = export.WriteCSV(&buf, t)
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	} else {
		err = export.WriteXLSX(&buf, sheet, t)
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
	lang := r.URL.Query().Get("lang")
	if !symposium.IsLanguage(lang) {
		lang = symposium.LanguageFromContext(r.Context())
	}
	e, b, err := h.Review.Book(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), h.I18n.For(lang))
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
	w.Header().Set("Content-Disposition", `inline; filename="`+e.Slug+`-abstracts-`+lang+`.pdf"`)
	_, _ = buf.WriteTo(w)
}
