package web

import (
	"net/http"
	"strings"

	"symposium"
	"symposium/internal/badge"
	"symposium/internal/names"
)

// badgeOf writes what a registration's badge shows: the name as written
// in its own script — the one not in Latin letters, the registrant's
// language first — with the Latin form on a line of its own, and texts of
// the event in its default language.
func (h *Handler) badgeOf(r *http.Request, e *symposium.Event, reg *symposium.Registration, category string) (badge.Badge, error) {
	b := badge.Badge{Event: e.Title.Get(e.DefaultLanguage, e.DefaultLanguage), Organization: reg.Organization, Category: category}
	for _, lang := range append([]string{reg.Language}, symposium.Languages...) {
		if s := reg.Name[lang]; s != "" && lang != "en" && b.Name == "" {
			b.Name = s
		}
	}
	b.Latin = reg.Name["en"]
	switch {
	case b.Name == "":
		b.Name, b.Latin = b.Latin, ""
	case b.Latin == "":
		b.Latin = names.Latin(b.Name)
	}
	tk, err := h.Registration.Ticket(r.Context(), reg)
	b.Ticket = tk
	return b, err
}

// latinName writes a name in Latin letters: as its holder wrote it in
// English, or else transliterated from the first script it is written in.
func latinName(t symposium.LocalizedText) string {
	if t["en"] != "" {
		return t["en"]
	}
	for _, l := range symposium.Languages {
		if t[l] != "" {
			return names.Latin(t[l])
		}
	}
	return ""
}

// badgeSheet prints the badges of the registrations the list's filters
// select — by default the confirmed ones — four to an A4 page with cut
// marks; with ?id= it prints one badge on A6.
func (h *Handler) badgeSheet(w http.ResponseWriter, r *http.Request) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return
	}
	cats, err := h.Store.Categories(r.Context(), ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	names := map[string]string{}
	for _, c := range cats {
		names[c.ID] = c.Name.Get(ed.Event.DefaultLanguage, ed.Event.DefaultLanguage)
	}
	q := registrationFilter(r, ed.Event.ID)
	if q.Status == "" {
		q.Status = symposium.RegConfirmed
	}
	q.Limit = 2000
	list, _, err := h.Store.Registrations(r.Context(), q)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	var badges []badge.Badge
	for i := range list {
		if id := r.URL.Query().Get("id"); id != "" && list[i].ID != id {
			continue
		}
		b, err := h.badgeOf(r, ed.Event, &list[i], names[list[i].CategoryID])
		if err != nil {
			h.Error(w, r, err)
			return
		}
		badges = append(badges, b)
	}
	var pdf []byte
	if r.URL.Query().Get("id") != "" && len(badges) == 1 {
		pdf, err = badge.One(badges[0])
	} else {
		pdf, err = badge.Sheet(badges)
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="`+strings.ReplaceAll(ed.Event.Slug, `"`, "")+`-badges.pdf"`)
	_, _ = w.Write(pdf)
}
