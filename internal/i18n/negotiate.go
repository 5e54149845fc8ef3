package i18n

import (
	"strconv"
	"strings"

	"symposium"
)

// Negotiate picks the language of a page: the ?lang= value if it is one of
// ours, else the cookie's, else the best match of the Accept-Language header
// (q-values honoured, the first of equal ones winning, regional and script
// variants matching their language: ru-RU → ru, zh-CN, zh-Hans and zh-TW →
// zh, kk-KZ → kk), else English. Unsupported or malformed values are
// skipped.
func Negotiate(query, cookie, acceptLanguage string) string {
	for _, v := range []string{query, cookie} {
		if l, ok := supported(v); ok {
			return l
		}
	}
	best, bestQ := symposium.DefaultLanguage, 0.0
	for part := range strings.SplitSeq(acceptLanguage, ",") {
		tag, q := parseRange(part)
		if l, ok := supported(tag); ok && q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}

// supported returns the language of a tag such as "ru", "RU" or "zh-Hans-CN"
// if it is one of ours.
func supported(tag string) (string, bool) {
	base, _, _ := strings.Cut(strings.TrimSpace(tag), "-")
	base, _, _ = strings.Cut(base, "_")
	base = strings.ToLower(base)
	return base, symposium.IsLanguage(base)
}

// parseRange reads one "ru-RU;q=0.8" element of Accept-Language; a q-value
// that is not a number from 0 to 1 gives 0, which never matches.
func parseRange(part string) (string, float64) {
	tag, params, _ := strings.Cut(part, ";")
	q := 1.0
	for p := range strings.SplitSeq(params, ";") {
		name, value, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(strings.TrimSpace(name), "q") {
			v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
			if err != nil || !(v >= 0 && v <= 1) {
				return tag, 0
			}
			q = v
		}
	}
	return strings.TrimSpace(tag), q
}
