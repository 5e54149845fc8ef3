package web

import (
	"net/http"
	"slices"
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
}

// showReviewing is the reviewer's page; others get 404.
func (h *Handler) showReviewing(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	ed, c := h.loadCall(w, r)
	if ed == nil {
		return
	}
	if !ed.Access.Has(symposium.RoleReviewer) && !ed.Access.CanManage() {
		h.notFound(w, r)
		return
	}
	h.renderReviewing(w, r, ed, c, http.StatusOK, newForm())
}

// renderReviewing renders the reviewer's page, with a refused bid form.
func (h *Handler) renderReviewing(w http.ResponseWriter, r *http.Request, ed *eventData, c *symposium.Call, status int, f *form) {
	ctx, u := r.Context(), symposium.UserFromContext(r.Context())
	v := reviewingView{Call: c, Tracks: map[string]symposium.LocalizedText{}, Choices: symposium.Bids}
	for _, t := range c.Tracks {
		v.Tracks[t.ID] = t.Name
	}
	var err error
	if v.Assigned, err = h.Review.ReviewerAbstracts(ctx, u, ed.Event.ID); err != nil {
		h.Error(w, r, err)
		return
	}
	for _, a := range v.Assigned {
		if !a.Reviewed {
			v.Left++
		}
	}
	if v.Next, err = h.Review.Next(ctx, u, ed.Event.ID, ""); err != nil {
		h.Error(w, r, err)
		return
	}
	if v.Bids, err = h.Review.BiddingList(ctx, u, ed.Event.ID); err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, ed, "reviews", v)
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
	ed, c := h.loadCall(w, r)
	if ed == nil {
		return
	}
	if !ed.Access.Has(symposium.RoleReviewer) {
		h.notFound(w, r)
		return
	}
	f, err := readForm(w, r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	list, err := h.Review.BiddingList(r.Context(), u, ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	var p symposium.Problems
	changes := map[string]string{}
	for _, b := range list {
		field := "bid." + b.Abstract.ID
		bid := strings.TrimSpace(r.PostForm.Get(field))
		f.Values[field] = bid
		if bid != "" && !slices.Contains(symposium.Bids, bid) {
			p.Add(field, "error.field.one_of", "Allowed", strings.Join(symposium.Bids, ", "))
		}
		if _, sent := r.PostForm[field]; sent && bid != b.Bid {
			changes[b.Abstract.ID] = bid
		}
	}
	if err := p.Err(); err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderReviewing(w, r, ed, c, status, f) })
		return
	}
	if err := h.storeBids(r, list, changes); err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/events/"+ed.Event.Slug+"/reviews?notice=bids#bids")
}

// storeBids records the changed bids.
func (h *Handler) storeBids(r *http.Request, list []review.Biddable, changes map[string]string) error {
	u := symposium.UserFromContext(r.Context())
	for _, b := range list {
		bid, ok := changes[b.Abstract.ID]
		if !ok {
			continue
		}
		a := *b.Abstract
		if err := h.Review.SetBid(r.Context(), u, &a, bid); err != nil {
			return err
		}
	}
	return nil
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
