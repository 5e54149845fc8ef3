package matchmaking

import (
	"strings"
	"unicode"

	"symposium"
)

// stopWords are common words of the four languages that say nothing of
// what someone offers or seeks.
var stopWords = map[string]bool{
	"with": true, "from": true, "that": true, "this": true, "your": true, "have": true, "will": true, "into": true,
	"about": true, "their": true, "partners": true, "partner": true, "looking": true, "people": true, "work": true,
	"для": true, "или": true, "которые": true, "также": true, "наши": true, "наших": true, "партнёров": true, "партнеров": true,
	"және": true, "үшін": true, "бойынша": true, "біз": true, "серіктестер": true,
}

// stemLength cuts words of alphabetic scripts to a common stem, so that
// "catalysis" meets "catalysts" and "катализ" meets "катализаторы".
const stemLength = 6

// words returns the stems of a text in every language it is written in,
// each with the first word it came from: words of four letters or more in
// alphabetic scripts, and pairs of neighbouring characters in Chinese.
func words(t symposium.LocalizedText) map[string]string {
	out := map[string]string{}
	for _, l := range symposium.Languages {
		addWords(out, t[l])
	}
	for l, s := range t {
		if !symposium.IsLanguage(l) {
			addWords(out, s)
		}
	}
	return out
}

// addWords adds the stems of one text.
func addWords(out map[string]string, s string) {
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range fields {
		rs := []rune(w)
		if unicode.Is(unicode.Han, rs[0]) {
			for i := 0; i+1 < len(rs); i++ {
				if _, ok := out[string(rs[i:i+2])]; !ok {
					out[string(rs[i:i+2])] = string(rs[i : i+2])
				}
			}
			continue
		}
		if len(rs) < 4 || stopWords[w] {
			continue
		}
		stem := string(rs[:min(len(rs), stemLength)])
		if _, ok := out[stem]; !ok {
			out[stem] = w
		}
	}
}

// overlap returns the words of b whose stems are also in a, in a stable
// order, at most limit of them.
func overlap(a, b map[string]string, limit int) []string {
	var stems []string
	for stem := range b {
		if _, ok := a[stem]; ok {
			stems = append(stems, stem)
		}
	}
	sortStrings(stems)
	var out []string
	for _, s := range stems {
		if len(out) == limit {
			break
		}
		out = append(out, b[s])
	}
	return out
}
