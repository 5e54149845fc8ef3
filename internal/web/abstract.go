package web

import (
	"html/template"
	"net/http"

	"symposium"
	"symposium/internal/review"
)

// abstractPage is an abstract as one person may see it, with what they
// may do with it: authors edit, withdraw and confirm; reviewers review;
// managers assign reviewers and decide.
type abstractPage struct {
	A            *symposium.Abstract
	Call         *symposium.Call
	As           string
	Track        symposium.LocalizedText
	Translations []langText
	// For authors.
	MayEdit, MayWithdraw, MayConfirm bool
	Comments                         []string
	// For reviewers, and managers assigned to it.
	Reviewing bool
	Form      reviewFormView
	Others    []reviewView
	Next      string
	// Submitted says the caller's review of this abstract is submitted.
	Submitted bool
	// For managers.
	Reviews   []reviewView
	Assigned  []assignedView
	Conflicts []conflictView
}

// langText is a text in one language.
type langText struct {
	Lang, Text string
}

// assignedView is a reviewer assigned to an abstract, for managers.
type assignedView struct {
	Email, Name, Override string
	Reviewed              bool
}

// conflictView is one reason a reviewer could not be assigned, in words.
type conflictView struct {
	Reason string
	Author symposium.LocalizedText
	Detail string
}

// showAbstract shows an abstract to whoever may see it; anonymous readers
// sign in first.
func (h *Handler) showAbstract(w http.ResponseWriter, r *http.Request) {
	h.renderAbstract(w, r, http.StatusOK, nil, nil)
}

// renderAbstract renders the page of the abstract of the request; f
// carries a refused form back, and conflicts the reasons a reviewer could
// not be assigned.
func (h *Handler) renderAbstract(w http.ResponseWriter, r *http.Request, status int, f *form, conflicts []symposium.Interest) {
	u := symposium.UserFromContext(r.Context())
	v, err := h.Review.Page(r.Context(), u, r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, &eventData{Event: v.Event, Access: v.Access}, "", nil)
	p.Title = p.Plain(v.Abstract.Title) + " · " + p.Title
	ap := &abstractPage{A: v.Abstract, Call: v.Call, As: v.As, Reviewing: v.Reviewing, Next: v.Next, Submitted: v.Submitted}
	if tr := v.Call.Track(v.Abstract.TrackID); tr != nil {
		ap.Track = tr.Name
	}
	for _, l := range symposium.Languages {
		if t := v.Abstract.Title[l]; t != "" && l != v.Abstract.Language {
			ap.Translations = append(ap.Translations, langText{Lang: l, Text: t})
		}
	}
	switch v.As {
	case review.AsAuthor:
		h.fillAuthor(v, ap)
	case review.AsManager:
		fillManager(p, v, ap)
	}
	if ap.Reviewing {
		h.fillReviewer(p, v, ap, u)
	}
	ap.Conflicts = describeInterests(v.Abstract, conflicts)
	if f == nil {
		f = newForm()
		fillReviewForm(f, ap.Form.Own)
	}
	p.Data, p.Form = ap, f
	p.Notice = reviewNotice(p, r)
	h.render(w, r, status, "abstract", p)
}

// fillAuthor adds what an author may do and the comments meant for them.
func (h *Handler) fillAuthor(v *review.Page, ap *abstractPage) {
	a := v.Abstract
	open := a.Status == symposium.AbstractSubmitted && (a.Decision == nil || !a.Decision.Released)
	ap.MayWithdraw = open
	ap.MayEdit = open && v.Call.IsOpen(h.Review.Now())
	ap.MayConfirm = v.Unconfirmed
	for _, rv := range v.Reviews {
		ap.Comments = append(ap.Comments, rv.CommentToAuthors)
	}
}

// fillManager adds the reviewers assigned and every review with its
// reviewer's email.
func fillManager(p *page, v *review.Page, ap *abstractPage) {
	submitted := map[string]bool{}
	for _, rv := range v.Reviews {
		submitted[rv.ReviewerID] = rv.Submitted
		ap.Reviews = append(ap.Reviews, describeReview(p, v.Call, rv, v.Reviewers[rv.ReviewerID].Email))
	}
	for _, as := range v.Assignments {
		u := v.Reviewers[as.ReviewerID]
		ap.Assigned = append(ap.Assigned, assignedView{Email: u.Email, Name: u.Name, Override: as.Override, Reviewed: submitted[as.ReviewerID]})
	}
}

// describeInterests writes conflicts of interest for a manager: the
// reason, the author concerned and where they worked together.
func describeInterests(a *symposium.Abstract, list []symposium.Interest) []conflictView {
	var out []conflictView
	for _, in := range list {
		c := conflictView{Reason: review.InterestKey(in.Reason), Detail: in.Detail}
		for _, au := range a.Authors {
			if au.PersonID == in.PersonID {
				c.Author = au.Name
			}
		}
		out = append(out, c)
	}
	return out
}

// Own writes a text in the reader's language when it has one, and
// otherwise in its own language, marked as such: for an abstract's title,
// written in the abstract's language and perhaps translated.
func (p *page) Own(t symposium.LocalizedText, lang string) template.HTML {
	if s := t[p.L.Lang]; s != "" {
		return template.HTML(template.HTMLEscapeString(s))
	}
	return template.HTML(`<span lang="` + template.HTMLEscapeString(lang) + `">` + template.HTMLEscapeString(t[lang]) + `</span>`)
}
