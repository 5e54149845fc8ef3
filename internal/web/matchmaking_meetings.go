package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"symposium"
	"symposium/internal/calendar"
	"symposium/internal/export"
	"symposium/internal/matchmaking"
	"symposium/internal/matchmaking/agendapdf"
)

// agendaView is an agenda with the address of its calendar feed.
type agendaView struct {
	Agenda  *matchmaking.Agenda
	FeedURL string
	Print   bool
}

// showAgenda is the caller's agenda: time, table and the other's profile
// of each meeting, "we met" and "did not come", and the calendar feed.
// With ?print=1 it is laid out for paper.
func (h *Handler) showAgenda(w http.ResponseWriter, r *http.Request) {
	a, err := h.Matchmaking.Agenda(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.URL.Query().Get("person_id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := agendaView{Agenda: a, Print: r.URL.Query().Get("print") != ""}
	if a.FeedToken != "" {
		v.FeedURL = h.BaseURL + "/matchmaking/feed/" + a.FeedToken + ".ics"
	}
	h.render(w, r, http.StatusOK, "mm_agenda", h.mmPage(r, a.Page, "agenda", v))
}

// markMMMeeting records "we met", "did not come", or cancels a meeting.
func (h *Handler) markMMMeeting(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "status", "back")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if _, err := h.Matchmaking.Mark(r.Context(), u, r.PathValue("slug"), r.PathValue("id"), f.Values["status"]); err != nil {
		h.Error(w, r, err)
		return
	}
	back := "/events/" + r.PathValue("slug") + "/matchmaking/agenda"
	if f.Values["back"] == "dashboard" {
		back = "/events/" + r.PathValue("slug") + "/matchmaking/dashboard"
	}
	redirect(w, r, back)
}

// scheduleView is a computed schedule with the names of its parties.
type scheduleView struct {
	Schedule *matchmaking.Schedule
	Names    map[string]symposium.LocalizedText
}

// showMMSchedule is the page where managers preview and publish the
// schedule.
func (h *Handler) showMMSchedule(w http.ResponseWriter, r *http.Request) {
	mp, err := h.Matchmaking.Settings(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err == nil && (!mp.IsManager() || mp.Matchmaking.OpensAt.IsZero()) {
		err = h.mmRefusal(mp)
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "mm_schedule", h.mmPage(r, mp, "schedule", scheduleView{}))
}

// runMMSchedule computes the schedule: a preview, or published.
func (h *Handler) runMMSchedule(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "action", "fresh")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	sc, err := h.Matchmaking.Run(r.Context(), u, r.PathValue("slug"), f.Values["action"] != "publish", f.Values["fresh"] != "")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	d, err := h.Matchmaking.Requests(r.Context(), u, r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.mmPage(r, sc.Page, "schedule", scheduleView{Schedule: sc, Names: d.Names})
	p.Form = f
	if sc.Published {
		p.Notice = p.L.T("matchmaking.schedule.published")
	}
	h.render(w, r, http.StatusOK, "mm_schedule", p)
}

// showMMDashboard is the organizers' dashboard.
func (h *Handler) showMMDashboard(w http.ResponseWriter, r *http.Request) {
	d, err := h.Matchmaking.Dashboard(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "mm_dashboard", h.mmPage(r, d.Page, "dashboard", d))
}

// mmDashboardCSV exports the meetings as CSV.
func (h *Handler) mmDashboardCSV(w http.ResponseWriter, r *http.Request) {
	d, err := h.Matchmaking.Dashboard(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.mmPage(r, d.Page, "dashboard", d)
	l := p.L
	t := export.Table{Header: []string{l.T("matchmaking.col.time"), l.T("matchmaking.col.table"), l.T("matchmaking.col.party"),
		l.T("matchmaking.col.party"), l.T("matchmaking.col.weight"), l.T("matchmaking.col.status")}}
	for _, mt := range d.Meetings {
		t.Rows = append(t.Rows, []string{p.In(mt.StartsAt).Format("2006-01-02 15:04"), d.Page.Matchmaking.TableName(mt.Table),
			p.Plain(d.Names[mt.A]), p.Plain(d.Names[mt.B]), strconv.Itoa(mt.Weight), l.T(label("meeting_status", mt.Status))})
	}
	var buf bytes.Buffer
	if err := export.WriteCSV(&buf, t); err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+d.Page.Event.Slug+`-meetings.csv"`)
	_, _ = buf.WriteTo(w)
}

// mmFeed serves a participant's calendar feed: their meetings and the
// programme, at the secret address of their profile.
func (h *Handler) mmFeed(w http.ResponseWriter, r *http.Request) {
	token, ok := strings.CutSuffix(r.PathValue("file"), ".ics")
	if !ok {
		h.Error(w, r, symposium.NotFound())
		return
	}
	a, talks, err := h.Matchmaking.Feed(r.Context(), token)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	e := a.Page.Event
	p := h.eventPage(r, &eventData{Event: e}, "", nil)
	cal := &calendar.Calendar{Name: p.Plain(e.Title) + " · " + p.L.T("matchmaking.agenda.title"), Zone: e.Timezone}
	for _, it := range a.Items {
		cal.Entries = append(cal.Entries, calendar.Entry{
			UID:         it.Meeting.ID + "@symposium",
			Summary:     p.L.T("matchmaking.feed.meeting", "Name", p.Plain(it.OtherName)),
			Description: p.L.T("matchmaking.agenda.table", "Table", it.TableName),
			Location:    p.L.T("matchmaking.agenda.table", "Table", it.TableName),
			URL:         h.BaseURL + "/events/" + e.Slug + "/matchmaking/agenda", Start: it.Meeting.StartsAt, End: it.Meeting.EndsAt,
		})
	}
	for _, en := range talks {
		cal.Entries = append(cal.Entries, h.icsEntry(p, e, en))
	}
	w.Header().Set("Cache-Control", "private, max-age=300")
	h.serveICS(w, r, cal, e.Slug+"-agenda")
}

// agendaPDF serves the caller's agenda as a printable PDF.
func (h *Handler) agendaPDF(w http.ResponseWriter, r *http.Request) {
	a, err := h.Matchmaking.Agenda(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.URL.Query().Get("person_id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.mmPage(r, a.Page, "agenda", nil)
	l := p.L
	doc := agendapdf.Agenda{Title: p.Plain(a.Page.Event.Title), Empty: l.T("matchmaking.agenda.empty"),
		Subtitle: l.T("matchmaking.agenda.title") + " · " + p.User.Name + " · " + l.T("timetable.times_in", "Zone", p.Event.Zone)}
	for _, it := range a.Items {
		m := agendapdf.Meeting{When: l.DateTime(p.In(it.Meeting.StartsAt)) + "–" + l.Time(p.In(it.Meeting.EndsAt)),
			Table: l.T("matchmaking.agenda.table", "Table", it.TableName), With: p.Plain(it.OtherName),
			Status: l.T(label("meeting_status", it.Meeting.Status))}
		if it.Card != nil {
			m.Organization, m.Offers = p.Plain(it.Card.Organization), p.Plain(it.Card.Profile.Offers)
		}
		doc.Meetings = append(doc.Meetings, m)
	}
	pdf, err := agendapdf.Write(doc)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="`+a.Page.Event.Slug+`-agenda.pdf"`)
	_, _ = w.Write(pdf)
}
