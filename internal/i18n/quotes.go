package i18n

import "strings"

// quotes writes quotation marks nested inside «guillemets» as „lapki“, as
// Russian and Kazakh typography wants when an inserted title has quotes of
// its own: «Симпозиум «Наука и технологии Китая»» becomes «Симпозиум
// „Наука и технологии Китая“». Other languages' texts are returned as
// they are.
func (l *Localizer) quotes(s string) string {
	if (l.Lang != "ru" && l.Lang != "kk") || strings.Count(s, "«") < 2 {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '«':
			if depth > 0 {
				r = '„'
			}
			depth++
		case r == '»' && depth > 0:
			depth--
			if depth > 0 {
				r = '“'
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}
