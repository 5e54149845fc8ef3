package web

import (
	"html/template"
	"mime"
	"net/http"
	"slices"

	"symposium"
	"symposium/internal/i18n"
	"symposium/internal/outcomes"
)

// reportView is the report with its charts drawn for the reader.
type reportView struct {
	*outcomes.ReportView
	Headline []([2]string)
	Charts   []chartView
}

// chartView is one chart with the numbers of its table.
type chartView struct {
	Title string
	SVG   template.HTML
	Rows  [][2]string
}

// charts draws the report's charts in the reader's language.
func charts(l *i18n.Localizer, f *outcomes.Figures) []chartView {
	var out []chartView
	for _, c := range []struct {
		title string
		rows  []outcomes.Count
		name  func(string) string
	}{{l.T("report.by_country"), f.ByCountry, func(k string) string { return outcomes.CountryName(l, k) }},
		{l.T("report.by_kind"), f.ByKind, func(k string) string { return outcomes.KindName(l, k) }},
		{l.T("report.meetings_per_hour"), f.MeetingsPerHour, func(k string) string { return k }}} {
		if len(c.rows) == 0 {
			continue
		}
		cv := chartView{Title: c.title, SVG: outcomes.BarChart(c.title, c.rows, c.name)}
		for _, r := range c.rows {
			cv.Rows = append(cv.Rows, [2]string{c.name(r.Key), l.Number(int64(r.Count))})
		}
		out = append(out, cv)
	}
	return out
}

// showReport is the event's published report (or the draft, for its
// managers) in the reader's language.
func (h *Handler) showReport(w http.ResponseWriter, r *http.Request) {
	v, err := h.Outcomes.Report(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderReport(w, r, http.StatusOK, "report", v)
}

// renderReport renders the report page or its edit form.
func (h *Handler) renderReport(w http.ResponseWriter, r *http.Request, status int, name string, v *outcomes.ReportView) {
	p := h.eventPage(r, &eventData{Event: v.Event, Access: v.Access}, "report", nil)
	p.Data = &reportView{ReportView: v, Headline: outcomes.FigureRows(p.L, v.Figures), Charts: charts(p.L, v.Figures)}
	p.Title = p.L.T("report.title") + " · " + p.Plain(v.Event.Title)
	if p.Form == nil {
		p.Form = newForm()
		fillLocalized(p.Form, "introduction", v.Report.Introduction)
		fillLocalized(p.Form, "conclusion", v.Report.Conclusion)
		p.Form.Values["status"] = v.Report.Status
	}
	h.render(w, r, status, name, p)
}

// reportPDF answers the report as a PDF in the reader's language.
func (h *Handler) reportPDF(w http.ResponseWriter, r *http.Request) {
	lang := symposium.LanguageFromContext(r.Context())
	data, err := h.Outcomes.ReportPDF(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), lang)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": r.PathValue("slug") + "-report-" + lang + ".pdf"}))
	w.Header().Set("Cache-Control", "private, no-cache")
	_, _ = w.Write(data)
}

// editReportForm is where the event's managers edit and publish the
// report.
func (h *Handler) editReportForm(w http.ResponseWriter, r *http.Request) {
	v, err := h.Outcomes.ReportForEditing(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderReport(w, r, http.StatusOK, "report_edit", v)
}

// saveReport stores the managers' edits of the report.
func (h *Handler) saveReport(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "status")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	intro, conclusion := localizedField(r, f, "introduction"), localizedField(r, f, "conclusion")
	shown := r.PostForm["sections"]
	_, err = h.Outcomes.SaveReport(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), func(rep *symposium.Report) {
		rep.Introduction, rep.Conclusion, rep.Status = intro, conclusion, f.Values["status"]
		rep.HiddenSections = []string{}
		for _, s := range symposium.ReportSections {
			if !slices.Contains(shown, s) {
				rep.HiddenSections = append(rep.HiddenSections, s)
			}
		}
	})
	if err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/report/edit")
}
