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
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	h.renderEditor(w, r, ed, http.StatusOK, newForm(), nil)
}

// renderEditor renders the editor, with the conflicts that refused the
// last change, if any.
func (h *Handler) renderEditor(w http.ResponseWriter, r *http.Request, ed *eventData, status int, f *form, conflicts []symposium.Conflict) {
	ctx := r.Context()
	v := editorView{Moved: r.URL.Query().Get("moved")}
	v.AllRooms = true
	var err error
	if v.Rooms, err = h.Store.Rooms(ctx, ed.Event.ID); err != nil {
		h.Error(w, r, err)
		return
	}
	if v.Sessions, err = h.Store.ProgrammeSessions(ctx, ed.Event.ID); err != nil {
		h.Error(w, r, err)
		return
	}
	list, err := h.Store.Contributions(ctx, ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v.List = list
	if v.People, err = h.Store.AllPeople(ctx, 1000); err != nil {
		h.Error(w, r, err)
		return
	}
	tt, err := h.Store.Timetable(ctx, ed.Event)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	loc := ed.Event.Location()
	v.Days = tt.Days(loc)
	v.selectDay(r.URL.Query().Get("day"), v.Rooms, loc)
	p := h.eventPage(r, ed, "editor", nil)
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
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	f, err := readForm(w, r, "id", "starts_at", "room_id", "session_id", "duration_minutes", "kind", "action")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	c := &symposium.Contribution{}
	if id := f.Values["id"]; id != "" {
		if c, err = h.Store.Contribution(r.Context(), ed.Event.ID, id); err != nil {
			h.Error(w, r, err)
			return
		}
	}
	var p symposium.Problems
	if err := applyEntryForm(r, f, c, ed.Event.Location(), &p); err != nil {
		h.Error(w, r, err)
		return
	}
	c.Validate(&p)
	if err = p.Err(); err == nil {
		err = h.Store.SaveContribution(r.Context(), ed.Event, c)
	}
	if err != nil {
		h.entryFailed(w, r, ed, f, err)
		return
	}
	day := ""
	if c.StartsAt != nil {
		day = c.StartsAt.In(ed.Event.Location()).Format("2006-01-02")
	}
	redirect(w, r, "/events/"+ed.Event.Slug+"/editor?day="+day+"&moved="+c.ID+"#entry-"+c.ID)
}

// applyEntryForm copies the form onto the contribution: the schedule
// fields always, the rest when the form carries them (the add form).
func applyEntryForm(r *http.Request, f *form, c *symposium.Contribution, loc *time.Location, p *symposium.Problems) error {
	switch f.Values["action"] {
	case "unschedule":
		c.StartsAt = nil
		return nil
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
	return nil
}

// entryFailed shows the editor again with why the change was refused.
func (h *Handler) entryFailed(w http.ResponseWriter, r *http.Request, ed *eventData, f *form, err error) {
	e := symposium.AsError(err)
	if e != nil && e.Code == symposium.ECONFLICT {
		conflicts, _ := e.Detail["conflicts"].([]symposium.Conflict)
		if f.Values["id"] != "" {
			f = newForm() // a refused move leaves the form for new entries empty
		}
		f.Summary = h.I18n.For(symposium.LanguageFromContext(r.Context())).T(e.Key)
		h.renderEditor(w, r, ed, http.StatusConflict, f, conflicts)
		return
	}
	h.formFailed(w, r, f, err, func(status int) { h.renderEditor(w, r, ed, status, f, nil) })
}

// deleteEntry removes a programme entry.
func (h *Handler) deleteEntry(w http.ResponseWriter, r *http.Request) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	f, err := readForm(w, r, "id")
	if err == nil {
		err = h.Store.DeleteContribution(r.Context(), ed.Event.ID, f.Values["id"])
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/events/"+ed.Event.Slug+"/editor")
}

// addRoom adds a room to the event.
func (h *Handler) addRoom(w http.ResponseWriter, r *http.Request) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	f, err := readForm(w, r, "capacity")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	room := &symposium.Room{EventID: ed.Event.ID, Name: localizedField(r, f, "room_name")}
	room.Capacity, _ = strconv.Atoi(f.Values["capacity"])
	var p symposium.Problems
	room.Validate(&p)
	if err = p.Err(); err == nil {
		err = h.Store.CreateRoom(r.Context(), room)
	}
	if err != nil {
		h.formFailed(w, r, f, renamePrefix(err, "name", "room_name"), func(status int) { h.renderEditor(w, r, ed, status, f, nil) })
		return
	}
	redirect(w, r, "/events/"+ed.Event.Slug+"/editor")
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
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	f, err := readForm(w, r, "colour", "session_room_id")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ps := &symposium.Session{EventID: ed.Event.ID, Title: localizedField(r, f, "session_title"), Colour: f.Values["colour"],
		RoomID: f.Values["session_room_id"], ConvenerIDs: r.PostForm["convener_ids"]}
	var p symposium.Problems
	ps.Validate(&p)
	if err = p.Err(); err == nil {
		err = h.Store.CreateProgrammeSession(r.Context(), ps)
	}
	if err != nil {
		h.formFailed(w, r, f, renamePrefix(err, "title", "session_title"), func(status int) { h.renderEditor(w, r, ed, status, f, nil) })
		return
	}
	redirect(w, r, "/events/"+ed.Event.Slug+"/editor")
}
