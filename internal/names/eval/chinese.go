package eval

import (
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// Shares of Chinese given names of one character, and of two characters
// that are one character doubled (芳芳).
const (
	zhOneCharShare = 0.25
	zhDoubledShare = 0.05
)

// chinesePerson draws a Chinese name: a family name, sometimes of two
// characters, and a given name of one or two characters.
func chinesePerson(rng *rand.Rand) Person {
	family := zhSurnames.pick(rng)
	given := zhGiven.pick(rng)
	switch x := rng.Float64(); {
	case x < zhDoubledShare:
		given += given
	case x >= zhDoubledShare+zhOneCharShare:
		given += zhGiven.pick(rng)
	}
	return Person{parts: []string{family, given}}
}

// pinyin writes a Chinese name in pinyin without tones, family name first,
// each part capitalized and the given name's syllables run together: 邢芳芳
// is Xing Fangfang.
func (p *Person) pinyin() []string {
	return []string{capitalize(zhFamilyReading[p.parts[0]], false), capitalize(strings.Join(p.givenSyllables(), ""), false)}
}

// givenSyllables reads the characters of a Chinese given name.
func (p *Person) givenSyllables() []string {
	var out []string
	for _, r := range p.parts[1] {
		out = append(out, zhReading[r])
	}
	return out
}

// givenChars is the number of characters of a Chinese given name.
func (p *Person) givenChars() int {
	return utf8.RuneCountInString(p.parts[1])
}
