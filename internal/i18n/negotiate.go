package i18n

import (
	"strconv"
	"strings"

	"symposium"
)

// Negotiate picks the language of a page: the ?lang= value if it is one of
// ours, else the cookie's, else the best match of the Accept-Language header
// (q-values honoured, regional variants such as ru-RU or zh-CN matching
// their language), else English.
func Negotiate(query, cookie, acceptLanguage string) string {
	for _, l := range []string{query, cookie} {
		if symposium.IsLanguage(l) {
			return l
		}
	}
	best, bestQ := symposium.DefaultLanguage, 0.0
	for _, part := range strings.Split(acceptLanguage, ",") {
		tag, q := parseRange(part)
		base, _, _ := strings.Cut(strings.ToLower(tag), "-")
		if symposium.IsLanguage(base) && q > bestQ {
			best, bestQ = base, q
		}
	}
	return best
}

// parseRange reads one "ru-RU;q=0.8" element of Accept-Language.
func parseRange(part string) (string, float64) {
	tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
	q := 1.0
	for _, p := range strings.Split(params, ";") {
		name, value, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(name, "q") {
			v, err := strconv.ParseFloat(value, 64)
			if err != nil || v < 0 || v > 1 {
				return tag, 0
			}
			q = v
		}
	}
	return strings.TrimSpace(tag), q
}
