// Package names compares personal names across scripts.
//
// Skeleton folds a name written in Chinese characters, Kazakh or Russian
// Cyrillic, or any of their usual romanizations to a Latin skeleton on
// which the spellings of one name meet; Latin writes a name readably in
// Latin letters for badges and exports; Index finds people by any spelling
// of their name, typos included.
package names

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxRunes bounds the length of a name: longer input is cut, so that no
// input costs more than a name could.
const maxRunes = 200

// Skeleton folds a personal name to a comparable Latin skeleton: lowercase
// ASCII tokens, sorted, separated by single spaces. Spellings of one name
// in other scripts and romanizations fold to the same skeleton:
// "Гүлнар Шаймергенова", "Гулнар Шаймергенова", "Gülnar Şaimergenova" and
// "Gulnar Shaymergenova" all give "gulnar shaimergenova"; "张伟", "Zhang
// Wei" and "Wei Zhang" all give "jang vei".
//
// Chinese characters are read in pinyin without tones, the first word's
// first character (or a compound family name such as 欧阳) with its
// reading as a family name; a name in characters written without spaces
// is split into family name and given name. Cyrillic is romanized, and
// the spelling variants of the romanizations in use are folded (see
// fold). Letters of other scripts are dropped. Input beyond 200 characters
// is ignored.
func Skeleton(name string) string {
	toks := skeletonTokens(name)
	sort.Strings(toks)
	return strings.Join(toks, " ")
}

// skeletonTokens returns a name's skeleton tokens in the order written.
func skeletonTokens(name string) []string {
	words := splitWords(name)
	var out []string
	add := func(latin string) {
		if t := fold(asciiLetters(latin)); t != "" {
			out = append(out, t)
		}
	}
	family := true // the first word in characters holds the family name
	nHan := 0
	for _, w := range words {
		if w.han {
			nHan++
		}
	}
	for _, w := range words {
		switch {
		case !w.han:
			add(w.text)
		case nHan == 1 && utf8.RuneCountInString(w.text) > 1:
			fam, given := splitHan(w.text)
			add(familyPinyin(fam))
			add(hanPinyin(given))
			family = false
		case family:
			add(familyPinyin(w.text))
			family = false
		default:
			add(hanPinyin(w.text))
		}
	}
	return out
}

// word is a run of letters: Chinese characters, or letters of other
// scripts.
type word struct {
	text string
	han  bool
}

// splitWords cuts a name, after NFKC normalization, into words at spaces,
// hyphens, dots, digits and any other non-letters, and where Chinese
// characters meet other letters. Apostrophes and the modifier letters used
// for the soft and hard signs stay inside a word, to be dropped later.
func splitWords(name string) []word {
	name = norm.NFKC.String(clip(name))
	var out []word
	var cur strings.Builder
	curHan := false
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, word{text: cur.String(), han: curHan})
			cur.Reset()
		}
	}
	for _, r := range name {
		han := isHan(r)
		switch {
		case !han && !inWord(r):
			flush()
			continue
		case cur.Len() > 0 && han != curHan:
			flush()
		}
		curHan = han
		cur.WriteRune(r)
	}
	flush()
	return out
}

// inWord reports whether r belongs inside a word: a letter, a combining
// mark, or an apostrophe.
func inWord(r rune) bool {
	switch r {
	case '\'', '’', '‘', '`', '´', 'ʼ', 'ʹ', 'ʺ', 'ʻ':
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// clip cuts a string after maxRunes runes.
func clip(s string) string {
	n := 0
	for i := range s {
		if n == maxRunes {
			return s[:i]
		}
		n++
	}
	return s
}

// asciiLetters lowercases a word and writes it in the ASCII letters a–z:
// Cyrillic and Latin letters with sound-bearing marks through
// skeletonLetters, other Latin letters without their marks. Anything else
// is dropped.
func asciiLetters(w string) string {
	b := make([]byte, 0, len(w)+4)
	for _, r := range w {
		r = unicode.ToLower(r) // İ becomes i; ı is in skeletonLetters
		switch {
		case r >= 'a' && r <= 'z':
			b = append(b, byte(r))
		case r < utf8.RuneSelf:
		default:
			if s, ok := skeletonLetters[r]; ok {
				b = append(b, s...)
			} else {
				b = appendStripped(b, r)
			}
		}
	}
	return string(b)
}

// appendStripped appends the ASCII letters of a rune's canonical
// decomposition: é gives e, ǵ gives g, a Greek letter nothing.
func appendStripped(b []byte, r rune) []byte {
	if !unicode.Is(unicode.Latin, r) {
		return b
	}
	var buf [utf8.UTFMax]byte
	d := norm.NFD.Append(nil, buf[:utf8.EncodeRune(buf[:], r)]...)
	for _, c := range d {
		if c >= 'a' && c <= 'z' {
			b = append(b, c)
		} else if c >= 'A' && c <= 'Z' {
			b = append(b, c+'a'-'A')
		}
	}
	return b
}

// spellings folds letter groups that the romanizations in use write one
// sound with. At each position the first listed match wins, so longer
// groups come first.
var spellings = strings.NewReplacer(
	"shch", "sh", "sch", "sh", "dzh", "j", "dj", "j", "zh", "j", "kh", "h",
	"ts", "c", "tc", "c", "tz", "c", "ck", "k", "ph", "f",
	"x", "ks", "q", "k", "w", "v", "y", "i",
)

// fold folds the spelling variants of a word of ASCII letters: zh, j, dj
// and dzh; kh and h; ts and c; shch, sch and sh; x and ks; q and k; w and
// v; y and i (so ya, yu, yo are ia, iu, io); ie and e (Yelena, Elena;
// Grigoryev, Grigorev); io after a consonant and e (Pyotr, Petr); a j
// closing a syllable and i (ISO 9 Sergej, Sergei); doubled letters. The
// pinyin syllable yi, at the start of a word or after a vowel, keeps its
// y, so that Yiyang stays apart from Yang and Yiyi from Yi. It repeats
// until nothing changes, so that folding is idempotent.
func fold(w string) string {
	for range 4 {
		next := foldOnce(w)
		if next == w {
			break
		}
		w = next
	}
	return strings.ReplaceAll(w, "j", "zh")
}

// foldOnce makes one pass of the folds described at fold.
func foldOnce(w string) string {
	w = spellings.Replace(markYi(w))
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case c == 'i' && next == 'e':
			continue
		case c == 'i' && next == 'o' && i > 0 && !isVowel(w[i-1]):
			c = 'e'
			i++
		case c == 'j' && i > 0 && isVowel(w[i-1]) && !isVowel(next):
			c = 'i'
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return strings.ReplaceAll(string(b), "Y", "y")
}

// markYi writes as Y, which the folds leave alone, each y of the pinyin
// syllable yi: followed by i, at the start of the word or after a vowel.
func markYi(w string) string {
	if !strings.Contains(w, "yi") {
		return w
	}
	b := []byte(w)
	for i := 0; i+1 < len(b); i++ {
		if b[i] == 'y' && b[i+1] == 'i' && (i == 0 || isVowel(b[i-1])) {
			b[i] = 'Y'
		}
	}
	return string(b)
}

// isVowel reports whether an ASCII letter is a vowel of the skeleton.
func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}
