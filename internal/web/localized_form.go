package web

import (
	"net/http"
	"strings"
	"time"

	"symposium"
)

// localizedField reads the inputs name.en, name.zh, name.kk and name.ru of
// a form into a localized text, and keeps them on the form to show again.
func localizedField(r *http.Request, f *form, name string) symposium.LocalizedText {
	t := symposium.LocalizedText{}
	for _, lang := range symposium.Languages {
		key := name + "." + lang
		v := strings.TrimSpace(r.PostForm.Get(key))
		f.Values[key] = v
		if v != "" {
			t[lang] = v
		}
	}
	return t
}

// fillLocalized puts a localized text into a form's values.
func fillLocalized(f *form, name string, t symposium.LocalizedText) {
	for lang, s := range t {
		f.Values[name+"."+lang] = s
	}
}

// localLayout is the format of datetime-local inputs.
const localLayout = "2006-01-02T15:04"

// localTime reads a datetime-local input as a time in loc; an empty input
// is the zero time, and a malformed one is recorded as a problem.
func localTime(p *symposium.Problems, field, value string, loc *time.Location) time.Time {
	if value == "" {
		return time.Time{}
	}
	t, err := time.ParseInLocation(localLayout, value, loc)
	if err != nil {
		p.Add(field, "error.field.datetime")
		return time.Time{}
	}
	return t
}

// newForm returns an empty form.
func newForm() *form {
	return &form{Values: map[string]string{}, Errors: map[string]string{}}
}

// completeness counts, per language of the event, how many of the
// localized fields hold text in that language, out of the fields holding
// text in any language.
type completeness struct {
	Lang         string
	Filled, Of   int
	PercentWidth int
}

func measureCompleteness(langs []string, texts ...symposium.LocalizedText) []completeness {
	of := 0
	for _, t := range texts {
		if !t.IsEmpty() {
			of++
		}
	}
	var out []completeness
	for _, lang := range langs {
		c := completeness{Lang: lang, Of: of}
		for _, t := range texts {
			if strings.TrimSpace(t[lang]) != "" {
				c.Filled++
			}
		}
		if of > 0 {
			c.PercentWidth = 100 * c.Filled / of
		}
		out = append(out, c)
	}
	return out
}
