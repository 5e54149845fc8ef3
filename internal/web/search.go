package web

import (
	"fmt"
	"net/http"
	"strings"

	"symposium"
	"symposium/internal/search"
)

// searchPageLimit is how many things the search page shows.
const searchPageLimit = 50

// searchFields are the inputs of the search page, in the order their
// errors are listed.
var searchFields = []string{"q", "type", "country", "organization", "topic", "event", "role"}

// searchView is the search page: what was found, by type, and the choices
// of its filters.
type searchView struct {
	Searched bool // whether there was anything to search for
	Count    int
	Groups   []resultGroup
	Problems []fieldProblem
	Orgs     []*symposium.Organization
	Areas    []topicArea
	Events   []choice
	// EventTitles names the events by slug, for the contributions found.
	EventTitles map[string]string
	// Filtered says whether a filter is set, to show the filters open.
	Filtered bool
}

// resultGroup is the things of one type found.
type resultGroup struct {
	Type    string
	Results []search.Result
}

// fieldProblem names a field of a form and what is wrong with it, for the
// summary above the form.
type fieldProblem struct {
	Field, Label, Message string
}

// choice is one option of a select.
type choice struct {
	Value, Label string
}

// showSearch is the search page: people by their names in any script,
// organizations, events and contributions by their words, narrowed by
// filters. It works without JavaScript; the header's box sends its text
// here.
func (h *Handler) showSearch(w http.ResponseWriter, r *http.Request) {
	f := newForm()
	for _, name := range searchFields {
		f.Values[name] = strings.TrimSpace(r.URL.Query().Get(name))
	}
	found, status, err := h.runSearch(r, f)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v, err := h.searchChoices(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v.Searched, v.Count, v.Groups = found != nil, len(found), groupResults(found)
	h.renderSearch(w, r, status, f, v)
}

// runSearch answers the search page's query. It returns nil when there
// was nothing to search for, or when the input was refused: then the
// problems are on the form, and the status says so (404 for an event the
// reader may not see, 401 or 403 for registrants they may not). Only
// failures that are not about the input are returned as errors.
func (h *Handler) runSearch(r *http.Request, f *form) ([]search.Result, int, error) {
	v := f.Values
	q := search.Query{Text: v["q"], Type: v["type"], Limit: searchPageLimit, Country: v["country"],
		OrganizationID: v["organization"], Topic: v["topic"], Part: v["role"]}
	found, err := h.Search.Find(r.Context(), symposium.UserFromContext(r.Context()), q, v["event"])
	if err == nil {
		if v["q"] == "" && v["country"] == "" && v["organization"] == "" && v["topic"] == "" && v["event"] == "" {
			return nil, http.StatusOK, nil
		}
		return found, http.StatusOK, nil
	}
	status := f.fail(h.I18n.For(symposium.LanguageFromContext(r.Context())), err)
	if status == http.StatusInternalServerError {
		return nil, status, fmt.Errorf("web: search: %w", err)
	}
	return nil, status, nil
}

// groupResults puts what was found into groups by type, in the order of
// search.Types, keeping the order within each type.
func groupResults(found []search.Result) []resultGroup {
	var out []resultGroup
	for _, typ := range search.Types {
		g := resultGroup{Type: typ}
		for _, r := range found {
			if r.Type == typ {
				g.Results = append(g.Results, r)
			}
		}
		if len(g.Results) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// searchChoices loads the options of the search page's filters: the
// organizations, the areas and fields of science, and the events the
// reader may see.
func (h *Handler) searchChoices(r *http.Request) (searchView, error) {
	var v searchView
	var err error
	if v.Orgs, err = h.People.Organizations(r.Context(), 500); err != nil {
		return v, err
	}
	v.Areas = topicAreas()
	idx, err := h.loadHome(r)
	if err != nil {
		return v, err
	}
	l := h.I18n.For(symposium.LanguageFromContext(r.Context()))
	v.EventTitles = map[string]string{}
	for _, e := range append(idx.Upcoming, idx.Past...) {
		title := e.Title.Get(l.Lang, e.DefaultLanguage)
		v.Events = append(v.Events, choice{Value: e.Slug, Label: title})
		v.EventTitles[e.Slug] = title
	}
	return v, nil
}

// renderSearch shows the search page, with a summary naming the fields in
// error.
func (h *Handler) renderSearch(w http.ResponseWriter, r *http.Request, status int, f *form, v searchView) {
	p := h.newPage(r, "page.search.title", nil)
	for _, name := range searchFields {
		v.Filtered = v.Filtered || name != "q" && f.Values[name] != ""
		if msg := f.Errors[name]; msg != "" {
			v.Problems = append(v.Problems, fieldProblem{Field: name, Label: p.L.T(searchFieldKeys[name]), Message: msg})
		}
	}
	if ev := f.Values["event"]; ev != "" && !hasChoice(v.Events, ev) {
		v.Events = append(v.Events, choice{Value: ev, Label: ev})
	}
	p.Data, p.Form = v, f
	if q := f.Values["q"]; q != "" {
		p.Title = p.L.T("page.search.title_for", "Query", q)
	}
	h.render(w, r, status, "search", p)
}

// hasChoice reports whether a value is among the choices.
func hasChoice(list []choice, value string) bool {
	for _, c := range list {
		if c.Value == value {
			return true
		}
	}
	return false
}

// searchFieldKeys name the search page's fields, for the error summary.
var searchFieldKeys = map[string]string{
	"q": "search.field.q", "type": "search.field.type", "country": "search.field.country",
	"organization": "search.field.organization", "topic": "search.field.topic", "event": "search.field.event",
	"role": "search.field.role",
}
