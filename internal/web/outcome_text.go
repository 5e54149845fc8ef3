package web

import (
	"html/template"

	"symposium"
	"symposium/internal/outcomes"
)

// Markdown writes a localized text of the minutes' Markdown subset in the
// reader's language, rendered and escaped, marked like Text when it falls
// back to another language.
func (p *page) Markdown(t symposium.LocalizedText) template.HTML {
	s, lang := t.Pick(p.L.Lang, p.Fallback)
	if lang == "" || lang == p.L.Lang {
		return outcomes.Render(s)
	}
	return template.HTML(`<div lang="` + lang + `">` + string(outcomes.Render(s)) + `</div> ` + p.langTag(lang))
}

// KeyMessages returns the key messages of minutes in the reader's language
// (or the fallback's).
func (p *page) KeyMessages(m *symposium.Minutes) []string {
	if m == nil {
		return nil
	}
	return symposium.KeyMessages(m.Body.Get(p.L.Lang, p.Fallback))
}
