package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"

	"symposium"
	"symposium/internal/httperror"
	"symposium/internal/i18n"
	"symposium/internal/redact"
	"symposium/internal/search"
)

//go:embed templates
var templateFS embed.FS

// pages maps a page's name, such as "signin", to its template: the layout
// with the page's own blocks.
type pages map[string]*template.Template

func parsePages(a *assets) (pages, error) {
	layout, err := template.New("layout.html").Funcs(funcs(a)).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	files, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	p := pages{}
	for _, f := range files {
		t, err := template.Must(layout.Clone()).ParseFS(templateFS, f)
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", f, err)
		}
		p[strings.TrimSuffix(path.Base(f), ".html")] = t
	}
	return p, nil
}

// page is what every template sees.
type page struct {
	L       *i18n.Localizer
	User    *symposium.User
	Title   string // the page's title, already localized
	Langs   []langLink
	Mail    bool // whether mail is configured
	Version string
	Form    *form
	Data    any
	// Fallback is the language shown when a text lacks the reader's: the
	// event's default language on an event's pages.
	Fallback string
	// Loc is the zone times are shown in.
	Loc *time.Location
	// Event is set on the pages of an event.
	Event *eventData
	// Notice is a confirmation shown above the page's content, already
	// localized, such as "The merge was undone."
	Notice string
	// langTags memoizes the fallback markers of Text.
	langTags map[string]string
	// mayMerge answers CanMerge, asking the store at most once.
	mayMerge func() bool
}

// langLink is one entry of the language switcher.
type langLink struct {
	Lang, Name, URL string
	Current         bool
}

// newPage prepares the data every page shares.
func (h *Handler) newPage(r *http.Request, titleKey string, data any) *page {
	l := h.I18n.For(symposium.LanguageFromContext(r.Context()))
	p := &page{L: l, User: symposium.UserFromContext(r.Context()), Mail: h.MailConfigured, Version: h.Version, Data: data}
	if titleKey != "" {
		p.Title = l.T(titleKey)
	}
	if p.User != nil {
		p.mayMerge = sync.OnceValue(func() bool { return h.mayMerge(r) })
	}
	for _, lang := range symposium.Languages {
		q := r.URL.Query()
		q.Set("lang", lang)
		u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		p.Langs = append(p.Langs, langLink{Lang: lang, Name: l.LanguageName(lang), URL: u.String(), Current: lang == l.Lang})
	}
	return p
}

// render writes a page with the given status. A ?lang= choice is
// remembered in a cookie for a year.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	t, ok := h.pages[name]
	if !ok {
		h.Log.Error("web: no such page", "page", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", p); err != nil {
		h.Log.Error("web: render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if lang := r.URL.Query().Get("lang"); symposium.IsLanguage(lang) {
		http.SetCookie(w, &http.Cookie{Name: LangCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
			SameSite: http.SameSiteLaxMode, Secure: h.SecureCookies})
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Language", p.L.Lang)
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// Error renders an error page in the reader's language, with the status
// that goes with the error's code. Internal errors are logged, not shown.
func (h *Handler) Error(w http.ResponseWriter, r *http.Request, err error) {
	status := httperror.Status(err)
	if status == http.StatusUnauthorized && r.Method == http.MethodGet {
		redirect(w, r, "/signin?"+url.Values{"next": {r.URL.RequestURI()}}.Encode())
		return
	}
	e := symposium.AsError(err)
	if e == nil || status == http.StatusInternalServerError {
		h.Log.ErrorContext(r.Context(), "web: internal error", "path", redact.Path(r.Pattern, r.URL.EscapedPath()), "err", err)
	}
	if e == nil {
		e = symposium.Errorf(symposium.EINTERNAL, "error.internal")
	}
	p := h.newPage(r, "page.error.title", nil)
	p.Data = p.L.TMap(e.Key, e.Args)
	h.render(w, r, status, "error", p)
}

// notFound answers every path no route matched.
func (h *Handler) notFound(w http.ResponseWriter, r *http.Request) {
	h.Error(w, r, symposium.NotFound())
}

// redirect sends the browser to a local path after a form succeeded.
func redirect(w http.ResponseWriter, r *http.Request, to string) {
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// funcs are the functions templates may call.
func funcs(a *assets) template.FuncMap {
	return template.FuncMap{
		"asset":    a.url,
		"label":    label,
		"card":     card,
		"add":      func(a, b int) int { return a + b },
		"lt":       localizedRow,
		"ltl":      localizedRowIn,
		"arow":     coauthorRow,
		"rcard":    func(p *page, r reviewView) reviewCard { return reviewCard{Page: p, Review: r} },
		"dopts":    decisionOptions,
		"input":    inputField,
		"required": requiredField,
		"zones":    zoneChoices,
		"list":     func(items ...string) []string { return items },
		"question": func(p *page, q symposium.Question) questionData { return questionData{Page: p, Question: q} },
		"found":    func(p *page, r search.Result) foundData { return foundData{Page: p, Result: r} },
		"contains": func(list, value string) bool {
			for _, v := range strings.Split(list, ",") {
				if v == value {
					return true
				}
			}
			return false
		},
	}
}

// cardData is what the card templates see: the page for its language and
// helpers, and the thing shown.
type cardData struct {
	Page   *page
	Person *symposium.Person
	Org    *symposium.Organization
	Event  *symposium.Event
}

// card bundles the page with a person (and their organization) or an event
// for the card templates: {{template "person_card" card $ .Person $org nil}}.
func card(p *page, person *symposium.Person, org *symposium.Organization, e *symposium.Event) cardData {
	return cardData{Page: p, Person: person, Org: org, Event: e}
}

// localizedRowData is what the localized_row template sees.
type localizedRowData struct {
	Page                *page
	Name, Label         string
	Required, Multiline bool
	Langs               []string
}

// localizedRow prepares one localized input with a column per language:
// {{template "localized_row" lt $ "title" "form.title" true false}}.
func localizedRow(p *page, name, label string, required, multiline bool) localizedRowData {
	return localizedRowData{Page: p, Name: name, Label: label, Required: required, Multiline: multiline, Langs: symposium.Languages}
}

// localizedRowIn prepares a localized input with a column for each of the
// given languages only: {{template "localized_row" ltl $ "text" "cfp_form.text" false true $langs}}.
func localizedRowIn(p *page, name, label string, required, multiline bool, langs []string) localizedRowData {
	return localizedRowData{Page: p, Name: name, Label: label, Required: required, Multiline: multiline, Langs: langs}
}

// inputFieldData is what the field template sees.
type inputFieldData struct {
	Page              *page
	Name, Label, Type string
	// Required marks the field as one the form cannot go without.
	Required bool
	// Autocomplete is the kind of personal data the field asks for, so
	// that browsers fill it in (WCAG 1.3.5), or "".
	Autocomplete string
}

// autocompleteNames gives the autocomplete token of the fields that ask
// for the reader's own data.
var autocompleteNames = map[string]string{"email": "email", "organization": "organization", "country": "country", "name": "name"}

// inputField prepares one plain input: {{template "field" input $ "slug" "form.slug" "text"}}.
func inputField(p *page, name, label, typ string) inputFieldData {
	return inputFieldData{Page: p, Name: name, Label: label, Type: typ, Autocomplete: autocompleteNames[name]}
}

// requiredField prepares one plain input the form needs:
// {{template "field" required $ "email" "form.email" "email"}}.
func requiredField(p *page, name, label, typ string) inputFieldData {
	f := inputField(p, name, label, typ)
	f.Required = true
	return f
}

// foundData is what the found_person template sees: the page and one
// person a search found.
type foundData struct {
	Page   *page
	Result search.Result
}

// questionData is what the question template sees.
type questionData struct {
	Page     *page
	Question symposium.Question
}
