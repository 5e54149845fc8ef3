package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"symposium"
	"symposium/internal/review"
)

// abstractFields are the single-valued fields of the abstract form.
var abstractFields = []string{"language", "title", "track", "type", "presenter"}

// submitAbstract submits an abstract from the form. Co-authors are found
// among the people already here, or asked about when unclear, and new
// ones are created only once the whole form is valid: bad input stores
// nothing.
func (h *Handler) submitAbstract(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	sf, err := h.Review.SubmitForm(r.Context(), u, r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f, err := readForm(w, r, abstractFields...)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f.Values["content"] = strings.TrimSpace(r.PostForm.Get("content"))
	v := newAbstractFormView(sf, "/events/"+sf.Event.Slug+"/abstracts/new")
	a := abstractFromForm(r, f)
	err = h.saveAbstract(r, f, v, a, func(ctx context.Context, sub review.Submission) error {
		sub.Confirm = true // the submitter is the first author, knowingly
		return h.Review.Submit(ctx, u, sf.Event.Slug, sub)
	})
	if err != nil {
		h.abstractFailed(w, r, sf, f, v, err)
		return
	}
	redirect(w, r, "/abstracts/"+a.ID+"?notice=submitted")
}

// editAbstract stores an author's changes to an abstract.
func (h *Handler) editAbstract(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	ef, err := h.Review.EditForm(r.Context(), u, r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f, err := readForm(w, r, abstractFields...)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f.Values["content"] = strings.TrimSpace(r.PostForm.Get("content"))
	old := ef.Abstract
	v := newAbstractFormView(ef, "/abstracts/"+old.ID+"/edit")
	a := abstractFromForm(r, f)
	a.ID = old.ID
	for l, text := range old.Content {
		if _, ok := a.Content[l]; !ok && l != a.Language && l != old.Language {
			a.Content[l] = text
		}
	}
	err = h.saveAbstract(r, f, v, a, func(ctx context.Context, sub review.Submission) error { return h.Review.Edit(ctx, u, sub) })
	if err != nil {
		h.abstractFailed(w, r, ef, f, v, err)
		return
	}
	redirect(w, r, "/abstracts/"+a.ID+"?notice=saved")
}

// saveAbstract works out the authors, checks everything and then has
// store add the new people and store the abstract. On refusal, the rows
// to show again are in v.
func (h *Handler) saveAbstract(r *http.Request, f *form, v *abstractFormView, a *symposium.Abstract, store func(context.Context, review.Submission) error) error {
	ctx := r.Context()
	if err := callOpen(v.Call, h.Review.Now()); err != nil {
		return err
	}
	v.Rows = readAuthorRows(f, func(k string) string { return strings.TrimSpace(r.PostForm.Get(k)) })
	var p symposium.Problems
	first := v.First
	plan, err := h.planAuthors(ctx, &first, v.Rows, f, &p)
	if err != nil {
		return err
	}
	sub := review.Submission{Abstract: a}
	for _, person := range plan.people {
		if person.ID == "" {
			person.ID = symposium.NewID() // the person to add, named among the authors
			sub.NewAuthors = append(sub.NewAuthors, person)
		}
	}
	sub.NewOrganizations = newAffiliations(plan, sub.NewAuthors)
	p = append(p, checkAbstract(a, v.Call, plan)...)
	v.Ambiguous = plan.ambiguous
	if err := p.Err(); err != nil {
		forget(sub.NewAuthors)
		return err
	}
	if plan.ambiguous {
		forget(sub.NewAuthors)
		return symposium.Errorf(symposium.ECONFLICT, "submit.choose_people")
	}
	a.AuthorIDs = nil
	for _, person := range plan.people {
		a.AuthorIDs = append(a.AuthorIDs, person.ID)
	}
	a.PresenterID = a.AuthorIDs[plan.presenter]
	if err := store(ctx, sub); err != nil {
		forget(sub.NewAuthors)
		return err
	}
	return nil
}

// forget takes back the IDs given to people not added after all, so that
// the form shows them as still to be added.
func forget(people []*symposium.Person) {
	for _, p := range people {
		p.ID = ""
	}
}

// callOpen refuses submissions and edits outside the call's dates, as the
// review service does, before anything is created.
func callOpen(c *symposium.Call, now time.Time) error {
	switch {
	case now.Before(c.OpensAt):
		return symposium.Errorf(symposium.ECONFLICT, "error.call_not_open")
	case !now.Before(c.ClosesAt):
		return symposium.Errorf(symposium.ECONFLICT, "error.call_closed")
	}
	return nil
}

// checkAbstract validates a copy of the abstract with the planned authors,
// and names the problems after the form's fields.
func checkAbstract(a *symposium.Abstract, c *symposium.Call, plan *authorPlan) symposium.Problems {
	probe := *a
	probe.AuthorIDs = nil
	for _, person := range plan.people {
		probe.AuthorIDs = append(probe.AuthorIDs, person.ID)
	}
	probe.PresenterID = probe.AuthorIDs[plan.presenter]
	var p symposium.Problems
	probe.Validate(&p, c)
	for i := range p {
		p[i].Field = abstractField(p[i].Field, a.Language, plan.rowOf)
		if p[i].Field == "track" && a.TrackID == "" {
			p[i].Key = "error.field.required"
		}
	}
	return p
}

// abstractField names a field of an abstract after the form's inputs.
func abstractField(field, lang string, rowOf []int) string {
	switch {
	case field == "title."+lang || strings.HasPrefix(field, "content."):
		return strings.SplitN(field, ".", 2)[0]
	case strings.HasPrefix(field, "title."):
		return "title_tr." + strings.TrimPrefix(field, "title.")
	case field == "track_id":
		return "track"
	case field == "presenter_id":
		return "presenter"
	case strings.HasPrefix(field, "author_ids."):
		i, err := strconv.Atoi(strings.TrimPrefix(field, "author_ids."))
		if err == nil && i > 0 && i < len(rowOf) {
			return fmt.Sprintf("coauthor.%d.name", rowOf[i])
		}
		return "authors"
	case field == "author_ids":
		return "authors"
	}
	return field
}

// abstractFailed shows the abstract form again with why it was refused.
func (h *Handler) abstractFailed(w http.ResponseWriter, r *http.Request, rf *review.Form, f *form, v *abstractFormView, err error) {
	h.formFailed(w, r, f, err, func(status int) { h.renderAbstractForm(w, r, rf, status, f, v) })
}
