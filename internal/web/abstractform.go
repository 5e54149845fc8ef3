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
	sf, err := h.Review.SubmitForm(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	c := sf.Call
	f := newForm()
	f.Values["language"] = symposium.LanguageFromContext(r.Context())
	if len(c.Tracks) == 1 {
		f.Values["track"] = c.Tracks[0].ID
	}
	f.Values["type"], f.Values["presenter"] = c.Types[0], "self"
	v := newAbstractFormView(sf, "/events/"+sf.Event.Slug+"/abstracts/new")
	h.renderAbstractForm(w, r, sf, http.StatusOK, f, v)
}

// newAbstractFormView starts the abstract form's view from what the
// service gives.
func newAbstractFormView(rf *review.Form, action string) *abstractFormView {
	return &abstractFormView{Action: action, Editing: rf.Abstract != nil, Call: rf.Call, First: rf.First, FirstNew: rf.FirstNew, FirstOrg: rf.FirstOrg}
}

// renderAbstractForm shows the abstract form, with empty co-author rows
// after those filled in.
func (h *Handler) renderAbstractForm(w http.ResponseWriter, r *http.Request, rf *review.Form, status int, f *form, v *abstractFormView) {
	orgs, err := h.People.Organizations(r.Context(), 500)
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
	p := h.eventPage(r, &eventData{Event: rf.Event, Access: rf.Access}, "cfp", v)
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
	ef, err := h.Review.EditForm(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	a := ef.Abstract
	fv := newAbstractFormView(ef, "/abstracts/"+a.ID+"/edit")
	for i, au := range a.Authors {
		if i > 0 {
			fv.Rows = append(fv.Rows, authorRow{Index: i - 1, PersonID: au.PersonID, Name: au.Name, Org: au.Organization})
		}
	}
	h.renderAbstractForm(w, r, ef, http.StatusOK, abstractToForm(a), fv)
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
