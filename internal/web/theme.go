package web

import (
	"fmt"
	"net/http"
	"strconv"

	"symposium"
)

// eventTheme serves the stylesheet of an event's own look: its accent
// colour for the header, buttons and links. The event's pages link it with
// the event's version in its address, so a matching version is kept for a
// year by every cache (by the browser's alone at a restricted event), and
// an older one is checked each time.
func (h *Handler) eventTheme(w http.ResponseWriter, r *http.Request) {
	e, _, err := h.Events.Visible(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", themeCaching(e, r.URL.Query().Get("v")))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	fmt.Fprintf(w, "/* The look of %s. */\n", e.Slug)
	if symposium.AccentContrast(e.Accent) < symposium.MinAccentContrast {
		return // no colour of its own, or one that no longer passes: the site's stays
	}
	fmt.Fprintf(w, ":root { --accent: %s; --accent-ink: #ffffff; }\n", e.Accent)
	fmt.Fprint(w, ".event-header { border-top: .3rem solid var(--accent); padding-top: .6rem; }\n")
	fmt.Fprint(w, ".event-header h1 a.plain { color: var(--accent); }\n")
}

// themeCaching is the Cache-Control of an event's stylesheet asked for
// with version v.
func themeCaching(e *symposium.Event, v string) string {
	if v != themeVersion(e) {
		return "no-cache"
	}
	if e.Visibility != symposium.VisibilityPublic || e.Status == symposium.StatusDraft {
		return "private, max-age=31536000, immutable"
	}
	return "public, max-age=31536000, immutable"
}

// themeVersion names the version of an event's look: it changes whenever
// the event does.
func themeVersion(e *symposium.Event) string {
	return strconv.FormatInt(e.UpdatedAt.UnixMilli(), 36)
}

// themeURL is the address of an event's stylesheet, with its version.
func themeURL(e *symposium.Event) string {
	return "/events/" + e.Slug + "/theme.css?v=" + themeVersion(e)
}
