package eval

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// Query seeks one person by a spelling of their name.
type Query struct {
	Text   string // the query as typed
	Person string // the ID of the person sought
	Kind   string // how it is written, such as "ru-bgn" or "zh-split+typo"
}

// Typo is the suffix of the kind of a query with a typo.
const Typo = "+typo"

// Kinds lists, for each script, the ways its names are written in
// queries:
//
//   - ru-bgn, ru-iso9, ru-icao: Russian in BGN/PCGN, ISO 9 and the
//     passport's ICAO 9303;
//   - kk-latin2021, kk-latin2018, kk-icao, kk-keyboard: Kazakh in the
//     Latin alphabets of 2021 and 2018, in the passport's ICAO 9303, and
//     typed on a Russian keyboard (Сәуле as Сауле);
//   - zh-pinyin, zh-reversed, zh-split: Chinese in pinyin family name first
//     (Zhang Wei), given name first (Wei Zhang), and with the syllables of
//     the given name apart (Xing Fang Fang, in either order);
//   - en-reversed, en-caps: English surname first (Smith John), and as
//     passports and badges write it (SMITH, John).
//
// Russian and Kazakh queries write the name's words given name first or
// surname first at random.
var Kinds = map[string][]string{
	"ru": {"ru-bgn", "ru-iso9", "ru-icao"},
	"kk": {"kk-latin2021", "kk-latin2018", "kk-icao", "kk-keyboard"},
	"zh": {"zh-pinyin", "zh-reversed", "zh-split"},
	"en": {"en-reversed", "en-caps"},
}

// queries draws m queries for people drawn at random, every other one
// with a typo.
func queries(rng *rand.Rand, people []Person, m int) []Query {
	out := make([]Query, 0, m)
	for i := range m {
		p := &people[rng.IntN(len(people))]
		kind := pickKind(rng, p)
		q := Query{Text: p.write(rng, kind), Person: p.ID, Kind: kind}
		if i%2 == 1 {
			q.Text = typo(rng, q.Text)
			q.Kind += Typo
		}
		out = append(out, q)
	}
	return out
}

// pickKind draws a kind of query for a person. A Chinese given name of one
// character has no syllables to split.
func pickKind(rng *rand.Rand, p *Person) string {
	kinds := Kinds[p.Script]
	if p.Script == "zh" && p.givenChars() < 2 {
		kinds = slices.DeleteFunc(slices.Clone(kinds), func(k string) bool { return k == "zh-split" })
	}
	return kinds[rng.IntN(len(kinds))]
}

// write writes a person's name as a query of a kind.
func (p *Person) write(rng *rand.Rand, kind string) string {
	switch kind {
	case "ru-bgn":
		return romanize(p.cyrillicOrder(rng), bgn)
	case "ru-iso9":
		return romanize(p.cyrillicOrder(rng), iso9)
	case "ru-icao", "kk-icao":
		return romanize(p.cyrillicOrder(rng), icao)
	case "kk-latin2021":
		return romanize(p.cyrillicOrder(rng), kk2021)
	case "kk-latin2018":
		return romanize(p.cyrillicOrder(rng), kk2018)
	case "kk-keyboard":
		return keyboard(p.cyrillicOrder(rng))
	case "zh-pinyin":
		return strings.Join(p.pinyin(), " ")
	case "zh-reversed":
		py := p.pinyin()
		return py[1] + " " + py[0]
	case "zh-split":
		return p.splitPinyin(rng)
	case "en-reversed":
		return p.parts[1] + " " + p.parts[0]
	case "en-caps":
		return strings.ToUpper(p.parts[1]) + ", " + p.parts[0]
	}
	panic("eval: unknown kind " + kind)
}

// cyrillicOrder writes a Cyrillic name's words given name first or,
// half the time, surname first.
func (p *Person) cyrillicOrder(rng *rand.Rand) string {
	return p.ordered(rng.IntN(2) == 0)
}

// splitPinyin writes a Chinese name with the syllables of the given name
// apart, the family name first or last: Xing Fang Fang, Fang Fang Xing.
func (p *Person) splitPinyin(rng *rand.Rand) string {
	given := p.givenSyllables()
	for i, s := range given {
		given[i] = capitalize(s, false)
	}
	family := capitalize(zhFamilyReading[p.parts[0]], false)
	if rng.IntN(2) == 0 {
		return family + " " + strings.Join(given, " ")
	}
	return strings.Join(given, " ") + " " + family
}
