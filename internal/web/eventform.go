package web

import (
	"net/http"
	"slices"
	"strconv"
	"symposium/internal/i18n"
	"time"

	"symposium"
)

// eventFormView is the form that creates or edits an event, with every
// language side by side.
type eventFormView struct {
	Editing    bool
	Slug       string
	Orgs       []*symposium.Organization
	Organizers []symposium.EventOrganization
	Complete   []completeness
	Zones      []string
	// Langs are the languages chosen: the form shows their columns.
	Langs []string
}

// commonZones are offered first in the time zone list.
var commonZones = []string{"Asia/Almaty", "Asia/Qostanay", "Asia/Aqtobe", "Asia/Oral", "Asia/Shanghai", "Asia/Urumqi",
	"Asia/Bishkek", "Asia/Tashkent", "Europe/Moscow", "Europe/Istanbul", "Europe/Berlin", "Europe/London", "UTC"}

// newEventForm shows an empty event form to a signed-in account.
func (h *Handler) newEventForm(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	if ok, err := h.Events.MayCreate(r.Context(), symposium.UserFromContext(r.Context())); err != nil || !ok {
		h.Error(w, r, orForbidden(err, "error.create_events_forbidden"))
		return
	}
	f := newForm()
	f.Values["timezone"], f.Values["kind"], f.Values["status"], f.Values["visibility"] = "Asia/Almaty", "symposium", "draft", "public"
	for _, l := range symposium.Languages {
		f.Values["lang."+l] = "on"
	}
	h.renderEventForm(w, r, http.StatusOK, nil, f, nil)
}

// editEventForm shows the form filled with an event, to its managers.
func (h *Handler) editEventForm(w http.ResponseWriter, r *http.Request) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	h.renderEventForm(w, r, http.StatusOK, ed, eventToForm(ed.Event), ed.Event.Organizers)
}

// renderEventForm renders the form with its choices and completeness.
func (h *Handler) renderEventForm(w http.ResponseWriter, r *http.Request, status int, ed *eventData, f *form, organizers []symposium.EventOrganization) {
	orgs, err := h.People.Organizations(r.Context(), 500)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := eventFormView{Orgs: orgs, Organizers: organizers, Zones: commonZones}
	texts := []symposium.LocalizedText{}
	for _, name := range []string{"title", "summary", "series", "venue_name", "venue_city"} {
		t := symposium.LocalizedText{}
		for _, l := range symposium.Languages {
			if s := f.Values[name+"."+l]; s != "" {
				t[l] = s
			}
		}
		texts = append(texts, t)
	}
	v.Langs = formLanguages(f)
	v.Complete = measureCompleteness(v.Langs, texts...)
	var p *page
	if ed != nil {
		v.Editing, v.Slug = true, ed.Event.Slug
		p = h.eventPage(r, ed, "edit", v)
	} else {
		p = h.newPage(r, "page.event_new.title", v)
	}
	p.Form = f
	h.render(w, r, status, "event_form", p)
}

// eventToForm fills a form from an event.
func eventToForm(e *symposium.Event) *form {
	f := newForm()
	loc := e.Location()
	f.Values["slug"], f.Values["kind"], f.Values["status"], f.Values["visibility"] = e.Slug, e.Kind, e.Status, e.Visibility
	f.Values["timezone"], f.Values["default_language"], f.Values["venue_address"] = e.Timezone, e.DefaultLanguage, e.Venue.Address
	f.Values["accent"] = e.Accent
	f.Values["starts_at"], f.Values["ends_at"] = e.StartsAt.In(loc).Format(localLayout), e.EndsAt.In(loc).Format(localLayout)
	fillLocalized(f, "title", e.Title)
	fillLocalized(f, "summary", e.Summary)
	fillLocalized(f, "series", e.Series)
	fillLocalized(f, "venue_name", e.Venue.Name)
	fillLocalized(f, "venue_city", e.Venue.City)
	for _, l := range e.Languages {
		f.Values["lang."+l] = "on"
	}
	return f
}

// eventFromForm reads the submitted form into an event.
func eventFromForm(w http.ResponseWriter, r *http.Request, e *symposium.Event) (*form, symposium.Problems, error) {
	f, err := readForm(w, r, "slug", "kind", "status", "visibility", "timezone", "starts_at", "ends_at", "default_language", "venue_address", "accent")
	if err != nil {
		return nil, nil, err
	}
	var p symposium.Problems
	e.Slug, e.Kind, e.Status, e.Visibility = f.Values["slug"], f.Values["kind"], f.Values["status"], f.Values["visibility"]
	e.Timezone, e.DefaultLanguage, e.Venue.Address = f.Values["timezone"], f.Values["default_language"], f.Values["venue_address"]
	e.Accent = f.Values["accent"]
	e.Title, e.Summary, e.Series = localizedField(r, f, "title"), localizedField(r, f, "summary"), localizedField(r, f, "series")
	e.Venue.Name, e.Venue.City = localizedField(r, f, "venue_name"), localizedField(r, f, "venue_city")
	loc, zerr := time.LoadLocation(e.Timezone)
	if zerr != nil {
		loc = time.UTC
	}
	e.StartsAt = localTime(&p, "starts_at", f.Values["starts_at"], loc)
	e.EndsAt = localTime(&p, "ends_at", f.Values["ends_at"], loc)
	e.Languages = nil
	for _, l := range symposium.Languages {
		if r.PostForm.Get("lang."+l) != "" {
			f.Values["lang."+l] = "on"
			e.Languages = append(e.Languages, l)
		}
	}
	e.Organizers = organizersFromForm(r, e.Organizers)
	return f, p, nil
}

// organizersFromForm keeps the organizers not marked for removal and adds
// the one chosen in the form, if any.
func organizersFromForm(r *http.Request, current []symposium.EventOrganization) []symposium.EventOrganization {
	var out []symposium.EventOrganization
	for i, o := range current {
		if r.PostForm.Get("remove_org."+strconv.Itoa(i)) == "" {
			out = append(out, o)
		}
	}
	if id := r.PostForm.Get("new_org"); id != "" {
		o := symposium.EventOrganization{OrganizationID: id, Role: r.PostForm.Get("new_org_role")}
		if !slices.ContainsFunc(out, func(x symposium.EventOrganization) bool {
			return x.OrganizationID == o.OrganizationID && x.Role == o.Role
		}) {
			out = append(out, o)
		}
	}
	return out
}

// createEvent stores a new event from the form; its creator manages it.
func (h *Handler) createEvent(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	e := &symposium.Event{}
	f, p, err := eventFromForm(w, r, e)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if len(p) > 0 {
		e.Validate(&p) // show every problem at once, not only those of parsing
	}
	if err = p.Err(); err == nil {
		err = h.Events.Create(r.Context(), u, e)
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderEventForm(w, r, status, nil, f, e.Organizers) })
		return
	}
	redirect(w, r, "/events/"+e.Slug+"/editor")
}

// updateEvent stores the edited event.
func (h *Handler) updateEvent(w http.ResponseWriter, r *http.Request) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	e := *ed.Event
	f, p, err := eventFromForm(w, r, &e)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if len(p) > 0 {
		e.Validate(&p) // show every problem at once, not only those of parsing
	}
	moved := e.StartsAt.Sub(ed.Event.StartsAt)
	if err = p.Err(); err == nil && moved != 0 && r.PostForm.Get("shift") == "" {
		// A valid change asks first whether the programme and the dates
		// move too; an invalid one is refused at once.
		check := e
		var vp symposium.Problems
		check.Validate(&vp)
		if err = vp.Err(); err == nil {
			l := h.I18n.For(symposium.LanguageFromContext(r.Context()))
			f.Values["shift_by"] = describeShift(l, moved)
			h.renderEventForm(w, r, http.StatusOK, ed, f, e.Organizers)
			return
		}
	}
	change := func(stored *symposium.Event) { *stored = e }
	switch {
	case err != nil:
	case moved != 0 && r.PostForm.Get("shift") == "yes":
		_, err = h.Events.UpdateShifting(r.Context(), symposium.UserFromContext(r.Context()), ed.Event.Slug, change)
	default:
		_, err = h.Events.Update(r.Context(), symposium.UserFromContext(r.Context()), ed.Event.Slug, change)
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderEventForm(w, r, status, ed, f, e.Organizers) })
		return
	}
	redirect(w, r, "/events/"+e.Slug)
}

// formFailed shows a form again with the reasons it was refused, or the
// error page for failures that are not about the input.
func (h *Handler) formFailed(w http.ResponseWriter, r *http.Request, f *form, err error, show func(status int)) {
	status := f.fail(h.I18n.For(symposium.LanguageFromContext(r.Context())), err)
	if status == http.StatusInternalServerError || status == http.StatusNotFound || status == http.StatusForbidden {
		h.Error(w, r, err)
		return
	}
	show(status)
}

// poster returns the signed-in account behind a form post; an anonymous
// post is answered 401 and gets nil.
func (h *Handler) poster(w http.ResponseWriter, r *http.Request) *symposium.User {
	u := symposium.UserFromContext(r.Context())
	if u == nil {
		h.Error(w, r, symposium.Errorf(symposium.EUNAUTHORIZED, "error.unauthorized"))
	}
	return u
}

// requireUser sends anonymous readers to sign in first.
func (h *Handler) requireUser(w http.ResponseWriter, r *http.Request) bool {
	if symposium.UserFromContext(r.Context()) != nil {
		return true
	}
	redirect(w, r, "/signin?next="+r.URL.Path)
	return false
}

// loadManagedEvent loads the event of the request, with its organizers,
// for one of its managers; anyone else gets 404 when they may not see the
// event and 403 when they may see it.
func (h *Handler) loadManagedEvent(w http.ResponseWriter, r *http.Request) *eventData {
	e, access, err := h.Events.Managed(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return nil
	}
	return &eventData{Event: e, Access: access}
}

// orForbidden returns err, or when there is none a refusal with the
// message key.
func orForbidden(err error, key string) error {
	if err != nil {
		return err
	}
	return symposium.Errorf(symposium.EFORBIDDEN, key)
}

// formLanguages returns the languages an event form has chosen, every
// language when none is.
func formLanguages(f *form) []string {
	var langs []string
	for _, l := range symposium.Languages {
		if f.Values["lang."+l] != "" {
			langs = append(langs, l)
		}
	}
	if len(langs) == 0 {
		return symposium.Languages
	}
	return langs
}

// shiftKeys are the messages that say how far a start moved, by unit,
// later and earlier.
var shiftKeys = map[time.Duration][2]string{
	24 * time.Hour: {"event_form.shift_days_later", "event_form.shift_days_earlier"},
	time.Hour:      {"event_form.shift_hours_later", "event_form.shift_hours_earlier"},
	time.Minute:    {"event_form.shift_minutes_later", "event_form.shift_minutes_earlier"},
}

// describeShift says how far an event's start moved: "365 days later",
// "2 hours earlier".
func describeShift(l *i18n.Localizer, d time.Duration) string {
	dir := 0
	if d < 0 {
		dir, d = 1, -d
	}
	for _, unit := range []time.Duration{24 * time.Hour, time.Hour, time.Minute} {
		if d%unit == 0 || unit == time.Minute {
			return l.N(shiftKeys[unit][dir], int(d/unit))
		}
	}
	return ""
}
