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
	"slices"
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
		h.Log.ErrorContext(r.Context(), "web: no such page", "page", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", p); err != nil {
		h.Log.ErrorContext(r.Context(), "web: render", "page", name, "err", err)
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
		"theme":    themeURL,
		"logo":     logoURL,
		"label":    label,
		"card":     card,
		"add":      func(a, b int) int { return a + b },
		"deref":    func(n *int) int { return *n },
		"dayLabel": dayLabel,
		"minutes":  func(a, b time.Time) int { return int(b.Sub(a) / time.Minute) },
		"entryrow": func(p *page, row entryRow) entryRowData { return entryRowData{Page: p, Row: row} },
		"picker": func(p *page, name, label, id string, chosen []*symposium.Person, isNew bool) pickerData {
			return pickerData{Page: p, Name: name, Label: label, ID: id, Chosen: chosen, New: isNew}
		},
		"roomopts": func(p *page, rooms []symposium.Room, selected string) optionsData {
			return optionsData{Page: p, Rooms: rooms, Selected: selected}
		},
		"sessionopts": func(p *page, sessions []symposium.Session, selected string) optionsData {
			return optionsData{Page: p, Sessions: sessions, Selected: selected}
		},
		"entryfields": func(p *page, id string, row *entryRow) entryFieldsData {
			return entryFieldsData{Page: p, ID: id, Start: row.Start, Duration: row.Duration, RoomID: row.RoomID, SessionID: row.SessionID, Speakers: row.Speakers}
		},
		"lt":       localizedRow,
		"ltl":      localizedRowIn,
		"ltcol":    func(r localizedRowData, lang string) localizedColData { return localizedColData{Row: r, Lang: lang} },
		"arow":     coauthorRow,
		"rcard":    func(p *page, r reviewView) reviewCard { return reviewCard{Page: p, Review: r} },
		"dopts":    decisionOptions,
		"input":    inputField,
		"required": requiredField,
		"zones":    zoneChoices,
		"mmcard":   mmCard,
		"mmreqs":   mmRequests,
		"mmfollow": mmFollowUp,
		"list":     func(items ...string) []string { return items },
		"list2":    func(a, b any) []any { return []any{a, b} },
		"question": func(p *page, q symposium.Question) questionData { return questionData{Page: p, Question: q} },
		"found":    func(p *page, r search.Result) foundData { return foundData{Page: p, Result: r} },
		"liveq":    func(p *page, q symposium.LiveQuestion) liveQuestionData { return liveQuestionData{P: p, Q: q} },
		"livepoll": func(p *page, pl symposium.LivePoll, back string) livePollData {
			return livePollData{P: p, Poll: pl, Back: back}
		},
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

// localizedRowData is what the localized_row template sees: the columns
// shown, and the other languages one click away.
type localizedRowData struct {
	Page                *page
	Name, Label         string
	Required, Multiline bool
	Langs, Others       []string
	// OpenOthers shows the other languages at once, when one of them
	// holds text or an error.
	OpenOthers bool
}

// localizedRow prepares one localized input with a column per language of
// the page's event (every language outside an event), the others behind a
// disclosure: {{template "localized_row" lt $ "title" "form.title" true false}}.
func localizedRow(p *page, name, label string, required, multiline bool) localizedRowData {
	langs := symposium.Languages
	if p.Event != nil && len(p.Event.Event.Languages) > 0 {
		langs = p.Event.Event.Languages
	}
	return localizedRowIn(p, name, label, required, multiline, langs)
}

// localizedRowIn prepares a localized input with a column for each of the
// given languages, the others behind a disclosure: {{template
// "localized_row" ltl $ "text" "cfp_form.text" false true $langs}}.
func localizedRowIn(p *page, name, label string, required, multiline bool, langs []string) localizedRowData {
	d := localizedRowData{Page: p, Name: name, Label: label, Required: required, Multiline: multiline, Langs: langs}
	for _, lang := range symposium.Languages {
		if slices.Contains(langs, lang) {
			continue
		}
		d.Others = append(d.Others, lang)
		key := name + "." + lang
		if p.Form.Value(key) != "" || p.Form.Error(key) != "" {
			d.OpenOthers = true
		}
	}
	return d
}

// localizedColData is one language's column of a localized row.
type localizedColData struct {
	Row  localizedRowData
	Lang string
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

// pickerData is what the speaker_picker template sees: the people chosen
// so far and the name of their inputs.
type pickerData struct {
	Page            *page
	Name, Label, ID string
	Chosen          []*symposium.Person
	// New offers a field to add a person not yet in the directory.
	New bool
}

// optionsData is what the room_options and session_options templates see.
type optionsData struct {
	Page     *page
	Rooms    []symposium.Room
	Sessions []symposium.Session
	Selected string
}

// entryFieldsData is what the entry_fields template sees: an entry's
// form values, with the page for its language and choices.
type entryFieldsData struct {
	Page                               *page
	ID                                 string
	Start, Duration, RoomID, SessionID string
	Speakers                           []*symposium.Person
}

// entryRowData is what the entry_row template sees.
type entryRowData struct {
	Page *page
	Row  entryRow
}
