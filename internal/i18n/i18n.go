// Package i18n speaks Symposium's four languages: the message catalogs in
// locales/*.json (English, Simplified Chinese, Kazakh in Cyrillic, Russian),
// CLDR plural rules, language negotiation, and dates and numbers written the
// way each language writes them.
package i18n

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"symposium"
)

//go:embed locales/*.json
var locales embed.FS

// Bundle holds the message catalogs of every language.
type Bundle struct {
	bundle     *goi18n.Bundle
	localizers map[string]*Localizer
}

// plain reads a catalog's simple messages: those that are one text, not
// plural forms, whose only template actions are placeholders such as
// {{.Name}}. T fills them in itself, which is much faster than running
// go-i18n's templates: pages call T hundreds of times, and a registration
// writes its mails while thousands of others wait.
func plain(lang string) (map[string]message, error) {
	b, err := locales.ReadFile("locales/" + lang + ".json")
	if err != nil {
		return nil, err
	}
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	out := map[string]message{}
	for k, v := range raw {
		if s, ok := v.(string); ok {
			if m, ok := parseMessage(s); ok {
				out[k] = m
			}
		}
	}
	return out, nil
}

// message is a text cut at its placeholders: parts[0], then the value of
// names[0], then parts[1], and so on.
type message struct {
	parts []string
	names []string
}

var placeholderPattern = regexp.MustCompile(`\{\{\s*\.([A-Za-z][A-Za-z0-9]*)\s*\}\}`)

// parseMessage cuts a text at its placeholders; it refuses a text with any
// other template action.
func parseMessage(s string) (message, bool) {
	var m message
	last := 0
	for _, loc := range placeholderPattern.FindAllStringSubmatchIndex(s, -1) {
		m.parts = append(m.parts, s[last:loc[0]])
		m.names = append(m.names, s[loc[2]:loc[3]])
		last = loc[1]
	}
	m.parts = append(m.parts, s[last:])
	for _, p := range m.parts {
		if strings.Contains(p, "{{") {
			return message{}, false
		}
	}
	return m, true
}

// fill writes the message with its placeholders' values; a missing value
// is written as "<no value>", as go-i18n's templates do.
func (m message) fill(l *Localizer, args []any) string {
	if len(m.names) == 0 {
		return m.parts[0]
	}
	var b strings.Builder
	for i, part := range m.parts {
		b.WriteString(part)
		if i < len(m.names) {
			b.WriteString(l.arg(m.names[i], args))
		}
	}
	return b.String()
}

// arg finds a named value among alternating names and values, writing
// integers as numbers of the language.
func (l *Localizer) arg(name string, args []any) string {
	for i := 0; i+1 < len(args); i += 2 {
		if fmt.Sprint(args[i]) == name {
			switch v := args[i+1].(type) {
			case string:
				return v
			case int:
				return l.Number(int64(v))
			default:
				return fmt.Sprint(v)
			}
		}
	}
	return "<no value>"
}

// New loads the embedded catalogs.
func New() (*Bundle, error) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	out := &Bundle{bundle: b, localizers: map[string]*Localizer{}}
	for _, lang := range symposium.Languages {
		if _, err := b.LoadMessageFileFS(locales, "locales/"+lang+".json"); err != nil {
			return nil, fmt.Errorf("i18n: load %s: %w", lang, err)
		}
		p, err := plain(lang)
		if err != nil {
			return nil, fmt.Errorf("i18n: load %s: %w", lang, err)
		}
		out.localizers[lang] = &Localizer{Lang: lang, loc: goi18n.NewLocalizer(b, lang), plain: p}
	}
	return out, nil
}

// Must returns b, and panics when the catalogs could not be loaded; they
// are embedded, so this happens only to a broken build, which tests catch.
func Must(b *Bundle, err error) *Bundle {
	if err != nil {
		panic(err)
	}
	return b
}

// For returns the localizer for lang; an unknown lang gives English.
func (b *Bundle) For(lang string) *Localizer {
	if l, ok := b.localizers[lang]; ok {
		return l
	}
	return b.localizers[symposium.DefaultLanguage]
}

// Localizer writes messages, dates and numbers in one language.
type Localizer struct {
	Lang  string
	loc   *goi18n.Localizer
	plain map[string]message
}

// T returns the message for key, with args given as alternating names and
// values, such as T("error.field.too_long", "Max", 200). A key missing from
// the catalogs returns the key itself; a test keeps that from happening.
func (l *Localizer) T(key string, args ...any) string {
	if m, ok := l.plain[key]; ok {
		return m.fill(l, args)
	}
	return l.localize(key, nil, args)
}

// TMap returns the message for key with its arguments in a map, as domain
// errors carry them.
func (l *Localizer) TMap(key string, args map[string]any) string {
	flat := make([]any, 0, 2*len(args))
	for k, v := range args {
		flat = append(flat, k, v)
	}
	return l.T(key, flat...)
}

// N returns the plural message for key chosen by count under CLDR rules;
// the template sees {{.Count}} already written as a number of this
// language, plus args.
func (l *Localizer) N(key string, count int, args ...any) string {
	return l.localize(key, count, append(args, "Count", l.Number(int64(count))))
}

func (l *Localizer) localize(key string, count any, args []any) string {
	data := make(map[string]any, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		data[fmt.Sprint(args[i])] = args[i+1]
	}
	for k, v := range data {
		if n, ok := v.(int); ok {
			data[k] = l.Number(int64(n))
		}
	}
	s, err := l.loc.Localize(&goi18n.LocalizeConfig{MessageID: key, TemplateData: data, PluralCount: count})
	var notFound *goi18n.MessageNotFoundErr
	if err != nil && (errors.As(err, &notFound) || s == "") {
		return key
	}
	return s
}

// itoa writes a small number without grouping, for dates.
func itoa(n int) string { return strconv.Itoa(n) }
