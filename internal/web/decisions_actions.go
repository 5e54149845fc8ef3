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
	ed, c := h.managedCall(w, r)
	if ed == nil {
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
	abstracts, err := h.eventAbstracts(r, ed.Event.ID, ids)
	if err == nil {
		err = p.Err()
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderDecisions(w, r, ed, c, status, f, nil) })
		return
	}
	for _, a := range abstracts {
		if err := h.Review.Decide(r.Context(), a, outcome, as); err != nil {
			h.Error(w, r, err)
			return
		}
	}
	redirect(w, r, fmt.Sprintf("/events/%s/decisions?%s&notice=decided_many&n=%d", ed.Event.Slug, r.URL.RawQuery, len(abstracts)))
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

// eventAbstracts loads abstracts of an event by ID; one of another event
// is not found.
func (h *Handler) eventAbstracts(r *http.Request, eventID string, ids []string) ([]*symposium.Abstract, error) {
	var out []*symposium.Abstract
	for _, id := range ids {
		a, err := h.Store.Abstract(r.Context(), id)
		if err != nil {
			return nil, err
		}
		if a.EventID != eventID {
			return nil, symposium.NotFound()
		}
		out = append(out, a)
	}
	return out, nil
}

// managedCall loads the event of the request and its call for a manager;
// anyone else gets 404.
func (h *Handler) managedCall(w http.ResponseWriter, r *http.Request) (*eventData, *symposium.Call) {
	ed := h.loadManagedEvent(w, r)
	if ed == nil {
		return nil, nil
	}
	c, err := h.Store.Call(r.Context(), ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return nil, nil
	}
	return ed, c
}

// releaseDecisions releases the pending decisions: accepted abstracts
// become unscheduled contributions and authors are told.
func (h *Handler) releaseDecisions(w http.ResponseWriter, r *http.Request) {
	ed, _ := h.managedCall(w, r)
	if ed == nil {
		return
	}
	done, err := h.Review.Release(r.Context(), ed.Event)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/events/%s/decisions?notice=released&n=%d", ed.Event.Slug, len(done)))
}

// autoAssign proposes reviewers for every abstract, k each in all, and
// shows the proposal; with action=apply it assigns them.
func (h *Handler) autoAssign(w http.ResponseWriter, r *http.Request) {
	ed, c := h.managedCall(w, r)
	if ed == nil {
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
	preview := f.Values["action"] != "apply"
	proposal, err := h.Review.AutoAssign(r.Context(), symposium.UserFromContext(r.Context()), ed.Event, k, preview)
	if err != nil {
		h.formFailed(w, r, f, renamePrefix(err, "per_abstract", "k"), func(status int) { h.renderDecisions(w, r, ed, c, status, f, nil) })
		return
	}
	if preview {
		h.renderDecisions(w, r, ed, c, http.StatusOK, f, proposal)
		return
	}
	redirect(w, r, fmt.Sprintf("/events/%s/decisions?notice=auto_assigned&n=%d#assign", ed.Event.Slug, len(proposal.Assignments)))
}

// addReviewer makes an account a reviewer of the event, for the tracks
// checked (none: any track).
func (h *Handler) addReviewer(w http.ResponseWriter, r *http.Request) {
	ed, c := h.managedCall(w, r)
	if ed == nil {
		return
	}
	f, err := readForm(w, r, "reviewer_email")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	var p symposium.Problems
	for _, id := range r.PostForm["reviewer_tracks"] {
		if c.Track(id) == nil {
			p.Add("reviewer_tracks", "error.field.unknown_reference")
		}
	}
	var role *symposium.EventRole
	if err = p.Err(); err == nil {
		role, err = h.Store.AddEventRole(r.Context(), ed.Event.ID, f.Values["reviewer_email"], symposium.RoleReviewer)
	}
	if err == nil {
		err = h.Store.SetReviewerTracks(r.Context(), ed.Event.ID, role.UserID, r.PostForm["reviewer_tracks"])
	}
	if err != nil {
		err = renamePrefix(renamePrefix(err, "email", "reviewer_email"), "track_ids", "reviewer_tracks")
		h.formFailed(w, r, f, err, func(status int) {
			f.collapse("reviewer_tracks")
			h.renderDecisions(w, r, ed, c, status, f, nil)
		})
		return
	}
	redirect(w, r, "/events/"+ed.Event.Slug+"/decisions?notice=reviewer_added#reviewers")
}
