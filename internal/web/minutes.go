package web

import (
	"net/http"
	"strconv"

	"symposium"
	"symposium/internal/outcomes"
)

// minutesView is the page of one contribution's or session's minutes.
type minutesView struct {
	*outcomes.MinutesPage
	Base     int  // the revision the form was written from
	Conflict bool // a save was refused because someone saved first
}

// subjectOf reads what minutes a request is about.
func subjectOf(r *http.Request, session bool) outcomes.Subject {
	return outcomes.Subject{Slug: r.PathValue("slug"), ID: r.PathValue("id"), Session: session}
}

// showMinutes is the page of a contribution's minutes.
func (h *Handler) showMinutes(w http.ResponseWriter, r *http.Request) { h.minutesPage(w, r, false) }

// showSessionMinutes is the page of a session's minutes.
func (h *Handler) showSessionMinutes(w http.ResponseWriter, r *http.Request) {
	h.minutesPage(w, r, true)
}

func (h *Handler) minutesPage(w http.ResponseWriter, r *http.Request, session bool) {
	pg, err := h.Outcomes.Minutes(r.Context(), symposium.UserFromContext(r.Context()), subjectOf(r, session))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.minutesRender(r, &minutesView{MinutesPage: pg})
	p.Form = newForm()
	if pg.Minutes != nil {
		fillLocalized(p.Form, "body", pg.Minutes.Body)
		p.Form.Values["status"] = pg.Minutes.Status
	}
	h.render(w, r, http.StatusOK, "minutes", p)
}

// minutesRender prepares the minutes page.
func (h *Handler) minutesRender(r *http.Request, v *minutesView) *page {
	if v.Minutes != nil && !v.Conflict {
		v.Base = v.Minutes.Revision
	}
	p := h.eventPage(r, &eventData{Event: v.Event, Access: v.Access}, "minutes", v)
	title := symposium.LocalizedText{}
	if v.Contribution != nil {
		title = v.Contribution.Title
	} else if v.Session != nil {
		title = v.Session.Title
	}
	p.Title = p.L.T("minutes.title") + " · " + p.Plain(title)
	return p
}

// saveMinutes stores a contribution's minutes from the form.
func (h *Handler) saveMinutes(w http.ResponseWriter, r *http.Request) { h.minutesSave(w, r, false) }

// saveSessionMinutes stores a session's minutes from the form.
func (h *Handler) saveSessionMinutes(w http.ResponseWriter, r *http.Request) {
	h.minutesSave(w, r, true)
}

// minutesSave stores minutes; a save refused because someone saved first
// shows the page again with the stored minutes and the writer's own text
// still in the form, so that nothing typed is lost.
func (h *Handler) minutesSave(w http.ResponseWriter, r *http.Request, session bool) {
	f, err := readForm(w, r, "status", "base")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	body := localizedField(r, f, "body")
	base, _ := strconv.Atoi(f.Values["base"])
	u, sub := symposium.UserFromContext(r.Context()), subjectOf(r, session)
	_, err = h.Outcomes.SaveMinutes(r.Context(), u, sub, &symposium.Minutes{Body: body, Status: f.Values["status"]}, base, false)
	if err == nil {
		redirect(w, r, r.URL.Path)
		return
	}
	code := symposium.ErrorCode(err)
	if code != symposium.EINVALID && code != symposium.ECONFLICT {
		h.Error(w, r, err)
		return
	}
	pg, lerr := h.Outcomes.Minutes(r.Context(), u, sub)
	if lerr != nil {
		h.Error(w, r, lerr)
		return
	}
	p := h.minutesRender(r, &minutesView{MinutesPage: pg, Base: base, Conflict: code == symposium.ECONFLICT})
	p.Form = f
	h.render(w, r, f.fail(p.L, err), "minutes", p)
}

// showCompiledMinutes is the whole event's minutes in programme order.
func (h *Handler) showCompiledMinutes(w http.ResponseWriter, r *http.Request) {
	c, err := h.Outcomes.CompiledMinutes(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, &eventData{Event: c.Event, Access: c.Access}, "minutes", c)
	p.Title = p.L.T("minutes.compiled") + " · " + p.Plain(c.Event.Title)
	h.render(w, r, http.StatusOK, "minutes_compiled", p)
}
