package i18n

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// These tests check the checks: that TestKeysUsed and TestCatalogsComplete
// would fail on the mistakes they are there to catch.

// keyScanTests are modules in small, with the keys a scan must find in them
// and the number of places where it must see a computed key.
var keyScanTests = []struct {
	name     string
	files    map[string]string
	used     []string
	computed int
}{
	{"literal keys in calls", map[string]string{"a.go": `package a
func f() {
l.T("nav.home"); l.N("plural.things", 2); T("unknown.namespace")
p.Add("venue.name", "error.field.required", "Max", 3); Errorf(code, "error.x")
m.Msg("error.msg"); m.Key("error.key"); errorKey("error.suffix")
T("Opening address", "开幕致辞")
}`}, []string{"error.field.required", "error.key", "error.msg", "error.suffix", "error.x", "nav.home", "plural.things", "unknown.namespace"}, 0},
	{"keys in tables", map[string]string{"a.go": `package a
var keys = map[string]string{"x": "error.table", "y": "other.table", "z": "nav.page.html"}`}, []string{"error.table"}, 0},
	{"computed keys", map[string]string{"a.go": `package a
func f() {
l.T("error." + code); l.T(fmt.Sprintf("error.%s", code)); l.N(strings.Join(parts, "."), 2); l.T(1)
l.T(key); l.T(e.Key); l.T(keys[s]); l.T(label("kind", k)); l.T(string(k))
}`}, nil, 4},
	{"templates", map[string]string{"web/templates/a.html": `<p class="nav.outside">{{.L.T "nav.home"}} {{T "error.t"}} {{t ` + "`error.raw`" + `}}
{{$.L.N "plural.n" .Count}} {{template "error.html" .}} {{with "error.piped"}}{{$.L.T .}}{{end}}
{{.L.T (printf "error.%s" .Code)}} {{.L.T .Label}} {{.Format "2006-01-02"}}</p>`,
		"web/templates/mail.txt":       `{{T "error.mail"}}`,
		"web/templates/b.tmpl":         `{{N "error.tmpl" 3}}`,
		"web/static/notatemplate.html": `{{.L.T "error.static"}}`,
	}, []string{"error.mail", "error.piped", "error.raw", "error.t", "error.tmpl", "nav.home", "plural.n"}, 1},
	{"skipped places", map[string]string{
		"a_test.go":                 `package a; var _ = T("error.test")`,
		"testdata/a.go":             `package a; var _ = T("error.testdata")`,
		"vendor/a/a.go":             `package a; var _ = T("error.vendor")`,
		"x/locales/a.go":            `package a; var _ = T("error.locales")`,
		".hidden/a.go":              `package a; var _ = T("error.hidden")`,
		"testdata/templates/a.html": `{{T "error.testdata_template"}}`,
	}, nil, 0},
}

func TestKeyScan(t *testing.T) {
	catalog := map[string]any{"error.a": "", "nav.home": ""}
	for _, tt := range keyScanTests {
		root := t.TempDir()
		for name, src := range tt.files {
			path := filepath.Join(root, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		s := newKeyScan(catalog)
		if err := s.walk(root); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := sortedKeys(s.used); !slices.Equal(got, tt.used) {
			t.Errorf("%s: used %q, want %q", tt.name, got, tt.used)
		}
		if len(s.computed) != tt.computed {
			t.Errorf("%s: computed at %q, want %d places", tt.name, s.computed, tt.computed)
		}
	}
}

func TestCheckMessage(t *testing.T) {
	enPlural := map[string]any{"one": "{{.Count}} thing", "other": "{{.Count}} things"}
	tests := []struct {
		name, lang string
		en, value  any
		want       []string // a piece of each problem expected
	}{
		{"good text", "ru", "At most {{.Max}}.", "Не более {{.Max}}.", nil},
		{"good plural", "ru", enPlural, map[string]any{"one": "{{.Count}} вещь", "few": "{{.Count}} вещи", "many": "{{.Count}} вещей", "other": "{{.Count}} вещи"}, nil},
		{"good zh plural", "zh", enPlural, map[string]any{"other": "{{.Count}} 件"}, nil},
		{"missing placeholder", "kk", "At most {{.Max}}.", "Ең көбі.", []string{"does not use {{.Max}}"}},
		{"unknown placeholder", "zh", "At most {{.Max}}.", "最多 {{.Max}} {{.Min}}", []string{"uses {{.Min}}"}},
		{"empty", "ru", "Text", " ", []string{"is empty"}},
		{"broken template", "ru", "At most {{.Max}}.", "Не более {{.Max}.", []string{"not a valid template", "does not use {{.Max}}"}},
		{"missing form", "ru", enPlural, map[string]any{"one": "{{.Count}} вещь", "other": "{{.Count}} вещи"}, []string{"lacks the plural form few", "lacks the plural form many"}},
		{"extra form", "kk", enPlural, map[string]any{"one": "{{.Count}} зат", "few": "x", "other": "{{.Count}} зат"}, []string{"has the plural form few"}},
		{"text for a plural", "ru", enPlural, "{{.Count}} вещей", []string{"plural in one language"}},
		{"wrong kind", "ru", "Text", 3.0, []string{"neither a text"}},
	}
	for _, tt := range tests {
		got := checkMessage(tt.lang, tt.en, tt.value)
		if len(got) != len(tt.want) {
			t.Errorf("%s: problems %q, want %d", tt.name, got, len(tt.want))
			continue
		}
		for _, piece := range tt.want {
			if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, piece) }) {
				t.Errorf("%s: problems %q, want one saying %q", tt.name, got, piece)
			}
		}
	}
	if !reflect.DeepEqual(placeholders(texts("{{.A}} {{if .B}}{{.C}}{{end}}")), map[string]bool{"A": true, "B": true, "C": true}) {
		t.Error("placeholders misses fields inside actions")
	}
}
