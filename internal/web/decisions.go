package web

import (
	"net/http"
	"net/url"
	"strconv"

	"symposium"
	"symposium/internal/review"
	"symposium/internal/store"
)

// defaultPerAbstract is the number of reviewers the automatic assignment
// form suggests for each abstract.
const defaultPerAbstract = 2

// decisionsView is the managers' decision list: the abstracts with their
// reviews summed up, filters and sorting, decisions, the reviewers and
// their automatic assignment.
type decisionsView struct {
	Call    *symposium.Call
	Rows    []decisionRow
	Filter  review.ListFilter
	Order   string
	Query   string // the filters as a query string, kept by the forms
	Pending int
	// PendingMails is how many mails releasing sends.
	PendingMails int
	Tracks       map[string]symposium.LocalizedText
	Reviewers    []reviewerView
	Proposal     *proposalView
	Langs        []string
}

// decisionRow is one abstract of the list, its scores on a scale of 0 to
// 100.
type decisionRow struct {
	review.Row
	Mean, Median, Spread string
}

// reviewerView is one reviewer of the event with the tracks they review.
type reviewerView struct {
	ID, Email, Name string
	Tracks          []symposium.LocalizedText
}

// decisionFilter reads the list's filters and order from the request,
// dropping values it does not know.
func decisionFilter(r *http.Request) (review.ListFilter, string) {
	q := r.URL.Query()
	f := review.ListFilter{TrackID: q.Get("track"), Status: q.Get("status"), Decision: q.Get("decision"), Sort: q.Get("sort")}
	if _, ok := abstractStatusKeys[f.Status]; !ok {
		f.Status = ""
	}
	if _, ok := decisionFilterKeys[f.Decision]; !ok {
		f.Decision = ""
	}
	if _, ok := sortKeys[f.Sort]; !ok {
		f.Sort = "mean"
	}
	order := q.Get("order")
	if order != "asc" {
		order = "desc"
	}
	f.Ascend = order == "asc"
	return f, order
}

// showDecisions is the decision list, for the event's managers.
func (h *Handler) showDecisions(w http.ResponseWriter, r *http.Request) {
	h.renderDecisions(w, r, http.StatusOK, newForm(), nil)
}

// renderDecisions renders the decision list, with a refused form or an
// assignment proposal to look at before applying it.
func (h *Handler) renderDecisions(w http.ResponseWriter, r *http.Request, status int, f *form, proposal *review.Proposal) {
	filter, order := decisionFilter(r)
	b, err := h.Review.Board(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), filter)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := decisions(b, filter, order)
	if proposal != nil {
		k, _ := strconv.Atoi(f.Values["k"])
		v.Proposal = describeProposal(proposal, k, b.Abstracts, v.Reviewers)
	}
	if f.Values["k"] == "" {
		f.Values["k"] = strconv.Itoa(defaultPerAbstract)
	}
	p := h.eventPage(r, &eventData{Event: b.Event, Access: b.Access}, "decisions", v)
	p.Form = f
	p.Notice = reviewNotice(p, r)
	h.render(w, r, status, "decisions", p)
}

// decisions lays out the list with its filters, the count of decisions
// pending release, and the reviewers.
func decisions(b *review.Board, filter review.ListFilter, order string) *decisionsView {
	v := &decisionsView{Call: b.Call, Tracks: map[string]symposium.LocalizedText{}, Langs: symposium.Languages, Filter: filter, Order: order}
	v.Query = url.Values{"track": {v.Filter.TrackID}, "status": {v.Filter.Status}, "decision": {v.Filter.Decision},
		"sort": {v.Filter.Sort}, "order": {v.Order}}.Encode()
	for _, t := range b.Call.Tracks {
		v.Tracks[t.ID] = t.Name
	}
	for _, row := range b.Rows {
		v.Rows = append(v.Rows, decisionRow{Row: row, Mean: score100(row.Mean), Median: score100(row.Median), Spread: score100(row.Spread)})
	}
	v.Pending, v.PendingMails = b.Pending, b.PendingMails
	v.Reviewers = describeReviewers(b.Reviewers, v.Tracks)
	return v
}

// score100 writes a score of 0–1 on a scale of 0 to 100, or nothing.
func score100(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(percent(*v))
}

// describeReviewers lists reviewers with the names of their tracks.
func describeReviewers(list []*store.Reviewer, tracks map[string]symposium.LocalizedText) []reviewerView {
	var out []reviewerView
	for _, r := range list {
		rv := reviewerView{ID: r.User.ID, Email: r.User.Email, Name: r.User.Name}
		for _, id := range r.TrackIDs {
			rv.Tracks = append(rv.Tracks, tracks[id])
		}
		out = append(out, rv)
	}
	return out
}

// proposalView is an automatic assignment shown before it is applied.
type proposalView struct {
	K           int
	Assignments []proposedView
	Load        []loadView
	Short       []*symposium.Abstract
}

// proposedView is one proposed assignment.
type proposedView struct {
	Abstract *symposium.Abstract
	Reviewer string
}

// loadView is how many abstracts a reviewer would have.
type loadView struct {
	Reviewer string
	N        int
}

// describeProposal names the abstracts and reviewers of a proposal.
func describeProposal(p *review.Proposal, k int, all []*symposium.Abstract, reviewers []reviewerView) *proposalView {
	abstracts := map[string]*symposium.Abstract{}
	for _, a := range all {
		abstracts[a.ID] = a
	}
	emails := map[string]string{}
	out := &proposalView{K: k}
	for _, r := range reviewers {
		emails[r.ID] = r.Email
		out.Load = append(out.Load, loadView{Reviewer: r.Email, N: p.Load[r.ID]})
	}
	for _, a := range p.Assignments {
		if abstracts[a.AbstractID] != nil {
			out.Assignments = append(out.Assignments, proposedView{Abstract: abstracts[a.AbstractID], Reviewer: emails[a.ReviewerID]})
		}
	}
	for _, id := range p.Short {
		if abstracts[id] != nil {
			out.Short = append(out.Short, abstracts[id])
		}
	}
	return out
}
