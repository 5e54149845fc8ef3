package eval

import (
	"math/rand/v2"
	"unicode"
)

// Alphabets that typos draw letters from.
const (
	latinLetters    = "abcdefghijklmnopqrstuvwxyz"
	cyrillicLetters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
)

// typo makes exactly one typo in a query: it inserts a letter, deletes
// one, replaces one with another, or swaps two different neighbouring
// letters of a word (each keeping the case of its place). Letters inserted or replacing are lowercase letters
// of the alphabet of the query's script (Latin, or Russian for a query
// in Cyrillic), or capitals where they replace a capital. A word is never
// left empty.
func typo(rng *rand.Rand, s string) string {
	r := []rune(s)
	letters := letterPositions(r)
	if len(letters) == 0 {
		return s
	}
	alphabet := []rune(latinLetters)
	if unicode.Is(unicode.Cyrillic, r[letters[0]]) {
		alphabet = []rune(cyrillicLetters)
	}
	for {
		i := letters[rng.IntN(len(letters))]
		switch rng.IntN(4) {
		case 0: // insertion before or after the letter
			at := i + rng.IntN(2)
			return string(append(r[:at:at], append([]rune{alphabet[rng.IntN(len(alphabet))]}, r[at:]...)...))
		case 1:
			if isLetter(r, i-1) || isLetter(r, i+1) {
				return string(append(r[:i:i], r[i+1:]...))
			}
		case 2:
			c := alphabet[rng.IntN(len(alphabet))]
			if unicode.IsUpper(r[i]) {
				c = unicode.ToUpper(c)
			}
			if c != r[i] {
				r[i] = c
				return string(r)
			}
		case 3:
			if isLetter(r, i+1) && unicode.ToLower(r[i]) != unicode.ToLower(r[i+1]) {
				r[i], r[i+1] = caseOf(r[i+1], r[i]), caseOf(r[i], r[i+1])
				return string(r)
			}
		}
	}
}

// letterPositions returns the positions of the letters of the Latin and
// Cyrillic scripts in r.
func letterPositions(r []rune) []int {
	var out []int
	for i := range r {
		if isLetter(r, i) {
			out = append(out, i)
		}
	}
	return out
}

// isLetter reports whether r[i] exists and is a letter of the Latin or
// Cyrillic script (not an apostrophe or a prime).
func isLetter(r []rune, i int) bool {
	return i >= 0 && i < len(r) && (unicode.Is(unicode.Latin, r[i]) || unicode.Is(unicode.Cyrillic, r[i]))
}

// caseOf gives letter c the case of letter like.
func caseOf(c, like rune) rune {
	if unicode.IsUpper(like) {
		return unicode.ToUpper(c)
	}
	return unicode.ToLower(c)
}
