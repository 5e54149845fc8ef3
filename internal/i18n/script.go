package i18n

import (
	"encoding/json"
	"strings"
)

// ScriptForms returns the plural forms of the message key in this language
// as JSON, for a page's script to choose from with the browser's CLDR
// rules (Intl.PluralRules): {"one":"{n} отметка ждёт отправки","few":…}.
// {{.Count}} is written {n}, which the script replaces with the number
// written the way the language writes numbers (Intl.NumberFormat). Pages
// pass it in a data attribute, since their scripts are files and carry no
// text of their own. A key that is not plural gives its text as the form
// "other"; an unknown key gives "{}".
func (l *Localizer) ScriptForms(key string) string {
	forms, ok := l.forms[key]
	if !ok {
		if _, plain := l.plain[key]; !plain {
			return "{}"
		}
		forms = map[string]string{"other": l.T(key, "Count", "{n}")}
	}
	out := make(map[string]string, len(forms))
	for form, text := range forms {
		out[form] = strings.ReplaceAll(text, "{{.Count}}", "{n}")
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "{}"
	}
	return string(b)
}
