package symposium

import (
	"encoding/json"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Languages lists the languages Symposium speaks, in the order they are
// offered: English, Chinese (Simplified), Kazakh (Cyrillic) and Russian.
var Languages = []string{"en", "zh", "kk", "ru"}

// DefaultLanguage is the language of last resort.
const DefaultLanguage = "en"

// IsLanguage reports whether tag is one of Languages.
func IsLanguage(tag string) bool {
	for _, l := range Languages {
		if l == tag {
			return true
		}
	}
	return false
}

// LocalizedText is a user-facing text written in one or more languages,
// keyed by language tag. Its JSON form is an object such as
// {"en": "Astana", "kk": "Астана"}.
type LocalizedText map[string]string

// Text returns a LocalizedText from alternating language tags and texts.
func Text(langAndText ...string) LocalizedText {
	t := make(LocalizedText, len(langAndText)/2)
	for i := 0; i+1 < len(langAndText); i += 2 {
		t[langAndText[i]] = langAndText[i+1]
	}
	return t
}

// Pick returns the text in the requested language, falling back to the
// event's default language, then to English, then to any language in the
// order of Languages, and says which language it returned.
func (t LocalizedText) Pick(requested, fallback string) (text, lang string) {
	for _, l := range []string{requested, fallback, DefaultLanguage} {
		if s := t[l]; s != "" {
			return s, l
		}
	}
	for _, l := range Languages {
		if s := t[l]; s != "" {
			return s, l
		}
	}
	return "", ""
}

// Get returns the text in the requested language under the fallback rule of
// Pick.
func (t LocalizedText) Get(requested, fallback string) string {
	s, _ := t.Pick(requested, fallback)
	return s
}

// IsEmpty reports whether no language holds any text.
func (t LocalizedText) IsEmpty() bool {
	for _, s := range t {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// Clean returns a copy with every text trimmed and in Unicode NFC, and with
// empty languages dropped.
func (t LocalizedText) Clean() LocalizedText {
	c := make(LocalizedText, len(t))
	for l, s := range t {
		s = strings.TrimSpace(norm.NFC.String(s))
		if s != "" {
			c[l] = s
		}
	}
	return c
}

// MarshalJSON writes the texts in the order of Languages — en, zh, kk,
// ru — then any other tag in sorted order.
func (t LocalizedText) MarshalJSON() ([]byte, error) {
	buf := make([]byte, 0, 16+32*len(t))
	buf = append(buf, '{')
	add := func(lang, s string) error {
		if len(buf) > 1 {
			buf = append(buf, ',')
		}
		v, err := json.Marshal(s)
		if err != nil {
			return err
		}
		buf = append(append(append(append(buf, '"'), lang...), '"', ':'), v...)
		return nil
	}
	for _, l := range Languages {
		if s, ok := t[l]; ok {
			if err := add(l, s); err != nil {
				return nil, err
			}
		}
	}
	if !knownOnly(t) {
		var others []string
		for l := range t {
			if !IsLanguage(l) {
				others = append(others, l)
			}
		}
		sort.Strings(others)
		for _, l := range others {
			k, _ := json.Marshal(l)
			if err := add(string(k[1:len(k)-1]), t[l]); err != nil {
				return nil, err
			}
		}
	}
	return append(buf, '}'), nil
}

// knownOnly reports whether every tag of t is one of Languages.
func knownOnly(t LocalizedText) bool {
	for l := range t {
		if !IsLanguage(l) {
			return false
		}
	}
	return true
}

// Validate records problems with t under field: an unknown language tag, a
// text longer than maxLen characters, a control character in a one-line
// text, and, when required, no text at all.
func (t LocalizedText) Validate(p *Problems, field string, required bool, maxLen int, multiline bool) {
	if required && t.IsEmpty() {
		p.Add(field, "error.field.required")
		return
	}
	for l, s := range t {
		switch {
		case !IsLanguage(l):
			p.Add(field+"."+l, "error.field.language_unknown", "Lang", l)
		case utf8.RuneCountInString(s) > maxLen:
			p.Add(field+"."+l, "error.field.too_long", "Max", maxLen)
		case hasControl(s, multiline):
			p.Add(field+"."+l, "error.field.control_chars")
		}
	}
}

// Languages returns the languages t holds text in, in the order of the
// package-level Languages.
func (t LocalizedText) Languages() []string {
	var ls []string
	for _, l := range Languages {
		if strings.TrimSpace(t[l]) != "" {
			ls = append(ls, l)
		}
	}
	return ls
}

// hasControl reports whether s holds a control character; line breaks and
// tabs are allowed in multi-line texts.
func hasControl(s string, multiline bool) bool {
	for _, r := range s {
		if r == '\n' || r == '\r' || r == '\t' {
			if !multiline {
				return true
			}
			continue
		}
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			return true
		}
	}
	return false
}

// Merge returns t with the languages it lacks taken from o.
func (t LocalizedText) Merge(o LocalizedText) LocalizedText {
	out := LocalizedText{}
	for l, s := range o {
		out[l] = s
	}
	for l, s := range t {
		if s != "" {
			out[l] = s
		}
	}
	if len(out) == 0 {
		return t
	}
	return out
}
