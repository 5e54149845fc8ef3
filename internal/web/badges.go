package web

import (
	"net/http"
	"strings"

	"symposium"
	"symposium/internal/badge"
	"symposium/internal/names"
)

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
	id := r.URL.Query().Get("id")
	bp, badges, err := h.Registration.Badges(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), registrationFilter(r), id)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	var pdf []byte
	if id != "" && len(badges) == 1 {
		pdf, err = badge.One(badges[0])
	} else {
		pdf, err = badge.Sheet(badges)
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="`+strings.ReplaceAll(bp.Event.Slug, `"`, "")+`-badges.pdf"`)
	_, _ = w.Write(pdf)
}
