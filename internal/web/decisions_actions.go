package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"symposium"
)

// decideMany records decisions from the decision list: one row's, when
// its button was pressed, or the bulk decision for every row checked. A
// choice that is not valid decides nothing.
func (h *Handler) decideMany(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "one", "bulk")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ids, field := r.PostForm["ids"], "bulk"
	if one := f.Values["one"]; one != "" {
		ids, field = []string{one}, "decision."+one
		f.Values["bulk"] = r.PostForm.Get(field)
	}
	outcome, as := splitDecision(f.Values["bulk"])
	var p symposium.Problems
	if !validDecision(outcome, as) {
		p.Add(field, "error.field.choice")
	}
	if len(ids) == 0 {
		p.Add("ids", "decisions.choose_rows")
	}
	slug := r.PathValue("slug")
	n := 0
	if err = p.Err(); err == nil {
		n, err = h.Review.DecideMany(r.Context(), u, slug, ids, outcome, as)
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderDecisions(w, r, status, f, nil) })
		return
	}
	redirect(w, r, fmt.Sprintf("/events/%s/decisions?%s&notice=decided_many&n=%d", slug, r.URL.RawQuery, n))
}

// validDecision reports whether a decision choice is one the list offers.
func validDecision(outcome, as string) bool {
	switch outcome {
	case symposium.DecisionReject:
		return as == ""
	case symposium.DecisionAccept:
		return slices.Contains(symposium.SubmissionTypes, as)
	}
	return false
}

// releaseDecisions releases the pending decisions: accepted abstracts
// become unscheduled contributions and authors are told.
func (h *Handler) releaseDecisions(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	slug := r.PathValue("slug")
	done, err := h.Review.Release(r.Context(), u, slug)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/events/%s/decisions?notice=released&n=%d", slug, len(done)))
}

// autoAssign proposes reviewers for every abstract, k each in all, and
// shows the proposal; with action=apply it assigns them.
func (h *Handler) autoAssign(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "k", "action")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	k, err := strconv.Atoi(f.Values["k"])
	if err != nil {
		k = 0
	}
	slug, preview := r.PathValue("slug"), f.Values["action"] != "apply"
	proposal, err := h.Review.AutoAssign(r.Context(), u, slug, k, preview)
	if err != nil {
		h.formFailed(w, r, f, renamePrefix(err, "per_abstract", "k"), func(status int) { h.renderDecisions(w, r, status, f, nil) })
		return
	}
	if preview {
		h.renderDecisions(w, r, http.StatusOK, f, proposal)
		return
	}
	redirect(w, r, fmt.Sprintf("/events/%s/decisions?notice=auto_assigned&n=%d#assign", slug, len(proposal.Assignments)))
}

// addReviewer makes an account a reviewer of the event, for the tracks
// checked (none: any track).
func (h *Handler) addReviewer(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "reviewer_email")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	slug := r.PathValue("slug")
	_, err = h.Review.AddReviewer(r.Context(), u, slug, f.Values["reviewer_email"], r.PostForm["reviewer_tracks"])
	if err != nil {
		err = renamePrefix(renamePrefix(err, "email", "reviewer_email"), "track_ids", "reviewer_tracks")
		h.formFailed(w, r, f, err, func(status int) {
			f.collapse("reviewer_tracks")
			h.renderDecisions(w, r, status, f, nil)
		})
		return
	}
	redirect(w, r, "/events/"+slug+"/decisions?notice=reviewer_added#reviewers")
}
