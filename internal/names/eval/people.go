package eval

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// Person is a synthetic person.
type Person struct {
	ID     string   // "p" and six digits, in order of generation
	Script string   // "ru", "kk", "zh" or "en"
	Names  []string // the name in its own script, then any second stored spelling
	// parts are the name's words in its own script: given name, any
	// patronymic, surname; family name and given name in Chinese.
	parts []string
	// surnameFirst is whether the name is stored surname first, as
	// official Kazakh lists write it.
	surnameFirst bool
}

// Scripts are the kinds of names generated, with their share of the
// people: a China–Kazakhstan symposium has mostly Kazakh and Chinese
// names, many Russian ones and some English ones.
var Scripts = []struct {
	Name  string
	Share float64
}{
	{"kk", 0.35}, {"zh", 0.30}, {"ru", 0.25}, {"en", 0.10},
}

// secondSpelling is the share of people stored with a second spelling of
// their name.
const secondSpelling = 0.3

// maxDraws bounds the draws for one person whose key is already taken;
// past it the person is left out.
const maxDraws = 100

// people generates n people whose keys are all distinct.
func people(rng *rand.Rand, n int) []Person {
	out := make([]Person, 0, n)
	seen := make(map[string]bool, n)
	for len(out) < n {
		script := pickScript(rng)
		for range maxDraws {
			p := newPerson(rng, script)
			if k := key(p); !seen[k] {
				seen[k] = true
				p.ID = fmt.Sprintf("p%06d", len(out))
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// pickScript draws a script by its share.
func pickScript(rng *rand.Rand) string {
	x := rng.Float64()
	for _, s := range Scripts {
		if x < s.Share {
			return s.Name
		}
		x -= s.Share
	}
	return Scripts[0].Name
}

// newPerson draws one person of a script, with their stored spellings.
func newPerson(rng *rand.Rand, script string) Person {
	var p Person
	switch script {
	case "ru":
		p = russianPerson(rng)
	case "kk":
		p = kazakhPerson(rng)
	case "zh":
		p = chinesePerson(rng)
	default:
		p = englishPerson(rng)
	}
	p.Script = script
	p.Names = []string{p.original()}
	if rng.Float64() < secondSpelling {
		if s := p.secondSpelling(rng); s != "" && s != p.Names[0] {
			p.Names = append(p.Names, s)
		}
	}
	return p
}

// original writes the name in its own script: Chinese characters run
// together, other names as words separated by spaces, in the order stored.
func (p *Person) original() string {
	if p.Script == "zh" {
		return strings.Join(p.parts, "")
	}
	return p.ordered(p.surnameFirst)
}

// ordered writes a name's words given name first or surname first.
func (p *Person) ordered(surnameFirst bool) string {
	if !surnameFirst {
		return strings.Join(p.parts, " ")
	}
	n := len(p.parts)
	return strings.Join(append([]string{p.parts[n-1]}, p.parts[:n-1]...), " ")
}

// secondSpelling writes the name as a second list might store it: in the
// passport's Latin (Russian and Kazakh), in the Kazakh Latin alphabet of
// 2021, or in pinyin. English names have none.
func (p *Person) secondSpelling(rng *rand.Rand) string {
	switch p.Script {
	case "ru":
		return romanize(p.original(), icao)
	case "kk":
		if rng.IntN(2) == 0 {
			return romanize(p.original(), icao)
		}
		return romanize(p.original(), kk2021)
	case "zh":
		return strings.Join(p.pinyin(), " ")
	}
	return ""
}

// key is what no two people may share: the name in the lossiest
// romanization, lowercased, words sorted (see the package doc).
func key(p Person) string {
	var words []string
	switch p.Script {
	case "zh":
		words = p.pinyin()
	case "en":
		words = p.parts
	default:
		words = strings.Fields(romanize(p.original(), icao))
	}
	words = slices.Clone(words)
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	slices.Sort(words)
	return strings.Join(words, " ")
}
