package web

import (
	"net/http"
	"strconv"

	"symposium"
)

// showMMRequests lists the caller's requests, received and sent, with
// accept and decline; managers see every request and may approve.
func (h *Handler) showMMRequests(w http.ResponseWriter, r *http.Request) {
	rs, err := h.Matchmaking.Requests(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.mmPage(r, rs.Page, "requests", rs)
	if r.URL.Query().Get("sent") != "" {
		p.Notice = p.L.T("matchmaking.request_sent")
	}
	h.render(w, r, http.StatusOK, "mm_requests", p)
}

// sendMMRequest asks for a meeting, from a person's page.
func (h *Handler) sendMMRequest(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "to", "from", "priority", "message")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	priority, _ := strconv.Atoi(f.Values["priority"])
	if f.Values["priority"] != "" && priority == 0 {
		priority = -1 // refused by validation, naming the field
	}
	req := &symposium.MeetingRequest{ToID: f.Values["to"], FromID: f.Values["from"], Priority: priority, Message: f.Values["message"]}
	slug := r.PathValue("slug")
	mp, err := h.Matchmaking.CreateRequest(r.Context(), u, slug, req)
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			mp, c, perr := h.Matchmaking.Profile(r.Context(), u, slug, f.Values["to"])
			if perr != nil {
				rs, rerr := h.Matchmaking.Requests(r.Context(), u, slug)
				if rerr != nil {
					h.Error(w, r, rerr)
					return
				}
				p := h.mmPage(r, rs.Page, "requests", rs)
				p.Form = f
				h.render(w, r, status, "mm_requests", p)
				return
			}
			p := h.mmPage(r, mp, "people", mmPersonView{Card: c})
			p.Form = f
			h.render(w, r, status, "mm_person", p)
		})
		return
	}
	redirect(w, r, "/events/"+mp.Event.Slug+"/matchmaking/requests?sent=1")
}

// answerMMRequest accepts, declines or approves a request.
func (h *Handler) answerMMRequest(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	id := r.PathValue("id")
	var err error
	switch r.PathValue("action") {
	case "accept", "decline":
		_, _, err = h.Matchmaking.Answer(r.Context(), u, id, r.PathValue("action") == "accept")
	case "approve":
		_, err = h.Matchmaking.Approve(r.Context(), u, id)
	default:
		err = symposium.NotFound()
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/matchmaking/requests")
}
