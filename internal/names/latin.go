package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Latin writes a personal name readably in Latin letters, for badges and
// exports.
//
// Chinese characters are written in pinyin without tones, the family name
// first and each part capitalized: "张伟" is "Zhang Wei", "欧阳修" is
// "Ouyang Xiu". A name holding any of the Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І
// is written in the Kazakh Latin alphabet of 2021: "Гүлнар Шаймергенова"
// is "Gülnar Şaimergenova". Other Cyrillic is written the BGN/PCGN way,
// without its apostrophes for the soft and hard signs and without the
// diaeresis of ё: "Шаймергенова" is "Shaymergenova", "Пётр Васильевич" is
// "Pyotr Vasilyevich". Each word keeps its capitalization (a word in
// capitals stays in capitals); Latin text is returned unchanged. Control
// characters, such as a tab, become spaces; a name without a letter, such
// as white space or an emoji, gives "". Input beyond 200 characters is
// ignored, as by Skeleton.
func Latin(name string) string {
	name = clip(name)
	if strings.ContainsFunc(name, unicode.IsControl) {
		name = strings.Map(controlToSpace, name)
	}
	if !strings.ContainsFunc(name, unicode.IsLetter) {
		return ""
	}
	if !strings.ContainsFunc(name, func(r rune) bool { return isHan(r) || isCyrillic(r) }) {
		return name
	}
	name = norm.NFC.String(name)
	kazakh := strings.ContainsFunc(name, func(r rune) bool { return kazakhLetters[r] })
	segs := segments(name)
	nHan := 0
	for _, s := range segs {
		if s.class == classHan {
			nHan++
		}
	}
	var b strings.Builder
	family := true
	for _, s := range segs {
		switch s.class {
		case classHan:
			b.WriteString(hanLatin(s.text, nHan == 1, family))
			family = false
		case classLetters:
			b.WriteString(romanizeWord(s.text, kazakh))
		default:
			b.WriteString(s.text)
		}
	}
	return b.String()
}

// Classes of the runs of text that Latin treats alike.
const (
	classOther = iota
	classHan
	classLetters
)

// segment is a maximal run of text of one class.
type segment struct {
	text  string
	class int
}

// segments cuts text into runs of Chinese characters, of other letters,
// and of anything else.
func segments(s string) []segment {
	var out []segment
	start, class := 0, -1
	for i, r := range s {
		c := classOther
		switch {
		case isHan(r):
			c = classHan
		case unicode.IsLetter(r) || unicode.IsMark(r):
			c = classLetters
		}
		if c != class && i > start {
			out = append(out, segment{s[start:i], class})
			start = i
		}
		class = c
	}
	if start < len(s) {
		out = append(out, segment{s[start:], class})
	}
	return out
}

// hanLatin writes a run of Chinese characters in pinyin: split into family
// and given name when it is the whole name in characters, read as a
// family name when it comes first.
func hanLatin(s string, alone, family bool) string {
	switch {
	case alone && utf8.RuneCountInString(s) > 1:
		fam, given := splitHan(s)
		return strings.TrimSpace(capitalize(familyPinyin(fam)) + " " + capitalize(hanPinyin(given)))
	case family:
		return capitalize(familyPinyin(s))
	}
	return capitalize(hanPinyin(s))
}

// romanizeWord writes the Cyrillic letters of a word in Latin letters, in
// the Kazakh alphabet of 2021 or the BGN/PCGN way, keeping the case of
// each letter; letters of other scripts pass through.
func romanizeWord(w string, kazakh bool) string {
	table := russianLatin
	if kazakh {
		table = kazakhLatin
	}
	caps := isAllCaps(w)
	var b strings.Builder
	prev := rune(0)
	for _, r := range w {
		lower := unicode.ToLower(r)
		s, ok := table[lower]
		switch {
		case !ok:
			b.WriteRune(r)
		case kazakh && kazakhLatinUpper[r] != "":
			b.WriteString(kazakhLatinUpper[r])
		default:
			if !kazakh && lower == 'е' && (prev == 0 || strings.ContainsRune("аеёиоуыэюяьъй", prev)) {
				s = "ye"
			}
			if r != lower {
				s = upper(s, caps)
			}
			b.WriteString(s)
		}
		prev = lower
	}
	return b.String()
}

// upper capitalizes a letter's romanization: all of it inside a word in
// capitals (Ш is SH in ШАЙМЕРГЕНОВА), its first letter otherwise.
func upper(s string, caps bool) string {
	if caps {
		return strings.ToUpper(s)
	}
	return capitalize(s)
}

// isAllCaps reports whether a word has two or more letters, all capitals.
func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n > 1
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// controlToSpace maps control characters to a space, for strings.Map.
func controlToSpace(r rune) rune {
	if unicode.IsControl(r) {
		return ' '
	}
	return r
}
