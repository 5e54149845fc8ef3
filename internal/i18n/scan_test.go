package i18n

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strings"
)

// keyFuncs are the functions and methods whose string arguments may be
// message keys, besides those whose name ends in Key.
var keyFuncs = map[string]bool{"T": true, "N": true, "Errorf": true, "Add": true, "Msg": true, "Key": true}

// goFile records the keys a Go file uses and the keys it computes.
func (s *keyScan) goFile(path string) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	at := func(n ast.Node) string { return s.where(path, fset.Position(n.Pos()).Line) }
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			s.call(x, at)
		case *ast.BasicLit:
			if lit, ok := stringLit(x); ok && s.known(lit) {
				s.use(lit, at(x))
			}
		}
		return true
	})
	return nil
}

// call records the keys among a call's arguments: any literal in a known
// namespace, and the first argument of T and N when it has the shape of a
// key, whatever its namespace (other functions named T, such as the demo's
// T(en, zh, kk, ru), take texts, which never have that shape).
func (s *keyScan) call(c *ast.CallExpr, at func(ast.Node) string) {
	name := calleeName(c.Fun)
	if !keyFuncs[name] && !strings.HasSuffix(name, "Key") {
		return
	}
	localizes := name == "T" || name == "N"
	for i, a := range c.Args {
		if lit, ok := stringLit(a); ok && (s.known(lit) || (localizes && i == 0 && keyShape.MatchString(lit))) {
			s.use(lit, at(a))
		}
	}
	if localizes && len(c.Args) > 0 && computed(c.Args[0]) {
		s.computed = append(s.computed, at(c))
	}
}

// calleeName returns the name of the function or method a call calls.
func calleeName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.IndexExpr: // a generic function: F[int](...)
		return calleeName(f.X)
	}
	return ""
}

// computed reports whether a key argument builds the key from pieces: a
// concatenation, a call into fmt, strings or strconv, or anything else that
// is not a string literal, a variable, a field, an index into a table or a
// call of a lookup function.
func computed(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BasicLit:
		return x.Kind != token.STRING
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr:
		return false
	case *ast.ParenExpr:
		return computed(x.X)
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "string" && len(x.Args) == 1 {
			return computed(x.Args[0])
		}
		if sel, ok := x.Fun.(*ast.SelectorExpr); ok {
			if pkg, ok := sel.X.(*ast.Ident); ok {
				return pkg.Name == "fmt" || pkg.Name == "strings" || pkg.Name == "strconv"
			}
		}
		return false
	}
	return true
}

var (
	// templateAction is one {{ }} of a template.
	templateAction = regexp.MustCompile(`(?s)\{\{(.*?)\}\}`)
	// templateCall is a key passed to T, N or t: .L.T "nav.home",
	// T "nav.home", t `nav.home`.
	templateCall = regexp.MustCompile("(?:^|[\\s(.])(?:T|N|t)\\s+(?:\"([^\"]*)\"|`([^`]*)`)")
	// templateComputed is a key built by printf inside an action.
	templateComputed = regexp.MustCompile(`(?:^|[\s(.])(?:T|N|t)\s+\(\s*(?:printf|print|println)\s`)
	// templateLiteral is any quoted literal inside an action.
	templateLiteral = regexp.MustCompile("\"([^\"\\\\]*)\"|`([^`]*)`")
)

// templateFile records the keys a template uses and the keys it computes.
func (s *keyScan) templateFile(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	src := string(b)
	for _, a := range templateAction.FindAllStringSubmatchIndex(src, -1) {
		body := src[a[2]:a[3]]
		where := s.where(path, 1+strings.Count(src[:a[0]], "\n"))
		for _, m := range templateCall.FindAllStringSubmatch(body, -1) {
			s.use(m[1]+m[2], where)
		}
		for _, m := range templateLiteral.FindAllStringSubmatch(body, -1) {
			if lit := m[1] + m[2]; s.known(lit) {
				s.use(lit, where)
			}
		}
		if templateComputed.MatchString(body) {
			s.computed = append(s.computed, where)
		}
	}
	return nil
}
