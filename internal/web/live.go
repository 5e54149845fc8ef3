package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"symposium"
	"symposium/internal/api"
	"symposium/internal/live"
	"symposium/internal/qrcode"
)

// liveView is a contribution's live questions and polls as one caller
// sees them, on the audience's page, the presenter's screen or the
// moderator's phone.
type liveView struct {
	*live.Questions
	Polls []symposium.LivePoll
	Query live.Query
	// Speaker says whether the caller speaks at the contribution, and may
	// answer questions in writing.
	Speaker bool
	// Stream is the path of the live stream the page's script listens to.
	Stream string
	// JoinURL and QR invite the audience to join from a phone.
	JoinURL string
	QR      template.HTML
	// Top are the questions the presenter's screen shows: visible, not
	// yet answered, pinned first and then by votes.
	Top []symposium.LiveQuestion
}

// PrevPage is the number of the list's page before this one, 0 for none.
func (v *liveView) PrevPage() int {
	if v.Page > 1 {
		return v.Page - 1
	}
	return 0
}

// NextPage is the number of the list's page after this one, 0 for none.
func (v *liveView) NextPage() int {
	if v.Page > 0 && v.Page < v.Pages {
		return v.Page + 1
	}
	return 0
}

// PageLink is the address of a page of the list, in its order and
// language.
func (v *liveView) PageLink(page int) string {
	q := url.Values{"sort": {v.Query.Sort}, "page": {strconv.Itoa(page)}}
	if v.Query.Language != "" {
		q.Set("language", v.Query.Language)
	}
	return "?" + q.Encode()
}

// presenterTop is how many questions the presenter's screen shows.
const presenterTop = 6

// liveRoutes are the routes of live questions and polls.
func (h *Handler) liveRoutes(mux routeTable) {
	mux.HandleFunc("GET /live/{id}", h.showLive)
	mux.HandleFunc("GET /live/{id}/presenter", h.showPresenter)
	mux.HandleFunc("GET /live/{id}/moderate", h.showModeration)
	mux.HandleFunc("GET /live/{id}/export/{format}", h.exportLive)
	mux.HandleFunc("GET /live/{id}/badge", h.showBadgeJoin)
	mux.HandleFunc("POST /live/{id}/badge", h.joinByBadge)
	mux.HandleFunc("POST /live/{id}/questions", h.askQuestion)
	mux.HandleFunc("POST /live/{id}/polls", h.createPoll)
	mux.HandleFunc("POST /live/questions/{qid}/vote", h.voteQuestion)
	mux.HandleFunc("POST /live/questions/{qid}/moderation", h.moderateQuestion)
	mux.HandleFunc("POST /live/questions/{qid}/answer", h.answerQuestion)
	mux.HandleFunc("POST /live/polls/{pid}/status", h.setPollStatus)
	mux.HandleFunc("POST /live/polls/{pid}/answers", h.answerPoll)
	mux.HandleFunc("GET /events/{slug}/live-settings", h.showLiveSettings)
	mux.HandleFunc("POST /events/{slug}/live-settings", h.saveLiveSettings)
}

// caller returns who acts on live questions, giving a guest without an
// account a device ID on their first visit to an event that takes guests.
func (h *Handler) caller(w http.ResponseWriter, r *http.Request, guests bool) live.Caller {
	c := h.guestCaller(r)
	if c.User == nil && c.Guest == "" && guests {
		c.Guest = symposium.NewID()
		http.SetCookie(w, &http.Cookie{Name: api.GuestCookie, Value: c.Guest, Path: "/", MaxAge: 30 * 24 * 3600,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.SecureCookies})
	}
	return c
}

// guestCaller returns the caller of a form: the guest's device ID comes
// from the cookie their first visit set, and the badge's ticket from the
// cookie joining by badge set.
func (h *Handler) guestCaller(r *http.Request) live.Caller {
	var guest string
	if c, err := r.Cookie(api.GuestCookie); err == nil {
		guest = c.Value
	}
	c := live.CallerFrom(r.Context(), guest)
	if b, err := r.Cookie(live.BadgeCookie); err == nil {
		c.Badge = b.Value
	}
	return c
}

// loadLive reads what a live page shows.
// The list is paged unless paged is false (the presenter's screen).
func (h *Handler) loadLive(w http.ResponseWriter, r *http.Request, id string, paged bool) (*liveView, error) {
	q := live.Query{Sort: r.URL.Query().Get("sort"), Language: r.URL.Query().Get("language"), Page: 1}
	if n, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && n > 1 {
		q.Page = n
	}
	if !paged {
		q.Page = 0 // the presenter's screen picks its top questions from all
	}
	if q.Sort != "time" {
		q.Sort = "votes"
	}
	if !symposium.IsLanguage(q.Language) {
		q.Language = ""
	}
	c := h.guestCaller(r)
	list, err := h.Live.Questions(r.Context(), c, id, q)
	if err != nil {
		return nil, err
	}
	if c.User == nil && list.Settings.Guests {
		c = h.caller(w, r, true)
	}
	polls, err := h.Live.Polls(r.Context(), c, id)
	if err != nil {
		return nil, err
	}
	speaker, err := h.Live.IsSpeaker(r.Context(), c.User, list.Contribution)
	if err != nil {
		return nil, err
	}
	return &liveView{Questions: list, Polls: polls, Query: q, Speaker: speaker, Stream: api.Prefix + "/contributions/" + id + "/live"}, nil
}

// renderLive renders one of the live pages with its status.
func (h *Handler) renderLive(w http.ResponseWriter, r *http.Request, status int, name string, v *liveView, f *form) {
	p := h.eventPage(r, &eventData{Event: v.Event, Access: v.Access}, "timetable", v)
	p.Title = p.Plain(v.Contribution.Title) + " · " + p.L.T("live.title")
	p.Form = f
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, status, name, p)
}

// showLive is the audience's page: ask, vote, sort and filter, answer
// polls. Without a script it works as forms that reload.
func (h *Handler) showLive(w http.ResponseWriter, r *http.Request) {
	h.liveOr(w, r, "live", nil, http.StatusOK)
}

// liveOr renders a live page, or the error reading it.
func (h *Handler) liveOr(w http.ResponseWriter, r *http.Request, name string, f *form, status int) {
	v, err := h.loadLive(w, r, r.PathValue("id"), name != "live_presenter")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if name == "live_moderate" && !v.Moderator {
		h.Error(w, r, v.Access.Require(v.Event, false))
		return
	}
	if name == "live_presenter" {
		v.JoinURL = h.BaseURL + "/live/" + v.Contribution.ID
		svg, err := qrcode.SVG(v.JoinURL)
		if err != nil {
			h.Error(w, r, err)
			return
		}
		// The code's text alternative is the address it holds (WCAG 1.1.1).
		v.QR = template.HTML(strings.Replace(svg, ` role="img"`, ` role="img" aria-label="`+template.HTMLEscapeString(v.JoinURL)+`"`, 1))
		for _, q := range v.Items {
			if q.Status == symposium.LiveVisible && !q.Answered && len(v.Top) < presenterTop {
				v.Top = append(v.Top, q)
			}
		}
	}
	h.renderLive(w, r, status, name, v, f)
}

// showPresenter is the screen behind the speaker: large type, the top
// questions, the open poll's results and a QR code to join.
func (h *Handler) showPresenter(w http.ResponseWriter, r *http.Request) {
	h.liveOr(w, r, "live_presenter", nil, http.StatusOK)
}

// showModeration is the moderators' view, made for a phone.
func (h *Handler) showModeration(w http.ResponseWriter, r *http.Request) {
	h.liveOr(w, r, "live_moderate", nil, http.StatusOK)
}

// liveQuestionData passes a question and its page to a template.
type liveQuestionData struct {
	P *page
	Q symposium.LiveQuestion
}

// livePollData passes a poll, its page and the view it shows in to a
// template.
type livePollData struct {
	P    *page
	Poll symposium.LivePoll
	Back string
}
