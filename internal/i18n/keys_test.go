package i18n

import (
	"fmt"
	"go/ast"
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

// allowUnused lists catalog keys nothing outside tests uses, each with the
// reason it stays.
var allowUnused = map[string]string{
	"plural.participants": "kept for the plural test",
}

// pendingKeys lists catalog keys whose users land in the same change; remove
// entries as code uses them. The test fails on an entry that code already
// uses, so the list only shrinks.
var pendingKeys = map[string]bool{}

// keyShape is the form of a message key, such as "error.field.required".
var keyShape = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)

// fileName matches literals that name files rather than messages, such as
// "event.html".
var fileName = regexp.MustCompile(`\.(html|tmpl|txt|css|js|json|sql|go|svg|png|ico|pdf|ics|csv|xlsx)$`)

// TestKeysUsed fails when code uses a key no catalog has, when a catalog
// has a key nothing uses, and when code computes a key from pieces.
//
// It walks the module (skipping vendor, testdata, locales, hidden folders
// and _test.go files) for the keys in use:
//   - in Go, every string literal argument of a call to T, N, Errorf, Add,
//     Msg, Key or a function whose name ends in Key that has the shape of a
//     key and starts with a namespace of the catalogs (the part before the
//     first dot, such as "error"), and the first argument of T and N when
//     it has the shape of a key, whatever its namespace;
//   - in Go, every other string literal with the shape of a key and a known
//     namespace, so that keys held in tables are found;
//   - in templates (.html, .tmpl, .txt under a templates folder), every
//     quoted literal that follows T, N or t inside {{ }}, as in
//     {{.L.T "nav.home"}} or {{T "nav.home"}}, and every other quoted
//     literal inside {{ }} with the shape of a key and a known namespace.
//
// A key must therefore be a literal where it is used, or come from a table
// of literals through a variable, a field, an index or a lookup function,
// as in l.T(statusKeys[s]); a key built with + or fmt.Sprintf fails the
// test, since no scan could find it.
func TestKeysUsed(t *testing.T) {
	en := loadCatalog(t, "en")
	s := newKeyScan(en)
	if err := s.walk(moduleRoot(t)); err != nil {
		t.Fatal(err)
	}
	sort.Strings(s.computed)
	for _, where := range s.computed {
		t.Errorf("%s: a key computed from pieces; take it from a table of literals", where)
	}
	for _, key := range sortedKeys(s.used) {
		if _, ok := en[key]; !ok {
			t.Errorf("the catalogs lack %q, used at %s", key, s.used[key])
		}
	}
	for _, key := range sortedKeys(en) {
		_, used := s.used[key]
		switch {
		case used && allowUnused[key] != "":
			t.Errorf("%q is used at %s: remove it from allowUnused", key, s.used[key])
		case used && pendingKeys[key]:
			t.Errorf("%q is used at %s: remove it from pendingKeys", key, s.used[key])
		case !used && allowUnused[key] == "" && !pendingKeys[key]:
			t.Errorf("nothing uses the catalog key %q", key)
		}
	}
	for _, key := range append(sortedKeys(allowUnused), sortedKeys(pendingKeys)...) {
		if _, ok := en[key]; !ok {
			t.Errorf("%q is excused from use but is in no catalog", key)
		}
	}
}

// keyScan gathers the keys a module uses.
type keyScan struct {
	root       string
	namespaces map[string]bool
	used       map[string]string // key → where it is first used
	computed   []string          // where keys are computed
}

func newKeyScan(catalog map[string]any) *keyScan {
	s := &keyScan{namespaces: map[string]bool{}, used: map[string]string{}}
	for key := range catalog {
		ns, _, _ := strings.Cut(key, ".")
		s.namespaces[ns] = true
	}
	return s
}

// walk scans every Go file and template under root.
func (s *keyScan) walk(root string) error {
	s.root = root
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "vendor" || name == "testdata" || name == "locales" || name == "node_modules" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go"):
			return s.goFile(path)
		case isTemplate(root, path):
			return s.templateFile(path)
		}
		return nil
	})
}

// isTemplate reports whether path is a template: an .html, .tmpl or .txt
// file inside a folder named templates.
func isTemplate(root, path string) bool {
	ext := filepath.Ext(path)
	if ext != ".html" && ext != ".tmpl" && ext != ".txt" {
		return false
	}
	rel, err := filepath.Rel(root, filepath.Dir(path))
	if err != nil {
		return false
	}
	for _, dir := range strings.Split(filepath.ToSlash(rel), "/") {
		if dir == "templates" {
			return true
		}
	}
	return false
}

// use records a key and where it is used, keeping the first place.
func (s *keyScan) use(key, where string) {
	if _, ok := s.used[key]; !ok {
		s.used[key] = where
	}
}

// known reports whether a literal has the shape of a key in one of the
// catalogs' namespaces, and does not name a file.
func (s *keyScan) known(lit string) bool {
	ns, _, _ := strings.Cut(lit, ".")
	return keyShape.MatchString(lit) && s.namespaces[ns] && !fileName.MatchString(lit)
}

// where names a place in the module, such as "internal/web/home.go:12".
func (s *keyScan) where(path string, line int) string {
	if rel, err := filepath.Rel(s.root, path); err == nil {
		path = filepath.ToSlash(rel)
	}
	return fmt.Sprintf("%s:%d", path, line)
}

// moduleRoot finds the folder holding go.mod, going up from the test's
// working directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
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
			t.Fatal("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// stringLit returns the value of a string literal.
func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
