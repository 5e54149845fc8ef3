package web

import (
	"net/http"

	"symposium"
	"symposium/internal/matchmaking"
)

// mmView is what every matchmaking page sees: the matchmaking as the
// caller meets it, the open tab of its navigation, and the page's own
// data.
type mmView struct {
	MM   *matchmaking.Page
	Tab  string
	Data any
}

// mmPage prepares a matchmaking page of an event.
func (h *Handler) mmPage(r *http.Request, mp *matchmaking.Page, tab string, data any) *page {
	ed := &eventData{Event: mp.Event, Access: mp.Access}
	p := h.eventPage(r, ed, "matchmaking", mmView{MM: mp, Tab: tab, Data: data})
	p.Title = p.L.T("matchmaking.title") + " · " + p.Title
	return p
}

// mmRoutes are the routes of matchmaking.
func (h *Handler) mmRoutes(mux routeTable) {
	mux.HandleFunc("GET /events/{slug}/matchmaking", h.showMatchmaking)
	mux.HandleFunc("GET /events/{slug}/matchmaking/settings", h.showMMSettings)
	mux.HandleFunc("POST /events/{slug}/matchmaking/settings", h.saveMMSettings)
	mux.HandleFunc("GET /events/{slug}/matchmaking/profile", h.showMMProfile)
	mux.HandleFunc("POST /events/{slug}/matchmaking/profile", h.saveMMProfile)
	mux.HandleFunc("GET /events/{slug}/matchmaking/people", h.showCatalogue)
	mux.HandleFunc("GET /events/{slug}/matchmaking/people/{id}", h.showMMPerson)
	mux.HandleFunc("GET /events/{slug}/matchmaking/recommendations", h.showRecommendations)
	mux.HandleFunc("GET /events/{slug}/matchmaking/requests", h.showMMRequests)
	mux.HandleFunc("POST /events/{slug}/matchmaking/requests", h.sendMMRequest)
	mux.HandleFunc("POST /events/{slug}/matchmaking/requests/{id}/{action}", h.answerMMRequest)
	mux.HandleFunc("GET /events/{slug}/matchmaking/agenda", h.showAgenda)
	mux.HandleFunc("GET /events/{slug}/matchmaking/agenda.pdf", h.agendaPDF)
	mux.HandleFunc("POST /events/{slug}/matchmaking/meetings/{id}/mark", h.markMMMeeting)
	mux.HandleFunc("POST /events/{slug}/matchmaking/meetings/{id}/offer", h.takeMMOffer)
	mux.HandleFunc("POST /events/{slug}/matchmaking/meetings/{id}/follow-up", h.answerMMFollowUp)
	mux.HandleFunc("GET /events/{slug}/matchmaking/meet", h.showMMMeet)
	mux.HandleFunc("GET /events/{slug}/matchmaking/tables", h.showMMTables)
	mux.HandleFunc("GET /events/{slug}/matchmaking/schedule", h.showMMSchedule)
	mux.HandleFunc("POST /events/{slug}/matchmaking/schedule", h.runMMSchedule)
	mux.HandleFunc("GET /events/{slug}/matchmaking/dashboard", h.showMMDashboard)
	mux.HandleFunc("GET /events/{slug}/matchmaking/dashboard.csv", h.mmDashboardCSV)
	mux.HandleFunc("GET /matchmaking/feed/{file}", h.mmFeed)
}

// showMatchmaking is matchmaking's front page: what it is, its slots, and
// the way to each of its pages. Managers see it before it is open.
func (h *Handler) showMatchmaking(w http.ResponseWriter, r *http.Request) {
	mp, err := h.Matchmaking.Settings(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "mm_home", h.mmPage(r, mp, "home", nil))
}

// showMMSettings is the form where managers open matchmaking.
func (h *Handler) showMMSettings(w http.ResponseWriter, r *http.Request) {
	mp, err := h.Matchmaking.Settings(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err == nil && !mp.IsManager() {
		err = h.mmRefusal(mp)
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f := newForm()
	fillSettings(f, mp.Matchmaking, mp.Event.Location())
	p := h.mmPage(r, mp, "settings", h.settingsCards(r, mp))
	p.Form = f
	h.render(w, r, http.StatusOK, "mm_settings", p)
}

// settingsCards lists the participants with a profile, whose ids the
// settings name for reserved tables and delegations; none before
// matchmaking is open.
func (h *Handler) settingsCards(r *http.Request, mp *matchmaking.Page) []*matchmaking.Card {
	if mp.Matchmaking.OpensAt.IsZero() {
		return nil
	}
	_, cards, err := h.Matchmaking.Catalogue(r.Context(), symposium.UserFromContext(r.Context()), mp.Event.Slug, matchmaking.Filter{})
	if err != nil {
		return nil
	}
	return cards
}

// mmRefusal is the answer to a caller who sees the event but may not do
// what the page offers: forbidden when signed in, unauthorized when not.
func (h *Handler) mmRefusal(mp *matchmaking.Page) error {
	if mp.Access.User == nil {
		return symposium.Unauthorized()
	}
	return symposium.Forbidden()
}

// saveMMSettings opens or changes matchmaking.
func (h *Handler) saveMMSettings(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	mp, err := h.Matchmaking.Settings(r.Context(), u, r.PathValue("slug"))
	if err == nil && !mp.IsManager() {
		err = h.mmRefusal(mp)
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f, err := readForm(w, r, "opens_at", "closes_at", "requests_per_person", "approval", "industry_science", "periods", "tables", "interpreters", "delegations")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	m, err := readSettings(f, mp.Matchmaking, mp.Event.Location())
	if err == nil {
		_, err = h.Matchmaking.SaveSettings(r.Context(), u, mp.Event.Slug, m)
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			f.collapse("slots", "tables", "interpreters", "delegations")
			for from, to := range map[string]string{"slots": "periods"} {
				if msg, ok := f.Errors[from]; ok {
					f.Errors[to] = msg
				}
			}
			p := h.mmPage(r, mp, "settings", h.settingsCards(r, mp))
			p.Form = f
			h.render(w, r, status, "mm_settings", p)
		})
		return
	}
	redirect(w, r, "/events/"+mp.Event.Slug+"/matchmaking?saved=1")
}
