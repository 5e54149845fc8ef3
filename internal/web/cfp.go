package web

import (
	"net/http"
	"slices"
	"time"

	"symposium"
	"symposium/internal/review"
)

// callView is an event's call for abstracts as its page shows it.
type callView struct {
	Call *symposium.Call
	// Phase is "soon", "open" or "closed": where the call stands now.
	Phase string
	// Mine lists the abstracts the reader submitted or is an author of.
	Mine []*symposium.Abstract
}

// showCall is an event's call for abstracts: its text, dates in the
// event's zone, tracks, what may be submitted and the word limit, with a
// way to submit. Managers of an event without a call are offered to set
// one up; anyone else gets 404.
func (h *Handler) showCall(w http.ResponseWriter, r *http.Request) {
	ed := h.loadEvent(w, r)
	if ed == nil {
		return
	}
	c, err := h.Store.Call(r.Context(), ed.Event.ID)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND && ed.Access.CanManage() {
		h.render(w, r, http.StatusOK, "cfp", h.eventPage(r, ed, "cfp", callView{}))
		return
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := callView{Call: c, Phase: callPhase(c, h.Review.Now())}
	if u := symposium.UserFromContext(r.Context()); u != nil {
		if v.Mine, err = h.myAbstracts(r, ed.Event.ID, u); err != nil {
			h.Error(w, r, err)
			return
		}
	}
	h.render(w, r, http.StatusOK, "cfp", h.eventPage(r, ed, "cfp", v))
}

// callPhase says where a call stands at a moment: "soon", "open" or
// "closed".
func callPhase(c *symposium.Call, now time.Time) string {
	switch {
	case now.Before(c.OpensAt):
		return "soon"
	case c.IsOpen(now):
		return "open"
	}
	return "closed"
}

// myAbstracts lists the abstracts of an event an account submitted or
// one of whose authors is a person with its verified email, without their
// texts.
func (h *Handler) myAbstracts(r *http.Request, eventID string, u *symposium.User) ([]*symposium.Abstract, error) {
	all, err := h.Store.EventAbstractsBrief(r.Context(), eventID)
	if err != nil {
		return nil, err
	}
	people, err := h.Store.AccountPeople(r.Context(), u)
	if err != nil {
		return nil, err
	}
	var out []*symposium.Abstract
	for _, a := range all {
		if a.SubmitterID == u.ID || slices.ContainsFunc(people, func(p *symposium.Person) bool { return slices.Contains(a.AuthorIDs, p.ID) }) {
			out = append(out, review.Redact(a, review.AsAuthor, false))
		}
	}
	return out, nil
}
