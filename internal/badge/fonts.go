package badge

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Font files: DejaVu Sans writes Latin and Cyrillic (Kazakh letters
// included); Droid Sans Fallback writes Chinese. Both are TrueType, which
// the PDF writer can subset; Debian's Noto CJK fonts are CFF-flavoured
// OpenType collections, which it cannot.
var fontFiles = map[string]struct{ file, pkg string }{
	"latin":      {"DejaVuSans.ttf", "fonts-dejavu-core"},
	"latin-bold": {"DejaVuSans-Bold.ttf", "fonts-dejavu-core"},
	"cjk":        {"DroidSansFallbackFull.ttf", "fonts-droid-fallback"},
}

// fontDirs are searched in order; SYMPOSIUM_FONT_DIR comes first.
var fontDirs = []string{"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/droid",
	"/usr/share/fonts/TTF", "/usr/share/fonts/truetype", "/usr/local/share/fonts", "/Library/Fonts"}

// Fonts are the paths of the font files badges need.
type Fonts map[string]string

// FindFonts looks for the font files in dir (if not empty) and the usual
// system folders. A missing font is an error that names the file and the
// Debian package that provides it.
func FindFonts(dir string) (Fonts, error) {
	dirs := fontDirs
	if dir != "" {
		dirs = append([]string{dir}, dirs...)
	}
	out := Fonts{}
	var missing []string
	for key, f := range fontFiles {
		for _, d := range dirs {
			p := filepath.Join(d, f.file)
			if _, err := os.Stat(p); err == nil {
				out[key] = p
				break
			}
		}
		if out[key] == "" {
			missing = append(missing, fmt.Sprintf("%s (Debian package %s)", f.file, f.pkg))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("badge: font not found: %s; looked in %s and SYMPOSIUM_FONT_DIR",
			strings.Join(missing, ", "), strings.Join(fontDirs, ", "))
	}
	return out, nil
}
