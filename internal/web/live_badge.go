package web

import (
	"net/http"
	"net/url"

	"symposium/internal/live"
)

// badgeJoin is what the page for joining by badge shows: the contribution
// to join, by ID only, since the page must not tell outsiders of a
// restricted event what it is.
type badgeJoin struct {
	ContributionID string
}

// showBadgeJoin is the page where a checked-in participant joins a
// contribution's live questions from a phone by scanning their own badge
// (or typing its code), even where the event takes no guests.
func (h *Handler) showBadgeJoin(w http.ResponseWriter, r *http.Request) {
	h.renderBadgeJoin(w, r, http.StatusOK, nil)
}

// renderBadgeJoin renders the page for joining by badge.
func (h *Handler) renderBadgeJoin(w http.ResponseWriter, r *http.Request, status int, f *form) {
	p := h.newPage(r, "live.badge.title", badgeJoin{ContributionID: r.PathValue("id")})
	p.Form = f
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, status, "live_badge", p)
}

// joinByBadge checks the scanned badge and keeps its ticket in a cookie on
// the phone, so that its owner asks and votes as that one participant.
func (h *Handler) joinByBadge(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "ticket")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	id := r.PathValue("id")
	if _, err := h.Live.JoinByBadge(r.Context(), h.guestCaller(r), id, f.Values["ticket"]); err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderBadgeJoin(w, r, status, f) })
		return
	}
	http.SetCookie(w, &http.Cookie{Name: live.BadgeCookie, Value: f.Values["ticket"], Path: "/", MaxAge: 14 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.SecureCookies})
	redirect(w, r, "/live/"+url.PathEscape(id))
}
