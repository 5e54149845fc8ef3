package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"symposium"
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
	ed, c := h.loadCall(w, r)
	if ed == nil {
		return
	}
	f, err := readForm(w, r, abstractFields...)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f.Values["content"] = strings.TrimSpace(r.PostForm.Get("content"))
	v := &abstractFormView{Action: "/events/" + ed.Event.Slug + "/abstracts/new", Call: c}
	if err := h.submitterAsFirst(r, v); err != nil {
		h.Error(w, r, err)
		return
	}
	a := abstractFromForm(r, f)
	id, err := h.saveAbstract(r, f, v, a, func(ctx context.Context) error {
		if err := h.Review.Submit(ctx, ed.Event, u, a); err != nil {
			return err
		}
		return h.Review.Confirm(ctx, u, a.ID) // the submitter is an author, knowingly
	})
	if err != nil {
		h.abstractFailed(w, r, ed, f, v, err)
		return
	}
	redirect(w, r, "/abstracts/"+id+"?notice=submitted")
}

// editAbstract stores an author's changes to an abstract.
func (h *Handler) editAbstract(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	old, ed := h.authorView(w, r)
	if old == nil {
		return
	}
	f, err := readForm(w, r, abstractFields...)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f.Values["content"] = strings.TrimSpace(r.PostForm.Get("content"))
	v := &abstractFormView{Action: "/abstracts/" + old.Abstract.ID + "/edit", Editing: true, Call: old.Call}
	if err := h.firstFromAbstract(r, v, old.Abstract); err != nil {
		h.Error(w, r, err)
		return
	}
	a := abstractFromForm(r, f)
	a.ID = old.Abstract.ID
	for l, text := range old.Abstract.Content {
		if _, ok := a.Content[l]; !ok && l != a.Language && l != old.Abstract.Language {
			a.Content[l] = text
		}
	}
	_, err = h.saveAbstract(r, f, v, a, func(ctx context.Context) error { return h.Review.Edit(ctx, u, a) })
	if err != nil {
		h.abstractFailed(w, r, ed, f, v, err)
		return
	}
	redirect(w, r, "/abstracts/"+a.ID+"?notice=saved")
}

// saveAbstract works out the authors, checks everything, creates the new
// people and then stores the abstract with store. It returns the
// abstract's ID; on refusal, the rows to show again are in v.
func (h *Handler) saveAbstract(r *http.Request, f *form, v *abstractFormView, a *symposium.Abstract, store func(context.Context) error) (string, error) {
	ctx := r.Context()
	if err := callOpen(v.Call, h.Review.Now()); err != nil {
		return "", err
	}
	v.Rows = readAuthorRows(f, func(k string) string { return strings.TrimSpace(r.PostForm.Get(k)) })
	var p symposium.Problems
	first := v.First
	plan, err := h.planAuthors(ctx, &first, v.Rows, f, &p)
	if err != nil {
		return "", err
	}
	p = append(p, checkAbstract(a, v.Call, plan)...)
	v.Ambiguous = plan.ambiguous
	if err := p.Err(); err != nil {
		return "", err
	}
	if plan.ambiguous {
		return "", symposium.Errorf(symposium.ECONFLICT, "submit.choose_people")
	}
	if err := h.createPeople(ctx, plan); err != nil {
		return "", err
	}
	a.AuthorIDs = nil
	for _, person := range plan.people {
		a.AuthorIDs = append(a.AuthorIDs, person.ID)
	}
	a.PresenterID = a.AuthorIDs[plan.presenter]
	return a.ID, store(ctx)
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
// people yet to be created standing in under new IDs, and names the
// problems after the form's fields.
func checkAbstract(a *symposium.Abstract, c *symposium.Call, plan *authorPlan) symposium.Problems {
	probe := *a
	probe.AuthorIDs = nil
	for _, person := range plan.people {
		id := person.ID
		if id == "" {
			id = symposium.NewID()
		}
		probe.AuthorIDs = append(probe.AuthorIDs, id)
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

// createPeople creates the planned authors who are not people yet.
func (h *Handler) createPeople(ctx context.Context, plan *authorPlan) error {
	for _, person := range plan.people {
		if person.ID != "" {
			continue
		}
		var p symposium.Problems
		person.Validate(&p)
		if err := p.Err(); err != nil {
			return err
		}
		if err := h.Store.CreatePerson(ctx, person); err != nil {
			return err
		}
	}
	return nil
}

// abstractFailed shows the abstract form again with why it was refused.
func (h *Handler) abstractFailed(w http.ResponseWriter, r *http.Request, ed *eventData, f *form, v *abstractFormView, err error) {
	h.formFailed(w, r, f, err, func(status int) { h.renderAbstractForm(w, r, ed, status, f, v) })
}
