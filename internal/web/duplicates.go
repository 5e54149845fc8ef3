package web

import (
	"net/http"
	"net/url"

	"symposium"
	"symposium/internal/people"
)

// maxDuplicates is how many pairs the queue shows at once.
const maxDuplicates = 100

// duplicatesView is the queue of people who are likely one: each pair side
// by side with the evidence, and the merge just made, to undo.
type duplicatesView struct {
	Pairs []pairView
	Done  *people.Merge
}

// pairView is one pair of the queue, with its score as a percentage and
// each person beside the other.
type pairView struct {
	people.Pair
	Percent int
	Sides   [2]pairSide
}

// pairSide is one person of a pair, with their organization and the other
// person, who would be merged into them.
type pairSide struct {
	Person, Other *symposium.Person
	Org           *symposium.Organization
}

// showDuplicates is the queue of likely duplicates, for event managers and
// administrators.
func (h *Handler) showDuplicates(w http.ResponseWriter, r *http.Request) {
	if h.signedInOrSignIn(w, r) == nil {
		return
	}
	h.renderDuplicates(w, r, http.StatusOK, newForm())
}

// renderDuplicates shows the queue with a status: 200, or the status of a
// merge the form asked for and the store refused, with the reason on the
// form.
func (h *Handler) renderDuplicates(w http.ResponseWriter, r *http.Request, status int, f *form) {
	ctx := r.Context()
	pairs, err := h.People.Duplicates(ctx, symposium.UserFromContext(ctx), maxDuplicates)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := duplicatesView{}
	var persons []*symposium.Person
	for _, d := range pairs {
		persons = append(persons, d.A, d.B)
	}
	orgs, err := h.People.OrganizationsOf(ctx, persons)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	for _, d := range pairs {
		v.Pairs = append(v.Pairs, pairView{Pair: d, Percent: int(d.Score*100 + 0.5), Sides: [2]pairSide{
			{Person: d.A, Other: d.B, Org: orgs[d.A.OrganizationID]}, {Person: d.B, Other: d.A, Org: orgs[d.B.OrganizationID]},
		}})
	}
	if v.Done, err = h.doneMerge(r); err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.newPage(r, "page.duplicates.title", v)
	p.Form = f
	p.Notice = p.notice(r)
	h.render(w, r, status, "duplicates", p)
}

// doneMerge finds the merge named by the query (?merge=ID&person=ID), so
// that the page can confirm it and offer to undo it; nil when there is
// none, or it was undone.
func (h *Handler) doneMerge(r *http.Request) (*people.Merge, error) {
	q := r.URL.Query()
	id, person := q.Get("merge"), q.Get("person")
	if !symposium.IsID(id) || !symposium.IsID(person) {
		return nil, nil
	}
	merges, err := h.People.Merges(r.Context(), symposium.UserFromContext(r.Context()), person)
	if err != nil {
		return nil, err
	}
	for i := range merges {
		if merges[i].ID == id && merges[i].UndoneAt == nil {
			return &merges[i], nil
		}
	}
	return nil, nil
}

// dismissDuplicate records that two people of the queue are not one.
func (h *Handler) dismissDuplicate(w http.ResponseWriter, r *http.Request) {
	u := h.signedInOrSignIn(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "a", "b")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if err := h.People.Dismiss(r.Context(), u, f.Values["a"], f.Values["b"]); err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/people/duplicates?"+url.Values{"notice": {"dismissed"}}.Encode())
}
