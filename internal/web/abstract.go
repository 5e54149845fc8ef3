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
	if !h.requireUser(w, r) {
		return
	}
	v, ed := h.loadAbstract(w, r)
	if v == nil {
		return
	}
	h.renderAbstract(w, r, ed, v, http.StatusOK, nil, nil)
}

// renderAbstract renders an abstract's page; f carries a refused form
// back, and conflicts the reasons a reviewer could not be assigned.
func (h *Handler) renderAbstract(w http.ResponseWriter, r *http.Request, ed *eventData, v *review.View, status int, f *form, conflicts []symposium.Interest) {
	p := h.eventPage(r, ed, "", nil)
	p.Title = p.Plain(v.Abstract.Title) + " · " + p.Title
	ap := &abstractPage{A: v.Abstract, Call: v.Call, As: v.As}
	if tr := v.Call.Track(v.Abstract.TrackID); tr != nil {
		ap.Track = tr.Name
	}
	for _, l := range symposium.Languages {
		if t := v.Abstract.Title[l]; t != "" && l != v.Abstract.Language {
			ap.Translations = append(ap.Translations, langText{Lang: l, Text: t})
		}
	}
	if err := h.fillAbstractPage(r, p, v, ap); err != nil {
		h.Error(w, r, err)
		return
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

// fillAbstractPage adds what the reader's relation to the abstract lets
// them see and do.
func (h *Handler) fillAbstractPage(r *http.Request, p *page, v *review.View, ap *abstractPage) error {
	u := symposium.UserFromContext(r.Context())
	switch v.As {
	case review.AsAuthor:
		return h.fillAuthor(r, v, ap, u)
	case review.AsReviewer:
		ap.Reviewing = true
	case review.AsManager:
		if err := h.fillManager(r, p, v, ap); err != nil {
			return err
		}
		if _, err := h.Store.Assignment(r.Context(), v.Abstract.ID, u.ID); err == nil {
			ap.Reviewing = true
		} else if symposium.ErrorCode(err) != symposium.ENOTFOUND {
			return err
		}
	}
	if !ap.Reviewing {
		return nil
	}
	return h.fillReviewer(r, p, v, ap, u)
}

// fillAuthor adds what an author may do and the comments meant for them.
func (h *Handler) fillAuthor(r *http.Request, v *review.View, ap *abstractPage, u *symposium.User) error {
	a := v.Abstract
	open := a.Status == symposium.AbstractSubmitted && (a.Decision == nil || !a.Decision.Released)
	ap.MayWithdraw = open
	ap.MayEdit = open && v.Call.IsOpen(h.Review.Now())
	people, err := h.Store.AccountPeople(r.Context(), u)
	if err != nil {
		return err
	}
	for _, person := range people {
		for _, au := range a.Authors {
			ap.MayConfirm = ap.MayConfirm || (au.PersonID == person.ID && !au.Confirmed)
		}
	}
	reviews, err := h.Review.Reviews(r.Context(), v, u)
	if err != nil {
		return err
	}
	for _, rv := range reviews {
		ap.Comments = append(ap.Comments, rv.CommentToAuthors)
	}
	return nil
}

// fillManager adds the reviewers assigned and every review with its
// reviewer's email.
func (h *Handler) fillManager(r *http.Request, p *page, v *review.View, ap *abstractPage) error {
	ctx := r.Context()
	reviewers, err := h.Review.Reviewers(ctx, v.Event.ID)
	if err != nil {
		return err
	}
	users := map[string]symposium.User{}
	for _, rv := range reviewers {
		users[rv.User.ID] = rv.User
	}
	reviews, err := h.Review.Reviews(ctx, v, symposium.UserFromContext(ctx))
	if err != nil {
		return err
	}
	submitted := map[string]bool{}
	for _, rv := range reviews {
		submitted[rv.ReviewerID] = rv.Submitted
		ap.Reviews = append(ap.Reviews, describeReview(p, v.Call, rv, users[rv.ReviewerID].Email))
	}
	assignments, err := h.Store.EventAssignments(ctx, v.Event.ID)
	if err != nil {
		return err
	}
	for _, as := range assignments {
		if as.AbstractID == v.Abstract.ID {
			u := users[as.ReviewerID]
			ap.Assigned = append(ap.Assigned, assignedView{Email: u.Email, Name: u.Name, Override: as.Override, Reviewed: submitted[as.ReviewerID]})
		}
	}
	return nil
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
