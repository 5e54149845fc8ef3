package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// inlineCode matches what a strict Content-Security-Policy refuses in a
// page: inline scripts, style elements, style attributes, event-handler
// attributes and javascript: URLs.
var inlineCode = []*regexp.Regexp{
	regexp.MustCompile(`(?i)<script(\s[^>]*)?>`),
	regexp.MustCompile(`(?i)<style[\s>]`),
	regexp.MustCompile(`(?i)\sstyle\s*=`),
	regexp.MustCompile(`(?i)\son[a-z]+\s*=`),
	regexp.MustCompile(`(?i)javascript:`),
}

// allowedScript is the one form of script element pages may carry: a
// file of this site, loaded deferred.
var allowedScript = regexp.MustCompile(`^<script src="\{\{asset "[a-z]+\.js"\}\}" defer>$`)

// TestNoInlineCode reads every template and the Go files of this package
// that write HTML, and fails on anything the pages' Content-Security-Policy
// would refuse, so that the policy never needs 'unsafe-inline'.
func TestNoInlineCode(t *testing.T) {
	var files []string
	_ = fs.WalkDir(templateFS, "templates", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, path)
		}
		return err
	})
	gofiles, _ := filepath.Glob("*.go")
	for _, f := range gofiles {
		if !strings.HasSuffix(f, "_test.go") {
			files = append(files, f)
		}
	}
	if len(files) < 30 {
		t.Fatalf("found only %d files to check", len(files))
	}
	for _, f := range files {
		data, err := fs.ReadFile(templateFS, f)
		if err != nil {
			data, err = os.ReadFile(f)
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range inlineCode {
			for _, m := range re.FindAllString(string(data), -1) {
				if !allowedScript.MatchString(m) {
					t.Errorf("%s carries %q, which the Content-Security-Policy refuses", f, m)
				}
			}
		}
	}
}
