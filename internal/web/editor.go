package web

import (
	"net/http"
	"strconv"
	"time"

	"symposium"
)

// editorView is the programme editor: the day's grid, every entry with a
// form to move, resize or unschedule it, the rooms, and forms to add rooms
// and entries.
type editorView struct {
	timetableView
	Rooms     []symposium.Room
	Sessions  []symposium.Session
	List      []symposium.Contribution
	People    []*symposium.Person
	Conflicts []string
	Moved     string
}

// showEditor is the programme editor, for the event's managers.
func (h *Handler) showEditor(w http.ResponseWriter, r *http.Request) {
	h.renderEditor(w, r, http.StatusOK, newForm(), nil)
}

// renderEditor renders the editor, with the conflicts that refused the
// last change, if any.
func (h *Handler) renderEditor(w http.ResponseWriter, r *http.Request, status int, f *form, conflicts []symposium.Conflict) {
	ed, err := h.Programme.Editor(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := editorView{Rooms: ed.Rooms, Sessions: ed.Sessions, List: ed.List, People: ed.People, Moved: r.URL.Query().Get("moved")}
	v.AllRooms = true
	loc := ed.Event.Location()
	v.Days = ed.Programme.Days(loc)
	v.selectDay(r.URL.Query().Get("day"), v.Rooms, loc)
	p := h.eventPage(r, &eventData{Event: ed.Event, Access: ed.Access}, "editor", nil)
	v.Conflicts = describeConflicts(p, v.Rooms, conflicts)
	p.Data, p.Form = v, f
	h.render(w, r, status, "editor", p)
}

// selectDay picks the day shown and lays it out; the editor shows every
// room, even an empty one, so that entries can be moved into it.
func (v *timetableView) selectDay(day string, rooms []symposium.Room, loc *time.Location) {
	if len(v.Days) == 0 {
		return
	}
	v.Day = v.Days[0]
	for _, d := range v.Days {
		if d.Date.Format("2006-01-02") == day {
			v.Day = d
		}
	}
	v.place(rooms, loc)
}

// describeConflicts writes each conflict as a sentence in the reader's
// language.
func describeConflicts(p *page, rooms []symposium.Room, conflicts []symposium.Conflict) []string {
	roomName := map[string]symposium.LocalizedText{}
	for _, r := range rooms {
		roomName[r.ID] = r.Name
	}
	var out []string
	for _, c := range conflicts {
		if c.With == nil {
			out = append(out, p.L.T("editor.conflict.outside"))
			continue
		}
		args := []any{"Title", p.Plain(c.With.Title), "Start", p.L.Time(p.In(c.With.StartsAt)), "End", p.L.Time(p.In(c.With.EndsAt))}
		if c.Kind == symposium.ConflictRoom {
			out = append(out, p.L.T("editor.conflict.room", append(args, "Room", p.Plain(roomName[c.RoomID]))...))
		} else {
			out = append(out, p.L.T("editor.conflict.speaker", append(args, "Person", p.Plain(c.PersonName))...))
		}
	}
	return out
}

// saveEntry adds a programme entry, or changes one: moves it to another
// time or room, resizes it, takes it out of the timetable or edits it.
// Refused changes show the editor again with the conflicts.
func (h *Handler) saveEntry(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "id", "starts_at", "room_id", "session_id", "duration_minutes", "kind", "action")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	e, c, err := h.Programme.SaveContribution(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), f.Values["id"],
		func(e *symposium.Event, c *symposium.Contribution, p *symposium.Problems) {
			applyEntryForm(r, f, c, e.Location(), p)
		})
	if err != nil {
		h.entryFailed(w, r, f, err)
		return
	}
	day := ""
	if c.StartsAt != nil {
		day = c.StartsAt.In(e.Location()).Format("2006-01-02")
	}
	redirect(w, r, "/events/"+e.Slug+"/editor?day="+day+"&moved="+c.ID+"#entry-"+c.ID)
}

// applyEntryForm copies the form onto the contribution: the schedule
// fields always, the rest when the form carries them (the add form).
func applyEntryForm(r *http.Request, f *form, c *symposium.Contribution, loc *time.Location, p *symposium.Problems) {
	switch f.Values["action"] {
	case "unschedule":
		c.StartsAt = nil
		return
	}
	if start := localTime(p, "starts_at", f.Values["starts_at"], loc); !start.IsZero() {
		c.StartsAt = &start
	} else if f.Values["starts_at"] == "" {
		c.StartsAt = nil
	}
	c.RoomID = f.Values["room_id"]
	if _, ok := r.PostForm["session_id"]; ok {
		c.SessionID = f.Values["session_id"]
	}
	if d := f.Values["duration_minutes"]; d != "" {
		n, err := strconv.Atoi(d)
		if err != nil {
			p.Add("duration_minutes", "error.field.duration", "Max", symposium.MaxDurationMinutes)
		}
		c.DurationMinutes = n
	}
	if _, ok := r.PostForm["title.en"]; ok {
		c.Title = localizedField(r, f, "title")
		c.Kind = f.Values["kind"]
		c.SpeakerIDs = r.PostForm["speaker_ids"]
	}
}

// entryFailed shows the editor again with why the change was refused.
func (h *Handler) entryFailed(w http.ResponseWriter, r *http.Request, f *form, err error) {
	e := symposium.AsError(err)
	if e != nil && e.Code == symposium.ECONFLICT {
		conflicts, _ := e.Detail["conflicts"].([]symposium.Conflict)
		if f.Values["id"] != "" {
			f = newForm() // a refused move leaves the form for new entries empty
		}
		f.Summary = h.I18n.For(symposium.LanguageFromContext(r.Context())).T(e.Key)
		h.renderEditor(w, r, http.StatusConflict, f, conflicts)
		return
	}
	h.formFailed(w, r, f, err, func(status int) { h.renderEditor(w, r, status, f, nil) })
}

// deleteEntry removes a programme entry.
func (h *Handler) deleteEntry(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "id")
	if err == nil {
		err = h.Programme.DeleteContribution(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), f.Values["id"])
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/editor")
}

// addRoom adds a room to the event.
func (h *Handler) addRoom(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "capacity")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	room := &symposium.Room{Name: localizedField(r, f, "room_name")}
	room.Capacity, _ = strconv.Atoi(f.Values["capacity"])
	if err = h.Programme.CreateRoom(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), room); err != nil {
		h.formFailed(w, r, f, renamePrefix(err, "name", "room_name"), func(status int) { h.renderEditor(w, r, status, f, nil) })
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/editor")
}

// renamePrefix renames the fields of a validation error, so that a room's
// "name" shows under the form's "room_name" inputs.
func renamePrefix(err error, from, to string) error {
	e := symposium.AsError(err)
	if e == nil {
		return err
	}
	for i, f := range e.Fields {
		if f.Field == from || len(f.Field) > len(from) && f.Field[:len(from)+1] == from+"." {
			e.Fields[i].Field = to + f.Field[len(from):]
		}
	}
	return e
}

// addSession adds a session to the event.
func (h *Handler) addSession(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "colour", "session_room_id")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ps := &symposium.Session{Title: localizedField(r, f, "session_title"), Colour: f.Values["colour"],
		RoomID: f.Values["session_room_id"], ConvenerIDs: r.PostForm["convener_ids"]}
	if err = h.Programme.CreateSession(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), ps); err != nil {
		h.formFailed(w, r, f, renamePrefix(err, "title", "session_title"), func(status int) { h.renderEditor(w, r, status, f, nil) })
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/editor")
}
