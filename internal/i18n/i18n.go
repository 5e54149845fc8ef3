// Package i18n speaks Symposium's four languages: the message catalogs in
// locales/*.json (English, Simplified Chinese, Kazakh in Cyrillic, Russian),
// CLDR plural rules, language negotiation, and dates and numbers written the
// way each language writes them.
//
// Message keys are always string literals, or values taken from tables of
// string literals, never pieces joined together: a test walks the code and
// the templates for the keys they use, and fails when a catalog lacks one or
// has one nothing uses.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"strconv"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"symposium"
)

//go:embed locales/*.json
var locales embed.FS

// Bundle holds the message catalogs of every language, loaded from the
// embedded locales/*.json.
type Bundle struct {
	bundle     *goi18n.Bundle
	localizers map[string]*Localizer
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
		p, forms, err := plain(lang)
		if err != nil {
			return nil, fmt.Errorf("i18n: load %s: %w", lang, err)
		}
		out.localizers[lang] = &Localizer{Lang: lang, loc: goi18n.NewLocalizer(b, lang), plain: p, forms: forms}
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

// Localizer writes messages, dates and numbers in one language. It is safe
// for concurrent use.
type Localizer struct {
	Lang  string
	loc   *goi18n.Localizer
	plain map[string]message
	forms map[string]map[string]string // plural messages: key → CLDR form → text
}

// T returns the message for key, with args given as alternating names and
// values, such as T("error.field.too_long", "Max", 200); integer values are
// written as numbers of the language ("1 000" in Russian), so pass a year
// as a string. A key one language lacks is written in English, and a key
// missing from every catalog returns the key itself; tests keep both from
// happening. Plural messages are for N.
func (l *Localizer) T(key string, args ...any) string {
	if m, ok := l.plain[key]; ok {
		return l.quotes(m.fill(l, args))
	}
	return l.quotes(l.localize(key, nil, args))
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

// N returns the plural message for key chosen by count under CLDR rules (ru:
// one/few/many/other; kk and en: one/other; zh: other); the template sees
// {{.Count}} already written as a number of this language, plus args.
func (l *Localizer) N(key string, count int, args ...any) string {
	all := make([]any, 0, len(args)+2)
	all = append(append(all, args...), "Count", count)
	return l.quotes(l.localize(key, count, all))
}

// localize runs go-i18n's template for key; count, when not nil, chooses
// the plural form.
func (l *Localizer) localize(key string, count any, args []any) string {
	data := make(map[string]any, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		data[argName(args[i])] = l.value(args[i+1])
	}
	s, err := l.loc.Localize(&goi18n.LocalizeConfig{MessageID: key, TemplateData: data, PluralCount: count})
	if err != nil && s == "" {
		return key
	}
	return s
}

// value returns an argument as a message shows it: an integer becomes a
// number of the language, a symposium.Msg the message it names in this
// language, anything else stays as it is.
func (l *Localizer) value(v any) any {
	switch n := v.(type) {
	case symposium.Msg:
		return l.T(string(n))
	case int:
		return l.Number(int64(n))
	case int8:
		return l.Number(int64(n))
	case int16:
		return l.Number(int64(n))
	case int32:
		return l.Number(int64(n))
	case int64:
		return l.Number(n)
	case uint:
		return l.unsigned(uint64(n))
	case uint8:
		return l.Number(int64(n))
	case uint16:
		return l.Number(int64(n))
	case uint32:
		return l.Number(int64(n))
	case uint64:
		return l.unsigned(n)
	}
	return v
}

// unsigned writes an unsigned integer, grouped when it fits an int64.
func (l *Localizer) unsigned(u uint64) string {
	if u > 1<<63-1 {
		return strconv.FormatUint(u, 10)
	}
	return l.Number(int64(u))
}
