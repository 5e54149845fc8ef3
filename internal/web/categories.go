package web

import (
	"net/http"
	"strconv"
	"time"

	"symposium"
)

// categoriesView is the managers' page of registration categories: the
// categories with their counts, the overall capacity, and a form to add a
// category or change the one being edited.
type categoriesView struct {
	Categories []symposium.Category
	Capacity   *int
	// Editing is the category whose form is shown, or nil for a new one.
	Editing *symposium.Category
	Langs   []string
}

// showCategories lists the event's registration categories with a form to
// add one and the overall capacity.
func (h *Handler) showCategories(w http.ResponseWriter, r *http.Request) {
	f := newForm()
	f.Values["waitlist"] = "yes"
	h.renderCategories(w, r, http.StatusOK, f, "")
}

// editCategoryForm shows one category's form, filled in.
func (h *Handler) editCategoryForm(w http.ResponseWriter, r *http.Request) {
	h.renderCategories(w, r, http.StatusOK, nil, r.PathValue("id"))
}

// renderCategories renders the page; with an id, the form edits that
// category, filled from it unless f carries a refused submission.
func (h *Handler) renderCategories(w http.ResponseWriter, r *http.Request, status int, f *form, id string) {
	ed, err := h.Registration.CategoryEditor(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := categoriesView{Categories: ed.Categories, Capacity: ed.Capacity, Langs: ed.Event.Languages}
	if id != "" {
		for i := range ed.Categories {
			if ed.Categories[i].ID == id {
				v.Editing = &ed.Categories[i]
			}
		}
		if v.Editing == nil {
			h.Error(w, r, symposium.Errorf(symposium.ENOTFOUND, "error.not_found"))
			return
		}
	}
	if f == nil {
		f = categoryForm(v.Editing, ed.Event.Location())
	}
	if _, set := f.Values["overall_capacity"]; !set && ed.Capacity != nil {
		f.Values["overall_capacity"] = strconv.Itoa(*ed.Capacity)
	}
	p := h.eventPage(r, &eventData{Event: ed.Event, Access: ed.Access}, "registrations", v)
	p.Form = f
	h.render(w, r, status, "categories", p)
}

// categoryForm fills a form from a stored category, its dates in the
// event's zone.
func categoryForm(c *symposium.Category, loc *time.Location) *form {
	f := newForm()
	if c == nil {
		return f
	}
	fillLocalized(f, "name", c.Name)
	if c.Capacity != nil {
		f.Values["capacity"] = strconv.Itoa(*c.Capacity)
	}
	f.Values["waitlist"] = yesNo(c.Waitlist)
	f.Values["requires_approval"] = yesNo(c.RequiresApproval)
	if c.OpensAt != nil {
		f.Values["opens_at"] = c.OpensAt.In(loc).Format(localLayout)
	}
	if c.ClosesAt != nil {
		f.Values["closes_at"] = c.ClosesAt.In(loc).Format(localLayout)
	}
	f.Values["price"] = c.Price
	return f
}

// yesNo writes a checkbox's value as a form carries it.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// categoryFields are the plain fields of a category's form.
var categoryFields = []string{"capacity", "waitlist", "requires_approval", "opens_at", "closes_at", "price"}

// createCategory adds a registration category.
func (h *Handler) createCategory(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, categoryFields...)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ctx, u, slug := r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug")
	c := &symposium.Category{}
	err = h.withEventZone(r, slug, func(loc *time.Location) error {
		var p symposium.Problems
		applyCategoryForm(r, f, c, loc, &p)
		if err := p.Err(); err != nil {
			return err
		}
		return h.Registration.CreateCategory(ctx, u, slug, c)
	})
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderCategories(w, r, status, f, "") })
		return
	}
	redirect(w, r, "/events/"+slug+"/registration-categories")
}

// updateCategory changes a registration category; a raised capacity
// promotes people from its waiting list.
func (h *Handler) updateCategory(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, categoryFields...)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ctx, u, slug, id := r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.PathValue("id")
	err = h.withEventZone(r, slug, func(loc *time.Location) error {
		var p symposium.Problems
		var applied symposium.Category
		applyCategoryForm(r, f, &applied, loc, &p)
		if err := p.Err(); err != nil {
			return err
		}
		_, err := h.Registration.UpdateCategory(ctx, u, slug, id, func(c *symposium.Category) {
			c.Name, c.Capacity, c.Waitlist, c.RequiresApproval = applied.Name, applied.Capacity, applied.Waitlist, applied.RequiresApproval
			c.OpensAt, c.ClosesAt, c.Price = applied.OpensAt, applied.ClosesAt, applied.Price
		})
		return err
	})
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderCategories(w, r, status, f, id) })
		return
	}
	redirect(w, r, "/events/"+slug+"/registration-categories")
}

// withEventZone runs do with the zone of the event the caller manages, so
// that the form's local times are read in it.
func (h *Handler) withEventZone(r *http.Request, slug string, do func(*time.Location) error) error {
	ed, err := h.Registration.CategoryEditor(r.Context(), symposium.UserFromContext(r.Context()), slug)
	if err != nil {
		return err
	}
	return do(ed.Event.Location())
}

// applyCategoryForm reads the category's fields from the form: an empty
// capacity is unlimited, the dates are local times in loc.
func applyCategoryForm(r *http.Request, f *form, c *symposium.Category, loc *time.Location, p *symposium.Problems) {
	c.Name = localizedField(r, f, "name")
	c.Capacity = nil
	if s := f.Values["capacity"]; s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			p.Add("capacity", "error.field.invalid")
		}
		c.Capacity = &n
	}
	c.Waitlist = f.Values["waitlist"] == "yes"
	c.RequiresApproval = f.Values["requires_approval"] == "yes"
	c.OpensAt, c.ClosesAt = nil, nil
	if t := localTime(p, "opens_at", f.Values["opens_at"], loc); !t.IsZero() {
		c.OpensAt = &t
	}
	if t := localTime(p, "closes_at", f.Values["closes_at"], loc); !t.IsZero() {
		c.ClosesAt = &t
	}
	c.Price = f.Values["price"]
}

// setCapacity sets the event's overall capacity; an empty field removes it.
func (h *Handler) setCapacity(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "overall_capacity")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ctx, u, slug := r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug")
	var capacity *int
	if s := f.Values["overall_capacity"]; s != "" {
		n, convErr := strconv.Atoi(s)
		if convErr != nil {
			n = -1 // refused below, naming the field
		}
		capacity = &n
	}
	if err := h.Registration.SetCapacity(ctx, u, slug, capacity); err != nil {
		h.formFailed(w, r, f, renamePrefix(err, "capacity", "overall_capacity"), func(status int) { h.renderCategories(w, r, status, f, "") })
		return
	}
	redirect(w, r, "/events/"+slug+"/registration-categories")
}
