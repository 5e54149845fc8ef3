package web

import (
	"maps"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"symposium"
	"symposium/internal/review"
)

// maxRadioScale is the widest rating scale shown as radio buttons; wider
// ones take a number.
const maxRadioScale = 11

// reviewFormView is the review form of an assigned reviewer.
type reviewFormView struct {
	Questions []questionView
	// Prompts are the call's open questions, answered in the comments.
	Prompts []symposium.LocalizedText
	Own     *symposium.Review
	// Closed names why reviews are not taken now, or is "".
	Closed string
}

// questionView is one rating or yes/no question of the review form.
type questionView struct {
	ID       string
	Text     symposium.LocalizedText
	Kind     string
	Min, Max int
	Values   []int
	Radio    bool
}

// reviewView is one review as a page shows it.
type reviewView struct {
	Reviewer    string
	Submitted   bool
	Answers     []answerView
	Score       string
	ToAuthors   string
	ToCommittee string
}

// answerView is one answer of a review, in words.
type answerView struct {
	Question symposium.LocalizedText
	Value    string
}

// fillReviewer adds the review form, the reviewer's own review and the
// others' reviews they may see.
func (h *Handler) fillReviewer(p *page, v *review.Page, ap *abstractPage, u *symposium.User) {
	ap.Form = reviewForm(v.Call)
	ap.Form.Closed = h.reviewClosed(v.View)
	for _, rv := range v.Reviews {
		switch {
		case rv.ReviewerID == u.ID:
			ap.Form.Own = rv
		case v.As == review.AsReviewer:
			ap.Others = append(ap.Others, describeReview(p, v.Call, rv, ""))
		}
	}
}

// reviewForm lays out a call's questions for the review form.
func reviewForm(c *symposium.Call) reviewFormView {
	var out reviewFormView
	for _, q := range c.Questions {
		switch q.Kind {
		case symposium.ReviewComment:
			out.Prompts = append(out.Prompts, q.Text)
		case symposium.ReviewYesNo:
			out.Questions = append(out.Questions, questionView{ID: q.ID, Text: q.Text, Kind: q.Kind, Max: 1, Radio: true})
		default:
			qv := questionView{ID: q.ID, Text: q.Text, Kind: q.Kind, Min: q.Min, Max: q.Max, Radio: q.Max-q.Min < maxRadioScale}
			for n := q.Min; qv.Radio && n <= q.Max; n++ {
				qv.Values = append(qv.Values, n)
			}
			out.Questions = append(out.Questions, qv)
		}
	}
	return out
}

// reviewClosed names why an abstract takes no reviews now, or is "".
func (h *Handler) reviewClosed(v *review.View) string {
	a, c, now := v.Abstract, v.Call, h.Review.Now()
	switch {
	case a.Status != symposium.AbstractSubmitted || (a.Decision != nil && a.Decision.Released):
		return "error.abstract_closed"
	case c.ReviewOpensAt != nil && now.Before(*c.ReviewOpensAt):
		return "error.review_not_open"
	case c.ReviewClosesAt != nil && !now.Before(*c.ReviewClosesAt):
		return "error.review_closed"
	}
	return ""
}

// fillReviewForm puts the reviewer's own review into a fresh form.
func fillReviewForm(f *form, own *symposium.Review) {
	if own == nil {
		return
	}
	for id, n := range own.Ratings {
		f.Values["ratings."+id] = strconv.Itoa(n)
	}
	f.Values["comment_to_authors"], f.Values["comment_to_committee"] = own.CommentToAuthors, own.CommentToCommittee
}

// describeReview writes a review's answers in words, with its score on a
// scale of 0 to 100.
func describeReview(p *page, c *symposium.Call, rv *symposium.Review, reviewer string) reviewView {
	out := reviewView{Reviewer: reviewer, Submitted: rv.Submitted, ToAuthors: rv.CommentToAuthors, ToCommittee: rv.CommentToCommittee}
	for _, q := range c.Questions {
		n, ok := rv.Ratings[q.ID]
		if !ok {
			continue
		}
		a := answerView{Question: q.Text, Value: p.L.T("reviewing.rating_of", "Value", n, "Max", q.Max)}
		if q.Kind == symposium.ReviewYesNo {
			a.Value = p.L.T("form.no")
			if n == 1 {
				a.Value = p.L.T("form.yes")
			}
		}
		out.Answers = append(out.Answers, a)
	}
	if s, ok := c.Score(rv.Ratings); ok {
		out.Score = strconv.Itoa(percent(s))
	}
	return out
}

// percent writes a score of 0–1 on a scale of 0 to 100.
func percent(v float64) int { return int(math.Round(v * 100)) }

// saveReview stores the assigned reviewer's review: a draft, or
// submitted. Problems with the answers show the page again; anyone not
// assigned is refused with the reason.
func (h *Handler) saveReview(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "action", "comment_to_authors", "comment_to_committee")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	id := r.PathValue("id")
	var p symposium.Problems
	rv := reviewFromForm(r, f, &p)
	if err = p.Err(); err == nil {
		err = h.Review.SaveReview(r.Context(), u, id, rv)
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.showAbstractAgain(w, r, status, f, nil) })
		return
	}
	notice := "review_draft"
	if rv.Submitted {
		notice = "review_submitted"
	}
	redirect(w, r, "/abstracts/"+id+"?notice="+notice+"#review")
}

// reviewFromForm reads a review from its form: the ratings, inputs named
// ratings.QUESTION, and the comments. Answers that are not numbers go to
// p.
func reviewFromForm(r *http.Request, f *form, p *symposium.Problems) *symposium.Review {
	rv := &symposium.Review{Ratings: map[string]int{}, CommentToAuthors: f.Values["comment_to_authors"],
		CommentToCommittee: f.Values["comment_to_committee"], Submitted: f.Values["action"] != "draft"}
	for _, field := range slices.Sorted(maps.Keys(r.PostForm)) {
		id, ok := strings.CutPrefix(field, "ratings.")
		if !ok {
			continue
		}
		s := strings.TrimSpace(r.PostForm.Get(field))
		f.Values[field] = s
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			p.Add(field, "error.field.invalid")
			continue
		}
		rv.Ratings[id] = n
	}
	return rv
}

// showAbstractAgain shows the abstract of the request with a refused form.
func (h *Handler) showAbstractAgain(w http.ResponseWriter, r *http.Request, status int, f *form, conflicts []symposium.Interest) {
	h.renderAbstract(w, r, status, f, conflicts)
}

// reviewCard is what the review_card template sees.
type reviewCard struct {
	Page   *page
	Review reviewView
}

// decisionChoice is what the decision_options template sees: the page,
// the choice now made ("accept:talk", "reject" or "") and whether to
// offer no choice first.
type decisionChoice struct {
	Page    *page
	Current string
	Blank   bool
}

// decisionOptions prepares the choice of a decision on an abstract:
// {{template "decision_options" dopts $ .Abstract true}}.
func decisionOptions(p *page, a *symposium.Abstract, blank bool) decisionChoice {
	d := decisionChoice{Page: p, Blank: blank}
	if a.Decision != nil {
		d.Current = a.Decision.Outcome
		if a.Decision.Outcome == symposium.DecisionAccept {
			d.Current += ":" + a.Decision.As
		}
	}
	return d
}
