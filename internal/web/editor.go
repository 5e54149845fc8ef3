package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"symposium"
	"symposium/internal/programme"
)

// editorView is the programme editor: the day's grid, a tray of the
// entries waiting for a place, every entry with a form to move, resize or
// unschedule it, and forms to set up rooms and sessions and add entries.
type editorView struct {
	timetableView
	Rooms    []symposium.Room
	Sessions []symposium.Session
	// Scheduled are the scheduled entries and Tray the unscheduled ones,
	// each with the values its form shows.
	Scheduled, Tray []entryRow
	People          map[string]*symposium.Person
	Conflicts       []string
	Moved           string
	// Announce says, for the live region, what the last change did.
	Announce string
	Langs    []string
	Kinds    []string
	// Editing is the entry the page edits in full, or nil.
	Editing *entryRow
	// Outside counts the scheduled entries outside the event's dates.
	Outside int
	// LastChange names the change undo reverts, "" when there is none.
	LastChange string
	// New is the add form's values: empty, or those of a refused entry.
	New *entryRow
}

// entryRow is one entry with the values its form shows: the stored ones,
// or the ones a refused change tried, so that nothing chosen is lost.
type entryRow struct {
	C                                  symposium.Contribution
	Start, RoomID, SessionID, Duration string
	Speakers                           []*symposium.Person
	Refused, Outside                   bool
}

// showEditor is the programme editor, for the event's managers.
func (h *Handler) showEditor(w http.ResponseWriter, r *http.Request) {
	h.renderEditor(w, r, http.StatusOK, newForm(), nil)
}

// loadEditor reads the editor's content with the people the form chose.
func (h *Handler) loadEditor(r *http.Request) (*programme.Editor, error) {
	var chosen []string
	if r.PostForm != nil {
		chosen = r.PostForm["speaker_ids"]
	}
	return h.Programme.Editor(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), chosen...)
}

// renderEditor renders the editor, with the conflicts that refused the
// last change, if any.
func (h *Handler) renderEditor(w http.ResponseWriter, r *http.Request, status int, f *form, conflicts []symposium.Conflict) {
	ed, err := h.loadEditor(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, &eventData{Event: ed.Event, Access: ed.Access}, "editor", nil)
	v := newEditorView(p, ed, r, f)
	v.Conflicts = describeConflicts(p, v.Rooms, conflicts)
	v.New = &entryRow{Duration: "30"}
	if f.Values["id"] == "" {
		v.New = &entryRow{Start: f.Values["starts_at"], Duration: f.Value("duration_minutes"), RoomID: f.Values["room_id"], SessionID: f.Values["session_id"],
			Speakers: chosenPeople(v.People, r.PostForm["speaker_ids"])}
		if v.New.Duration == "" {
			v.New.Duration = "30"
		}
	}
	p.Data, p.Form = v, f
	h.render(w, r, status, "editor", p)
}

// newEditorView lays the editor out: the day's grid, the tray and the
// rows, the refused form's values kept on its entry.
func newEditorView(p *page, ed *programme.Editor, r *http.Request, f *form) editorView {
	v := editorView{Rooms: ed.Rooms, Sessions: ed.Sessions, Moved: r.URL.Query().Get("moved"), People: map[string]*symposium.Person{},
		Langs: ed.Event.Languages, Kinds: symposium.ContributionKinds}
	if ed.LastChange != nil {
		v.LastChange = ed.LastChange.ID
	}
	for _, person := range ed.People {
		v.People[person.ID] = person
	}
	v.AllRooms = true
	loc := ed.Event.Location()
	v.Days = ed.Programme.Days(loc)
	v.selectDay(r.URL.Query().Get("day"), v.Rooms, loc)
	for _, c := range ed.List {
		row := newEntryRow(c, loc, v.People)
		row.Outside = outsideEvent(ed.Event, &c)
		if row.Outside {
			v.Outside++
		}
		if f != nil && f.Values["id"] == c.ID {
			row.keep(f, r)
		}
		if row.C.StartsAt == nil {
			v.Tray = append(v.Tray, row)
		} else {
			v.Scheduled = append(v.Scheduled, row)
		}
		if c.ID == v.Moved {
			v.Announce = announce(p, &row)
		}
	}
	if r.URL.Query().Get("undone") != "" {
		v.Announce = p.L.T("editor.undone")
	}
	return v
}

// newEntryRow fills an entry's form from the stored entry.
func newEntryRow(c symposium.Contribution, loc *time.Location, people map[string]*symposium.Person) entryRow {
	row := entryRow{C: c, RoomID: c.RoomID, SessionID: c.SessionID, Duration: strconv.Itoa(c.DurationMinutes)}
	if c.StartsAt != nil {
		row.Start = c.StartsAt.In(loc).Format(localLayout)
	}
	row.Speakers = chosenPeople(people, c.SpeakerIDs)
	return row
}

// keep puts the values of a refused change on the entry's form.
func (row *entryRow) keep(f *form, r *http.Request) {
	row.Refused = true
	if _, ok := f.Values["starts_at"]; ok && f.Values["action"] != "unschedule" {
		row.Start = f.Values["starts_at"]
	}
	if _, ok := r.PostForm["room_id"]; ok {
		row.RoomID = f.Values["room_id"]
	}
	if _, ok := r.PostForm["session_id"]; ok {
		row.SessionID = f.Values["session_id"]
	}
	if d := f.Values["duration_minutes"]; d != "" {
		row.Duration = d
	}
}

// chosenPeople returns the people with the IDs, in their order, skipping
// unknown ones.
func chosenPeople(people map[string]*symposium.Person, ids []string) []*symposium.Person {
	var out []*symposium.Person
	for _, id := range ids {
		if person := people[id]; person != nil {
			out = append(out, person)
		}
	}
	return out
}

// outsideEvent says whether a scheduled entry starts before the event's
// first day or ends after its last, in the event's zone.
func outsideEvent(e *symposium.Event, c *symposium.Contribution) bool {
	if c.StartsAt == nil {
		return false
	}
	loc := e.Location()
	first := startOfDay(e.StartsAt.In(loc))
	last := startOfDay(e.EndsAt.In(loc)).AddDate(0, 0, 1)
	return c.StartsAt.Before(first) || c.EndsAt().After(last)
}

// startOfDay returns midnight of t's day in t's zone.
func startOfDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// announce says where an entry is now, for the editor's live region.
func announce(p *page, row *entryRow) string {
	if row.C.StartsAt == nil {
		return p.L.T("editor.announce_unscheduled", "Title", p.Plain(row.C.Title))
	}
	return p.L.T("editor.announce_moved", "Title", p.Plain(row.C.Title), "Day", p.L.DateShort(p.In(*row.C.StartsAt)),
		"Start", p.L.Time(p.In(*row.C.StartsAt)), "End", p.L.Time(p.In(*row.C.EndsAt())))
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

// entryFields are the plain fields of an entry's forms.
var entryFields = []string{"id", "starts_at", "room_id", "session_id", "duration_minutes", "kind", "action", "full", "new_speaker", "return"}

// saveEntry adds a programme entry, or changes one: moves it to another
// time or room, resizes it, takes it out of the timetable or edits it in
// full. A new speaker's name adds them to the people first. Refused
// changes show the form again with the conflicts and every choice kept.
func (h *Handler) saveEntry(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, entryFields...)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if err := h.addNewSpeaker(r, f); err != nil {
		h.entryFailed(w, r, f, renamePrefix(err, "name", "new_speaker"))
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
	redirect(w, r, editorURL(e, c))
}

// editorURL is the editor at the day of the entry, pointing at it.
func editorURL(e *symposium.Event, c *symposium.Contribution) string {
	q := url.Values{"moved": {c.ID}}
	if c.StartsAt != nil {
		q.Set("day", c.StartsAt.In(e.Location()).Format("2006-01-02"))
	}
	return "/events/" + e.Slug + "/editor?" + q.Encode() + "#entry-" + c.ID
}

// addNewSpeaker adds the person named in the form's new_speaker field to
// the people and to the entry's speakers; the field is emptied, and the
// person stays chosen should the entry be refused.
func (h *Handler) addNewSpeaker(r *http.Request, f *form) error {
	name := f.Values["new_speaker"]
	if name == "" {
		return nil
	}
	lang := symposium.LanguageFromContext(r.Context())
	created, err := h.People.Create(r.Context(), symposium.UserFromContext(r.Context()), &symposium.Person{Name: symposium.Text(lang, name)}, false)
	if err != nil {
		return err
	}
	r.PostForm["speaker_ids"] = append(r.PostForm["speaker_ids"], created.Person.ID)
	f.Values["new_speaker"] = ""
	return nil
}

// applyEntryForm copies the form onto the contribution: the schedule
// fields always, the rest when the form is a full one (adding, or editing
// an entry in full).
func applyEntryForm(r *http.Request, f *form, c *symposium.Contribution, loc *time.Location, p *symposium.Problems) {
	if f.Values["action"] == "unschedule" {
		c.StartsAt = nil
		return
	}
	if start := localTime(p, "starts_at", f.Values["starts_at"], loc); !start.IsZero() {
		c.StartsAt = &start
	} else if f.Values["starts_at"] == "" {
		c.StartsAt = nil
	}
	if _, ok := r.PostForm["room_id"]; ok {
		c.RoomID = f.Values["room_id"]
	}
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
	if f.Values["full"] == "yes" || f.Values["id"] == "" {
		c.Title = localizedField(r, f, "title")
		c.Description = localizedField(r, f, "description")
		c.Kind = f.Values["kind"]
		c.SpeakerIDs = r.PostForm["speaker_ids"]
	}
}

// entryFailed shows the form again with why the change was refused: the
// editor, or the entry's own page when the change came from there.
func (h *Handler) entryFailed(w http.ResponseWriter, r *http.Request, f *form, err error) {
	show := func(status int, conflicts []symposium.Conflict) {
		if f.Values["full"] == "yes" && f.Values["id"] != "" {
			h.renderEntry(w, r, status, f, f.Values["id"], conflicts)
			return
		}
		h.renderEditor(w, r, status, f, conflicts)
	}
	e := symposium.AsError(err)
	if e != nil && e.Code == symposium.ECONFLICT {
		conflicts, _ := e.Detail["conflicts"].([]symposium.Conflict)
		f.Summary = h.I18n.For(symposium.LanguageFromContext(r.Context())).T(e.Key)
		show(http.StatusConflict, conflicts)
		return
	}
	h.formFailed(w, r, f, err, func(status int) { show(status, nil) })
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

// undoEntry reverts the caller's last change to the programme.
func (h *Handler) undoEntry(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "change")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	e, c, err := h.Programme.UndoLast(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), f.Values["change"])
	if err != nil {
		h.entryFailed(w, r, newForm(), err)
		return
	}
	if c == nil {
		redirect(w, r, "/events/"+e.Slug+"/editor?undone=1")
		return
	}
	redirect(w, r, editorURL(e, c)+"&undone=1")
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
	redirect(w, r, "/events/"+r.PathValue("slug")+"/editor#rooms-heading")
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
	redirect(w, r, "/events/"+r.PathValue("slug")+"/editor#sessions-heading")
}
