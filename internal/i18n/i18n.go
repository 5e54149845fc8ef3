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

// plain reads a catalog's messages that need no arguments: the text of
// every message without a placeholder or plural forms. T answers them
// from this map, which is much faster than running go-i18n's templates,
// and pages call T hundreds of times.
func plain(lang string) (map[string]string, error) {
	b, err := locales.ReadFile("locales/" + lang + ".json")
	if err != nil {
		return nil, err
	}
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for k, v := range raw {
		if s, ok := v.(string); ok && !strings.Contains(s, "{{") {
			out[k] = s
		}
	}
	return out, nil
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
	plain map[string]string
}

// T returns the message for key, with args given as alternating names and
// values, such as T("error.field.too_long", "Max", 200). A key missing from
// the catalogs returns the key itself; a test keeps that from happening.
func (l *Localizer) T(key string, args ...any) string {
	if s, ok := l.plain[key]; ok {
		return s
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
	return l.localize(key, nil, flat)
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
