package web

import (
	"context"
	"net/http"
	"strings"

	"symposium"
)

// withdrawAbstract withdraws an abstract for one of its authors.
func (h *Handler) withdrawAbstract(w http.ResponseWriter, r *http.Request) {
	h.authorAction(w, r, "withdrawn", h.Review.Withdraw)
}

// confirmAuthorship records that the signed-in author confirms being one.
func (h *Handler) confirmAuthorship(w http.ResponseWriter, r *http.Request) {
	h.authorAction(w, r, "confirmed", h.Review.Confirm)
}

// authorAction runs an action of an author on the abstract of the request
// and shows the abstract again with a confirmation.
func (h *Handler) authorAction(w http.ResponseWriter, r *http.Request, notice string, act func(context.Context, *symposium.User, string) error) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	id := r.PathValue("id")
	if err := act(r.Context(), u, id); err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/abstracts/"+id+"?notice="+notice)
}

// declareConflict records a conflict of interest: declared by the assigned
// reviewer, which takes the abstract out of their hands, or by an author
// about the reviewer with the email they give, who then cannot review it.
func (h *Handler) declareConflict(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "email")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	id := r.PathValue("id")
	e, err := h.Review.Declare(r.Context(), u, id, f.Value("email"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if f.Value("email") != "" {
		redirect(w, r, "/abstracts/"+id+"?notice=author_declared")
		return
	}
	redirect(w, r, "/events/"+e.Slug+"/reviews?notice=declared")
}

// decideAbstract records a manager's decision on one abstract: accepted as
// a talk, poster or panel, or rejected; pending until released.
func (h *Handler) decideAbstract(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "decision")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	id := r.PathValue("id")
	outcome, as := splitDecision(f.Values["decision"])
	if err := h.Review.Decide(r.Context(), u, id, outcome, as); err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.showAbstractAgain(w, r, status, f, nil) })
		return
	}
	redirect(w, r, "/abstracts/"+id+"?notice=decided")
}

// splitDecision reads a decision choice such as "accept:poster" or
// "reject".
func splitDecision(choice string) (outcome, as string) {
	outcome, as, _ = strings.Cut(choice, ":")
	return outcome, as
}

// assignReviewer assigns a reviewer by email. A conflict of interest
// shows the page again with the reasons in words and asks for the reason
// to assign anyway.
func (h *Handler) assignReviewer(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "email", "override")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	id := r.PathValue("id")
	_, err = h.Review.AssignReviewer(r.Context(), u, id, f.Values["email"], f.Values["override"])
	if err != nil {
		var conflicts []symposium.Interest
		if e := symposium.AsError(err); e != nil && e.Code == symposium.ECONFLICT {
			conflicts, _ = e.Detail["conflicts"].([]symposium.Interest)
		}
		h.formFailed(w, r, f, err, func(status int) { h.showAbstractAgain(w, r, status, f, conflicts) })
		return
	}
	redirect(w, r, "/abstracts/"+id+"?notice=assigned#reviewers")
}
