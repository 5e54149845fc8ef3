package i18n

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"
	"text/template"

	"symposium"
)

// pluralForms are the CLDR plural categories each language's integers
// fall in; every plural message of the language gives each of them, and no
// other.
var pluralForms = map[string][]string{
	"en": {"one", "other"},
	"kk": {"one", "other"},
	"zh": {"other"},
	"ru": {"one", "few", "many", "other"},
}

// loadCatalog reads one language's file as key → text or plural forms.
func loadCatalog(t *testing.T, lang string) map[string]any {
	t.Helper()
	b, err := locales.ReadFile("locales/" + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

// texts returns a message's texts: one for a simple message, one per form
// for a plural message, or nil for a value of another kind.
func texts(v any) map[string]string {
	switch x := v.(type) {
	case string:
		return map[string]string{"": x}
	case map[string]any:
		out := map[string]string{}
		for form, s := range x {
			text, ok := s.(string)
			if !ok {
				return nil
			}
			out[form] = text
		}
		return out
	}
	return nil
}

var (
	action = regexp.MustCompile(`(?s)\{\{(.*?)\}\}`)
	field  = regexp.MustCompile(`\.([A-Za-z_][A-Za-z0-9_]*)`)
)

// placeholders returns the template fields the texts of a message use, such
// as Max for "At most {{.Max}} characters.".
func placeholders(ts map[string]string) map[string]bool {
	out := map[string]bool{}
	for _, s := range ts {
		for _, a := range action.FindAllStringSubmatch(s, -1) {
			for _, f := range field.FindAllStringSubmatch(a[1], -1) {
				out[f[1]] = true
			}
		}
	}
	return out
}

func TestCatalogsComplete(t *testing.T) {
	en := loadCatalog(t, "en")
	for _, lang := range symposium.Languages {
		if pluralForms[lang] == nil {
			t.Errorf("pluralForms lacks %s", lang)
		}
		cat := loadCatalog(t, lang)
		for key := range en {
			if _, ok := cat[key]; !ok {
				t.Errorf("%s lacks %q", lang, key)
			}
		}
		for _, key := range sortedKeys(cat) {
			if _, ok := en[key]; !ok {
				t.Errorf("%s has %q, which en lacks", lang, key)
				continue
			}
			for _, msg := range checkMessage(lang, en[key], cat[key]) {
				t.Errorf("%s %q: %s", lang, key, msg)
			}
		}
	}
}

// checkMessage returns what is wrong with one language's message, given
// the English one.
func checkMessage(lang string, enValue, value any) []string {
	enTexts, ts := texts(enValue), texts(value)
	if enTexts == nil || ts == nil {
		return []string{"is neither a text nor an object of plural forms"}
	}
	var problems []string
	_, enPlural := enValue.(map[string]any)
	_, plural := value.(map[string]any)
	if plural != enPlural {
		return []string{"is plural in one language and not in the other"}
	}
	if plural {
		problems = append(problems, checkForms(lang, ts)...)
	}
	for form, s := range ts {
		if strings.TrimSpace(s) == "" {
			problems = append(problems, "is empty"+formName(form))
		}
		if _, err := template.New("").Parse(s); err != nil {
			problems = append(problems, "is not a valid template"+formName(form)+": "+err.Error())
		}
	}
	want, got := placeholders(enTexts), placeholders(ts)
	for _, p := range sortedKeys(want) {
		if !got[p] {
			problems = append(problems, "does not use {{."+p+"}}, which en uses")
		}
	}
	for _, p := range sortedKeys(got) {
		if !want[p] && !(plural && p == "Count") {
			problems = append(problems, "uses {{."+p+"}}, which en does not give")
		}
	}
	return problems
}

// checkForms returns the plural forms a language's message lacks and those
// it gives but never uses.
func checkForms(lang string, ts map[string]string) []string {
	var problems []string
	need := map[string]bool{}
	for _, f := range pluralForms[lang] {
		need[f] = true
		if _, ok := ts[f]; !ok {
			problems = append(problems, "lacks the plural form "+f)
		}
	}
	for _, f := range sortedKeys(ts) {
		if !need[f] {
			problems = append(problems, "has the plural form "+f+", which "+lang+" does not use")
		}
	}
	return problems
}

// formName names a plural form in a problem, if there is one.
func formName(form string) string {
	if form == "" {
		return ""
	}
	return " (" + form + ")"
}

// sortedKeys returns the keys of m in order, so that failures read the same
// every run.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
