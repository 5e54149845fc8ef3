package web

import (
	"net/http"
	"strings"

	"symposium"
	"symposium/internal/review"
)

// reviewingView is a reviewer's page at an event: the abstracts assigned
// to them and the list to bid on.
type reviewingView struct {
	Call     *symposium.Call
	Assigned []review.Assigned
	Left     int
	Next     string
	Bids     []review.Biddable
	Tracks   map[string]symposium.LocalizedText
	Choices  []string
	// Reviewer says the reader reviews at the event, and so states the
	// languages they read.
	Reviewer bool
}

// showReviewing is the reviewer's page, for the event's reviewers and
// managers; anonymous readers sign in first.
func (h *Handler) showReviewing(w http.ResponseWriter, r *http.Request) {
	h.renderReviewing(w, r, http.StatusOK, newForm())
}

// renderReviewing renders the reviewer's page, with a refused bid form.
func (h *Handler) renderReviewing(w http.ResponseWriter, r *http.Request, status int, f *form) {
	rv, err := h.Review.Reviewing(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := reviewingView{Call: rv.Call, Assigned: rv.Assigned, Next: rv.Next, Bids: rv.Bids,
		Tracks: map[string]symposium.LocalizedText{}, Choices: symposium.Bids, Reviewer: rv.Access.Has(symposium.RoleReviewer)}
	for _, t := range rv.Call.Tracks {
		v.Tracks[t.ID] = t.Name
	}
	for _, a := range v.Assigned {
		if !a.Reviewed {
			v.Left++
		}
	}
	p := h.eventPage(r, &eventData{Event: rv.Event, Access: rv.Access}, "reviews", v)
	if f.Summary == "" && f.Values["languages"] == "" {
		f.Values["languages"] = strings.Join(rv.Languages, ",")
	}
	p.Form = f
	p.Notice = reviewNotice(p, r)
	h.render(w, r, status, "reviews", p)
}

// saveBids stores the bids of the reviewer's bidding form, all at once:
// when one is not valid, none is stored.
func (h *Handler) saveBids(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	bids := map[string]string{}
	for field := range r.PostForm {
		if id, ok := strings.CutPrefix(field, "bid."); ok {
			bids[id] = strings.TrimSpace(r.PostForm.Get(field))
			f.Values[field] = bids[id]
		}
	}
	slug := r.PathValue("slug")
	if err := h.Review.SetBids(r.Context(), u, slug, bids); err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderReviewing(w, r, status, f) })
		return
	}
	redirect(w, r, "/events/"+slug+"/reviews?notice=bids#bids")
}

// Pick returns the submitted value of a field when the form has one, and
// otherwise the fallback: {{$.Form.Pick "bid.x" .Bid}}.
func (f *form) Pick(name, fallback string) string {
	if f == nil {
		return fallback
	}
	if v, ok := f.Values[name]; ok {
		return v
	}
	return fallback
}

// saveLanguages records the languages the reviewer reads, which the
// automatic assignment respects.
func (h *Handler) saveLanguages(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	langs := r.PostForm["languages"]
	f.Values["languages"] = strings.Join(langs, ",")
	slug := r.PathValue("slug")
	if _, err := h.Review.SetMyLanguages(r.Context(), u, slug, langs); err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderReviewing(w, r, status, f) })
		return
	}
	redirect(w, r, "/events/"+slug+"/reviews?notice=languages#languages")
}
