package web

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"symposium"
	"symposium/internal/i18n"
)

// Text writes a localized text in the reader's language. When the text is
// missing in that language and another is shown instead, the fallback is
// visible: the text carries its own lang attribute and a small tag naming
// the language it is in.
func (p *page) Text(t symposium.LocalizedText) template.HTML {
	s, lang := t.Pick(p.L.Lang, p.Fallback)
	if lang == "" || lang == p.L.Lang {
		return template.HTML(template.HTMLEscapeString(s))
	}
	return template.HTML(`<span lang="` + lang + `">` + template.HTMLEscapeString(s) + `</span> ` + p.langTag(lang))
}

// langTag returns the tag marking a text shown in another language,
// written once per page and language: a timetable asks for it hundreds of
// times.
func (p *page) langTag(lang string) string {
	if tag, ok := p.langTags[lang]; ok {
		return tag
	}
	tag := fmt.Sprintf(`<small class="lang-tag" title="%s">%s</small>`,
		template.HTMLEscapeString(p.L.T("lang.shown_in", "Lang", p.L.LanguageName(lang))), strings.ToUpper(lang))
	if p.langTags == nil {
		p.langTags = map[string]string{}
	}
	p.langTags[lang] = tag
	return tag
}

// Plain writes a localized text in the reader's language without markup,
// for attributes and titles.
func (p *page) Plain(t symposium.LocalizedText) string {
	return t.Get(p.L.Lang, p.Fallback)
}

// In converts a time to the zone the page shows times in.
func (p *page) In(t time.Time) time.Time {
	if p.Loc == nil {
		return t
	}
	return t.In(p.Loc)
}

// zoneLabel names a zone for people in l's language: the city and the
// offset at a moment, such as "Astana (UTC+5)" or "阿斯塔纳（UTC+5）"; a
// zone's abbreviation is often just "+05".
func zoneLabel(l *i18n.Localizer, city string, loc *time.Location, at time.Time) string {
	if city == "" {
		name := loc.String()
		city = strings.ReplaceAll(name[strings.LastIndex(name, "/")+1:], "_", " ")
	}
	_, offset := at.In(loc).Zone()
	return l.T("event.zone", "City", city, "Offset", utcOffset(offset))
}

// utcOffset writes an offset as UTC+5, UTC−3:30 or UTC.
func utcOffset(seconds int) string {
	if seconds == 0 {
		return "UTC"
	}
	sign := "+"
	if seconds < 0 {
		sign, seconds = "−", -seconds
	}
	s := fmt.Sprintf("UTC%s%d", sign, seconds/3600)
	if m := seconds % 3600 / 60; m != 0 {
		s += fmt.Sprintf(":%02d", m)
	}
	return s
}
