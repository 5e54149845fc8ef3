package web

import (
	"net/http"

	"symposium"
)

// showEntry is the page that edits one programme entry in full: its title
// and description in the event's languages, kind, speakers, time, room,
// length and session.
func (h *Handler) showEntry(w http.ResponseWriter, r *http.Request) {
	h.renderEntry(w, r, http.StatusOK, nil, r.PathValue("id"), nil)
}

// renderEntry renders an entry's page, filled from the stored entry unless
// f carries a refused change, with the conflicts that refused it.
func (h *Handler) renderEntry(w http.ResponseWriter, r *http.Request, status int, f *form, id string, conflicts []symposium.Conflict) {
	ed, err := h.loadEditor(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, &eventData{Event: ed.Event, Access: ed.Access}, "editor", nil)
	v := newEditorView(p, ed, r, f)
	for _, rows := range [][]entryRow{v.Scheduled, v.Tray} {
		for i := range rows {
			if rows[i].C.ID == id {
				v.Editing = &rows[i]
			}
		}
	}
	if v.Editing == nil {
		h.Error(w, r, symposium.NotFound())
		return
	}
	if f == nil {
		f = newForm()
		fillLocalized(f, "title", v.Editing.C.Title)
		fillLocalized(f, "description", v.Editing.C.Description)
		f.Values["kind"] = v.Editing.C.Kind
	} else {
		v.Editing.Speakers = chosenPeople(v.People, r.PostForm["speaker_ids"])
	}
	v.Conflicts = describeConflicts(p, v.Rooms, conflicts)
	p.Data, p.Form = v, f
	h.render(w, r, status, "editor_entry", p)
}
