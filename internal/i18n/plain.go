package i18n

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// plain reads a catalog's simple messages, and the forms of its plural
// messages as they are written. Simple messages are those that are one text, not
// plural forms, whose only template actions are placeholders such as
// {{.Name}}. T fills them in itself, which is much faster than running
// go-i18n's templates: pages call T hundreds of times, and a registration
// writes its mails while thousands of others wait. A test checks that both
// ways write the same text.
func plain(lang string) (map[string]message, map[string]map[string]string, error) {
	b, err := locales.ReadFile("locales/" + lang + ".json")
	if err != nil {
		return nil, nil, err
	}
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, nil, err
	}
	out, forms := map[string]message{}, map[string]map[string]string{}
	for k, v := range raw {
		switch v := v.(type) {
		case string:
			if m, ok := parseMessage(v); ok {
				out[k] = m
			}
		case map[string]any:
			forms[k] = map[string]string{}
			for form, text := range v {
				if s, ok := text.(string); ok {
					forms[k][form] = s
				}
			}
		}
	}
	return out, forms, nil
}

// message is a text cut at its placeholders: parts[0], then the value of
// names[0], then parts[1], and so on.
type message struct {
	parts []string
	names []string
}

var placeholderPattern = regexp.MustCompile(`\{\{\s*\.([A-Za-z][A-Za-z0-9]*)\s*\}\}`)

// parseMessage cuts a text at its placeholders; it refuses a text with any
// other template action.
func parseMessage(s string) (message, bool) {
	var m message
	last := 0
	for _, loc := range placeholderPattern.FindAllStringSubmatchIndex(s, -1) {
		m.parts = append(m.parts, s[last:loc[0]])
		m.names = append(m.names, s[loc[2]:loc[3]])
		last = loc[1]
	}
	m.parts = append(m.parts, s[last:])
	for _, p := range m.parts {
		if strings.Contains(p, "{{") {
			return message{}, false
		}
	}
	return m, true
}

// fill writes the message with its placeholders' values.
func (m message) fill(l *Localizer, args []any) string {
	if len(m.names) == 0 {
		return m.parts[0]
	}
	var b strings.Builder
	for i, part := range m.parts {
		b.WriteString(part)
		if i < len(m.names) {
			b.WriteString(l.arg(m.names[i], args))
		}
	}
	return b.String()
}

// arg finds a named value among alternating names and values, the last
// one when a name is given twice, and writes it as go-i18n's templates
// would: "<no value>" when it is missing or nil.
func (l *Localizer) arg(name string, args []any) string {
	var v any
	for i := 0; i+1 < len(args); i += 2 {
		if argName(args[i]) == name {
			v = args[i+1]
		}
	}
	switch v := l.value(v).(type) {
	case nil:
		return "<no value>"
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// argName returns the name of an argument, which callers give as a string.
func argName(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}
