package i18n

import (
	"strconv"
	"strings"
)

// groupSeparator is what Russian and Kazakh put between groups of three
// digits: the no-break space U+00A0, as CLDR writes them, so that a number
// never breaks across lines. English and Chinese use a comma.
const groupSeparator = "\u00a0"

// Number writes an integer with the grouping of the language: "1,234,567"
// in English and Chinese, "1 234 567" in Russian and Kazakh, grouped with a
// no-break space (U+00A0). A negative number starts with a hyphen-minus.
func (l *Localizer) Number(n int64) string {
	sep := ","
	if l.Lang == "ru" || l.Lang == "kk" {
		sep = groupSeparator
	}
	u := uint64(n)
	if n < 0 {
		u = -u
	}
	digits := strconv.FormatUint(u, 10)
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3*len(sep) + 1)
	if n < 0 {
		b.WriteByte('-')
	}
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// endonyms are the languages' names for themselves.
var endonyms = map[string]string{"en": "English", "zh": "中文", "kk": "Қазақша", "ru": "Русский"}

// LanguageName returns a language's own name, whatever the reader's
// language: English, 中文, Қазақша, Русский. An unknown tag is returned as
// it is.
func (l *Localizer) LanguageName(tag string) string {
	if n, ok := endonyms[tag]; ok {
		return n
	}
	return tag
}
