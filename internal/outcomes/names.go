package outcomes

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"symposium"
	"symposium/internal/i18n"
)

// CountryName names a country code in the language, or says it is
// unknown.
func CountryName(l *i18n.Localizer, code string) string {
	if code == "" {
		return l.T("report.unknown")
	}
	region, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if name := display.Regions(language.Make(l.Lang)).Name(region); name != "" {
		return name
	}
	return code
}

// KindName names a kind of organization in the language, or says it is
// unknown.
func KindName(l *i18n.Localizer, kind string) string {
	if kind == "" {
		return l.T("report.unknown")
	}
	if key := keyOr(orgKindKeys, kind); key != "" {
		return l.T(key)
	}
	return kind
}

// AllNames writes a name in the language asked for, followed by its other
// spellings in other scripts, so that a reader (and a search) finds the
// person whichever script they know.
func AllNames(t symposium.LocalizedText, lang, fallback string) string {
	first := t.Get(lang, fallback)
	names := []string{first}
	for _, tag := range symposium.Languages {
		if v := t[tag]; v != "" && !containsFold(names, v) {
			names = append(names, v)
		}
	}
	if len(names) == 1 {
		return first
	}
	return first + " (" + strings.Join(names[1:], " / ") + ")"
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}
