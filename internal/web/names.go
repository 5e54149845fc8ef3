package web

import (
	"slices"

	"symposium"
)

// spelling is one spelling of a name: its language when it is the name in
// a language rather than an alias, and whether it is the spelling a search
// matched.
type spelling struct {
	Text, Lang string
	Matched    bool
}

// nameView is a name in all its scripts: the spelling in the reader's
// language first, then every other, each once.
type nameView struct {
	Primary spelling
	Others  []spelling
}

// Names lays out a person's name in all its scripts, marking the spelling
// a search matched; templates call it as
// {{$n := $.Names .Name .Aliases .Matched}}, with "" when nothing matched.
func (p *page) Names(name symposium.LocalizedText, aliases []string, matched string) nameView {
	text, lang := name.Pick(p.L.Lang, p.Fallback)
	v := nameView{Primary: spelling{Text: text, Lang: lang}}
	if text == "" && len(aliases) > 0 {
		v.Primary.Text, aliases = aliases[0], aliases[1:]
	}
	v.Primary.Matched = matched != "" && v.Primary.Text == matched
	seen := []string{v.Primary.Text}
	add := func(s, lang string) {
		if s == "" || slices.Contains(seen, s) {
			return
		}
		seen = append(seen, s)
		v.Others = append(v.Others, spelling{Text: s, Lang: lang, Matched: s == matched})
	}
	for _, l := range symposium.Languages {
		add(name[l], l)
	}
	for _, a := range aliases {
		add(a, "")
	}
	return v
}
