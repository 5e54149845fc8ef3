package web

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"symposium"
	"symposium/internal/live"
)

// exportLive sends a contribution's questions and poll results as CSV or
// JSON, for moderators and managers, also while it runs.
func (h *Handler) exportLive(w http.ResponseWriter, r *http.Request) {
	format := r.PathValue("format")
	if format != "csv" && format != "json" {
		h.Error(w, r, symposium.NotFound())
		return
	}
	rec, err := h.Live.Export(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	name := "live-" + rec.Contribution.ID + "." + format
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	if format == "json" {
		w.Header().Set("Content-Type", "application/json")
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		_ = enc.Encode(rec)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	lang := symposium.LanguageFromContext(r.Context())
	writeLiveCSV(w, rec, lang)
}

// writeLiveCSV writes a record as one table: a row per question, then a
// row per poll option or word with its count.
func writeLiveCSV(w http.ResponseWriter, rec *live.Record, lang string) {
	_, _ = w.Write([]byte("\ufeff")) // spreadsheets read UTF-8 by its mark
	c := csv.NewWriter(w)
	_ = c.Write([]string{"kind", "id", "created_at", "language", "status", "votes", "pinned", "answered", "anonymous",
		"author", "author_latin", "text", "answer"})
	for _, q := range rec.Questions {
		_ = c.Write([]string{"question", q.ID, q.CreatedAt.Format(time.RFC3339), q.Language, q.Status, strconv.Itoa(q.Votes),
			strconv.FormatBool(q.Pinned), strconv.FormatBool(q.Answered), strconv.FormatBool(q.Anonymous),
			q.AuthorName, q.AuthorLatin, csvSafe(q.Text), csvSafe(q.Answer)})
	}
	for _, p := range rec.Polls {
		title := p.Question.Get(lang, "en")
		if p.Results == nil {
			continue
		}
		for i, n := range p.Results.Counts {
			_ = c.Write([]string{"poll", p.ID, p.CreatedAt.Format(time.RFC3339), "", p.Status, strconv.Itoa(n), "", "", "",
				"", "", csvSafe(title), csvSafe(p.Options[i].Get(lang, "en"))})
		}
		for _, wc := range p.Results.Words {
			_ = c.Write([]string{"poll", p.ID, p.CreatedAt.Format(time.RFC3339), "", p.Status, strconv.Itoa(wc.Count), "", "", "",
				"", "", csvSafe(title), csvSafe(wc.Word)})
		}
	}
	c.Flush()
}

// csvSafe keeps a spreadsheet from reading a cell as a formula.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') {
		return "'" + s
	}
	return s
}

// liveSettingsView is the form of an event's rules for live questions.
type liveSettingsView struct {
	Settings symposium.LiveSettings
}

// showLiveSettings is the form of an event's rules for live questions,
// for its managers.
func (h *Handler) showLiveSettings(w http.ResponseWriter, r *http.Request) {
	e, access, ls, err := h.Live.Settings(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderLiveSettings(w, r, http.StatusOK, &eventData{Event: e, Access: access}, ls, nil)
}

// saveLiveSettings changes an event's rules for live questions.
func (h *Handler) saveLiveSettings(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "moderation", "guests", "window_minutes")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ls := symposium.LiveSettings{Moderation: f.Values["moderation"], Guests: f.Values["guests"] != ""}
	if ls.WindowMinutes, err = strconv.Atoi(f.Values["window_minutes"]); err != nil {
		ls.WindowMinutes = -1 // refused by validation, naming the field
	}
	e, access, err := h.Live.SetSettings(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), ls)
	if err != nil {
		if e == nil {
			h.Error(w, r, err)
			return
		}
		status := f.fail(h.I18n.For(symposium.LanguageFromContext(r.Context())), err)
		h.renderLiveSettings(w, r, status, &eventData{Event: e, Access: access}, ls, f)
		return
	}
	redirect(w, r, "/events/"+e.Slug+"/live-settings?saved=1")
}

// renderLiveSettings renders the form of an event's live settings.
func (h *Handler) renderLiveSettings(w http.ResponseWriter, r *http.Request, status int, ed *eventData, ls symposium.LiveSettings, f *form) {
	p := h.eventPage(r, ed, "edit", liveSettingsView{Settings: ls})
	p.Title = p.L.T("live.settings.title") + " · " + p.Plain(ed.Event.Title)
	p.Form = f
	if r.URL.Query().Get("saved") == "1" {
		p.Notice = p.L.T("live.settings.saved")
	}
	h.render(w, r, status, "live_settings", p)
}
