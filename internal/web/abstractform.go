package web

import (
	"fmt"
	"net/http"
	"strings"

	"symposium"
	"symposium/internal/review"
)

// abstractFormView is the form that submits or edits an abstract.
type abstractFormView struct {
	Action  string
	Editing bool
	Call    *symposium.Call
	// First is the first author: the submitter's own person, or when the
	// account has none yet, one made from its name and email (New).
	First    symposium.Person
	FirstNew bool
	FirstOrg symposium.LocalizedText
	Rows     []authorRow
	// Spare are the indices of empty co-author rows; NextRow is the index
	// the script gives a row it adds.
	Spare     []int
	NextRow   int
	MaxRows   int
	Orgs      []*symposium.Organization
	Ambiguous bool
}

// newAbstractForm shows the empty submission form; anonymous readers sign
// in first.
func (h *Handler) newAbstractForm(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	ed, c := h.loadCall(w, r)
	if ed == nil {
		return
	}
	f := newForm()
	f.Values["language"] = symposium.LanguageFromContext(r.Context())
	if len(c.Tracks) == 1 {
		f.Values["track"] = c.Tracks[0].ID
	}
	f.Values["type"], f.Values["presenter"] = c.Types[0], "self"
	v := &abstractFormView{Action: "/events/" + ed.Event.Slug + "/abstracts/new", Call: c}
	if err := h.submitterAsFirst(r, v); err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderAbstractForm(w, r, ed, http.StatusOK, f, v)
}

// loadCall loads the event of the request and its call, answering 404
// when either is missing or hidden.
func (h *Handler) loadCall(w http.ResponseWriter, r *http.Request) (*eventData, *symposium.Call) {
	ed := h.loadEvent(w, r)
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

// submitterAsFirst makes the signed-in account's person the first author
// of a new abstract, or one to be made from the account: a person with its
// verified email (the first, where a duplicate is yet to be resolved). A
// person made from an account whose email is not verified does not carry
// that email.
func (h *Handler) submitterAsFirst(r *http.Request, v *abstractFormView) error {
	u := symposium.UserFromContext(r.Context())
	people, err := h.Store.AccountPeople(r.Context(), u)
	if err != nil {
		return err
	}
	if len(people) == 0 {
		v.First = symposium.Person{Name: symposium.LocalizedText{nameLanguage(u.Name): u.Name}}
		if u.Verified {
			v.First.Email = u.Email
		}
		if symposium.IsLanguage(u.Language) {
			v.First.Languages = []string{u.Language}
		}
		v.FirstNew = true
		return nil
	}
	v.First = *people[0]
	return h.firstOrganization(r, v)
}

// firstOrganization looks up the first author's organization.
func (h *Handler) firstOrganization(r *http.Request, v *abstractFormView) error {
	if v.First.OrganizationID == "" {
		return nil
	}
	o, err := h.Store.Organization(r.Context(), v.First.OrganizationID)
	if err == nil {
		v.FirstOrg = o.Name
	}
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return nil
	}
	return err
}

// renderAbstractForm shows the abstract form, with empty co-author rows
// after those filled in.
func (h *Handler) renderAbstractForm(w http.ResponseWriter, r *http.Request, ed *eventData, status int, f *form, v *abstractFormView) {
	orgs, err := h.Store.AllOrganizations(r.Context(), 500)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v.Orgs = orgs
	if err := callOpen(v.Call, h.Review.Now()); err != nil && status == http.StatusOK {
		f.fail(h.I18n.For(symposium.LanguageFromContext(r.Context())), err)
	}
	v.MaxRows = max(maxCoauthorRows, len(v.Rows))
	v.NextRow = 0
	for _, row := range v.Rows {
		v.NextRow = max(v.NextRow, row.Index+1)
	}
	for i := v.NextRow; i < v.MaxRows && len(v.Spare) < spareRows && len(v.Rows)+len(v.Spare) < v.MaxRows; i++ {
		v.Spare = append(v.Spare, i)
		v.NextRow = i + 1
	}
	p := h.eventPage(r, ed, "cfp", v)
	p.Form = f
	h.render(w, r, status, "abstract_form", p)
}

// abstractFromForm reads the abstract's own fields: its language, the
// title and text in it, translations of the title, track and type.
func abstractFromForm(r *http.Request, f *form) *symposium.Abstract {
	lang := f.Values["language"]
	a := &symposium.Abstract{Language: lang, TrackID: f.Values["track"], Type: f.Values["type"],
		Title: symposium.LocalizedText{}, Content: symposium.LocalizedText{}}
	for _, l := range symposium.Languages {
		key := "title_tr." + l
		f.Values[key] = strings.TrimSpace(r.PostForm.Get(key))
		if l != lang && f.Values[key] != "" {
			a.Title[l] = f.Values[key]
		}
	}
	if f.Values["title"] != "" {
		a.Title[lang] = f.Values["title"]
	}
	if text := strings.TrimSpace(r.PostForm.Get("content")); text != "" {
		a.Content[lang] = text
	}
	return a
}

// abstractToForm fills a form from an abstract.
func abstractToForm(a *symposium.Abstract) *form {
	f := newForm()
	f.Values["language"], f.Values["track"], f.Values["type"] = a.Language, a.TrackID, a.Type
	f.Values["title"], f.Values["content"] = a.Title[a.Language], a.Content[a.Language]
	for l, t := range a.Title {
		if l != a.Language {
			f.Values["title_tr."+l] = t
		}
	}
	f.Values["presenter"] = "self"
	for i, id := range a.AuthorIDs {
		if i > 0 {
			f.Values[fmt.Sprintf("coauthor.%d.id", i-1)] = id
			if id == a.PresenterID {
				f.Values["presenter"] = fmt.Sprint(i - 1)
			}
		}
	}
	return f
}

// editAbstractForm shows an abstract's form to its authors.
func (h *Handler) editAbstractForm(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	v, ed := h.authorView(w, r)
	if v == nil {
		return
	}
	a := v.Abstract
	fv := &abstractFormView{Action: "/abstracts/" + a.ID + "/edit", Editing: true, Call: v.Call}
	if err := h.firstFromAbstract(r, fv, a); err != nil {
		h.Error(w, r, err)
		return
	}
	for i, au := range a.Authors {
		if i > 0 {
			fv.Rows = append(fv.Rows, authorRow{Index: i - 1, PersonID: au.PersonID, Name: au.Name, Org: au.Organization})
		}
	}
	h.renderAbstractForm(w, r, ed, http.StatusOK, abstractToForm(a), fv)
}

// firstFromAbstract makes an abstract's first author the form's.
func (h *Handler) firstFromAbstract(r *http.Request, v *abstractFormView, a *symposium.Abstract) error {
	if len(a.Authors) == 0 {
		return symposium.NotFound()
	}
	p, err := h.Store.Person(r.Context(), a.Authors[0].PersonID)
	if err != nil {
		return err
	}
	v.First, v.FirstOrg = *p, a.Authors[0].Organization
	return nil
}

// authorView loads the abstract of the request for one of its authors,
// with its event; anyone else gets 404.
func (h *Handler) authorView(w http.ResponseWriter, r *http.Request) (*review.View, *eventData) {
	v, ed := h.loadAbstract(w, r)
	if v == nil {
		return nil, nil
	}
	if v.As != review.AsAuthor {
		h.notFound(w, r)
		return nil, nil
	}
	return v, ed
}

// loadAbstract loads what the signed-in account may see of the abstract
// of the request, with its event; anyone else gets 404.
func (h *Handler) loadAbstract(w http.ResponseWriter, r *http.Request) (*review.View, *eventData) {
	u := symposium.UserFromContext(r.Context())
	v, err := h.Review.View(r.Context(), u, r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return nil, nil
	}
	access, err := h.Store.EventAccess(r.Context(), v.Event.ID, u)
	if err != nil {
		h.Error(w, r, err)
		return nil, nil
	}
	return v, &eventData{Event: v.Event, Access: access}
}

// coauthorRowData is what the coauthor_row template sees: the page, the
// row's key in input names, the row and the organizations to choose from.
type coauthorRowData struct {
	Page *page
	Key  string
	Row  authorRow
	Orgs []*symposium.Organization
}

// coauthorRow prepares one co-author row; a negative index makes the
// script's template row, keyed __N__, and row may be nil for an empty
// row: {{template "coauthor_row" arow $ .Index .}}.
func coauthorRow(p *page, index int, row any) coauthorRowData {
	d := coauthorRowData{Page: p, Key: fmt.Sprint(index)}
	if index < 0 {
		d.Key = "__N__"
	}
	if r, ok := row.(authorRow); ok {
		d.Row = r
	}
	if v, ok := p.Data.(*abstractFormView); ok {
		d.Orgs = v.Orgs
	}
	return d
}
