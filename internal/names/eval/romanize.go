package eval

import (
	"strings"
	"unicode"
)

// The romanizations here are the generator's own, written from the
// standards and independently of the names package that they test.

// icao is ICAO 9303, as Russian and Kazakh passports write names.
var icao = scheme{letters: table(`а a б b в v г g д d е e ё e ж zh з z и i й i к k л l м m н n о o п p
	р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ъ ie ы y ь - э e ю iu я ia
	ә a ғ g қ k ң n ө o ұ u ү u һ h і i`)}

// bgn is BGN/PCGN for Russian, without the apostrophes for the signs and
// with yo for ё; е after a vowel or a sign, and at the start of a word, is
// ye (see romanize).
var bgn = scheme{ye: true, letters: table(`а a б b в v г g д d е e ё yo ж zh з z и i й y к k л l м m н n о o п p
	р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ъ - ы y ь - э e ю yu я ya`)}

// iso9 is ISO 9:1995, letter for letter.
var iso9 = scheme{letters: table(`а a б b в v г g д d е e ё ë ж ž з z и i й j к k л l м m н n о o п p
	р r с s т t у u ф f х h ц c ч č ш š щ ŝ ъ ʺ ы y ь ʹ э è ю û я â`)}

// kk2021 is the Kazakh Latin alphabet of January 2021, whose capital of
// i (И, Й) is İ and of ı (І) is I.
var kk2021 = scheme{dotted: true, letters: table(`а a ә ä б b в v г g ғ ğ д d е e ё io ж j з z и i й i і ı к k қ q
	л l м m н n ң ñ о o ө ö п p р r с s т t у u ұ ū ү ü ф f х h һ h ц ts ч ch
	ш ş щ şş ъ - ы y ь - э e ю iu я ia`)}

// kk2018 is the Kazakh Latin alphabet of 2018, with acutes.
var kk2018 = scheme{letters: table(`а a ә á б b в v г g ғ ǵ д d е e ё ıo ж j з z и ı й ı і i к k қ q
	л l м m н n ң ń о o ө ó п p р r с s т t у ý ұ u ү ú ф f х h һ h ц ts ч ch
	ш sh щ sh ъ - ы y ь - э e ю ıý я ıa`)}

// ruKeyboard is how Kazakh is typed on a Russian keyboard.
var ruKeyboard = table(`ә а ғ г қ к ң н ө о ұ у ү у һ х і и`)

// scheme is a romanization: a letter table, whether е is ye at the start
// of a word and after a vowel or a sign (BGN/PCGN), and whether the
// capital of i is the dotted İ (Kazakh Latin of 2021).
type scheme struct {
	letters map[rune]string
	ye      bool
	dotted  bool
}

// table reads pairs of a lowercase letter and its romanization; - stands
// for nothing.
func table(pairs string) map[rune]string {
	f := strings.Fields(pairs)
	m := map[rune]string{}
	for i := 0; i+1 < len(f); i += 2 {
		m[[]rune(f[i])[0]] = strings.ReplaceAll(f[i+1], "-", "")
	}
	return m
}

// romanize writes Cyrillic with a table, word by word, keeping each word's
// capital. For BGN/PCGN, е is ye where the standard says so.
func romanize(name string, sc scheme) string {
	words := strings.Fields(name)
	for i, w := range words {
		var b strings.Builder
		prev := rune(0)
		for _, r := range strings.ToLower(w) {
			s, ok := sc.letters[r]
			switch {
			case !ok:
				s = string(r)
			case r == 'е' && sc.ye && (prev == 0 || strings.ContainsRune("аеёиоуыэюяъьй-", prev)):
				s = "ye"
			}
			b.WriteString(s)
			prev = r
		}
		words[i] = capitalize(b.String(), sc.dotted)
	}
	return strings.Join(words, " ")
}

// keyboard writes Kazakh Cyrillic with Russian letters only.
func keyboard(s string) string {
	var b strings.Builder
	for _, r := range s {
		lower := unicode.ToLower(r)
		sub, ok := ruKeyboard[lower]
		switch {
		case !ok:
			b.WriteRune(r)
		case lower != r:
			b.WriteString(strings.ToUpper(sub))
		default:
			b.WriteString(sub)
		}
	}
	return b.String()
}

// capitalize upper-cases the first letter of s, and of each part after a
// hyphen; with dotted, the capital of i is İ.
func capitalize(s string, dotted bool) string {
	r := []rune(s)
	for i := range r {
		switch {
		case i > 0 && r[i-1] != '-':
		case dotted && r[i] == 'i':
			r[i] = 'İ'
		default:
			r[i] = unicode.ToUpper(r[i])
		}
	}
	return string(r)
}
