package i18n

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// pluralForms are the CLDR plural categories each language needs.
var pluralForms = map[string][]string{
	"en": {"one", "other"}, "kk": {"one", "other"}, "zh": {"other"}, "ru": {"one", "few", "many", "other"},
}

// allowUnused lists catalog keys no code uses, each with its reason.
var allowUnused = map[string]string{
	"plural.participants": "kept for the plural test",
}

// loadCatalog reads one language's file as key → string or plural forms.
func loadCatalog(t *testing.T, lang string) map[string]any {
	t.Helper()
	b, err := locales.ReadFile("locales/" + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

// placeholders returns the template fields a message uses.
func placeholders(v any) map[string]bool {
	out := map[string]bool{}
	texts := []string{}
	switch x := v.(type) {
	case string:
		texts = append(texts, x)
	case map[string]any:
		for _, s := range x {
			texts = append(texts, s.(string))
		}
	}
	for _, s := range texts {
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			out[m[1]] = true
		}
	}
	return out
}

func TestCatalogsComplete(t *testing.T) {
	en := loadCatalog(t, "en")
	for _, lang := range []string{"en", "zh", "kk", "ru"} {
		cat := loadCatalog(t, lang)
		for key := range en {
			if _, ok := cat[key]; !ok {
				t.Errorf("%s lacks %q", lang, key)
			}
		}
		for key, v := range cat {
			if _, ok := en[key]; !ok {
				t.Errorf("%s has %q, which English lacks", lang, key)
				continue
			}
			if forms, ok := v.(map[string]any); ok {
				for _, f := range pluralForms[lang] {
					if s, _ := forms[f].(string); s == "" {
						t.Errorf("%s %q lacks the plural form %q", lang, key, f)
					}
				}
			} else if s, _ := v.(string); strings.TrimSpace(s) == "" {
				t.Errorf("%s %q is empty", lang, key)
			}
			want, got := placeholders(en[key]), placeholders(v)
			for p := range want {
				if !got[p] {
					t.Errorf("%s %q does not use {{.%s}}", lang, key, p)
				}
			}
		}
	}
}

// keyShape is the form of a message key, such as "error.field.required".
var keyShape = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)

// templateKey finds the keys templates pass to T and N: {{.L.T "nav.home"}}.
var templateKey = regexp.MustCompile(`\.(?:T|N)\s+"([^"]+)"`)

// TestKeysUsed fails when code uses a key no catalog has, or a catalog has a
// key no code uses. Keys are found as string literals: passed to a function
// named T, N, Errorf, Add or ending in Key in Go, passed to .T or .N in
// templates, or anywhere in Go code when they have the shape of a key and
// start with a namespace the catalogs use (so that keys kept in tables are
// found too). Keys must therefore never be computed from pieces.
func TestKeysUsed(t *testing.T) {
	en := loadCatalog(t, "en")
	namespaces := map[string]bool{}
	for key := range en {
		namespaces[strings.SplitN(key, ".", 2)[0]] = true
	}
	root := moduleRoot(t)
	used, required := map[string]bool{}, map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "vendor" || d.Name() == "locales" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		switch {
		case strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go"):
			scanGo(t, path, namespaces, used, required)
		case strings.HasSuffix(path, ".html") && strings.Contains(path, "templates"):
			scanTemplate(t, path, namespaces, used, required)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var missing, unused []string
	for key, where := range required {
		if _, ok := en[key]; !ok {
			missing = append(missing, key+" (used in "+where+")")
		}
	}
	for key := range en {
		if !used[key] && allowUnused[key] == "" {
			unused = append(unused, key)
		}
	}
	sort.Strings(missing)
	sort.Strings(unused)
	for _, k := range missing {
		t.Errorf("the catalogs lack %s", k)
	}
	for _, k := range unused {
		t.Errorf("no code uses the catalog key %q", k)
	}
}

// scanGo records the keys a Go file uses.
func scanGo(t *testing.T, path string, namespaces, used map[string]bool, required map[string]string) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			if i := keyArg(x.Fun); i >= 0 && i < len(x.Args) {
				if s, ok := literal(x.Args[i]); ok && keyShape.MatchString(s) {
					used[s] = true
					required[s] = filepath.Base(path)
				}
			}
		case *ast.BasicLit:
			if s, ok := literal(x); ok && keyShape.MatchString(s) && namespaces[strings.SplitN(s, ".", 2)[0]] && !fileName.MatchString(s) {
				used[s] = true
				required[s] = filepath.Base(path)
			}
		}
		return true
	})
}

// fileName matches literals that name files rather than messages.
var fileName = regexp.MustCompile(`\.(html|css|js|json|sql|go|txt|svg)$`)

// keyArg returns which argument of a call is a message key, or -1: the
// first of T, N and functions ending in Key, the second of Errorf and of
// Problems.Add, whose first names a code or a field.
func keyArg(fun ast.Expr) int {
	name := ""
	switch f := fun.(type) {
	case *ast.Ident:
		name = f.Name
	case *ast.SelectorExpr:
		name = f.Sel.Name
	}
	switch {
	case name == "T" || name == "N" || strings.HasSuffix(name, "Key"):
		return 0
	case name == "Errorf" || name == "Add":
		return 1
	}
	return -1
}

func literal(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// scanTemplate records the keys a template uses.
func scanTemplate(t *testing.T, path string, namespaces, used map[string]bool, required map[string]string) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range templateKey.FindAllStringSubmatch(string(b), -1) {
		used[m[1]] = true
		required[m[1]] = filepath.Base(path)
	}
	for _, m := range regexp.MustCompile(`"([a-z][a-z0-9_.]+)"`).FindAllStringSubmatch(string(b), -1) {
		if keyShape.MatchString(m[1]) && namespaces[strings.SplitN(m[1], ".", 2)[0]] {
			used[m[1]] = true
		}
	}
}

// moduleRoot finds the folder holding go.mod.
func moduleRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}
