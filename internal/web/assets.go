package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed static
var staticFS embed.FS

// assets serves the embedded static files under names that carry a hash of
// their content, such as /static/app.3f2a1b9c.css, so that browsers may
// cache them for a year and still never see a stale one.
type assets struct {
	byHashed map[string]asset  // "app.3f2a1b9c.css" → file
	urls     map[string]string // "app.css" → "/static/app.3f2a1b9c.css"
}

type asset struct {
	name string
	data []byte
}

func loadAssets() (*assets, error) {
	a := &assets{byHashed: map[string]asset{}, urls: map[string]string{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := path.Base(p)
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		a.byHashed[hashed] = asset{name: name, data: data}
		a.urls[name] = "/static/" + hashed
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: load assets: %w", err)
	}
	return a, nil
}

// url returns the hashed URL of a static file; templates call it as
// {{asset "app.css"}}.
func (a *assets) url(name string) (string, error) {
	u, ok := a.urls[name]
	if !ok {
		return "", fmt.Errorf("web: no static file %q", name)
	}
	return u, nil
}

// serve answers a hashed static URL with a long cache lifetime.
func (a *assets) serve(w http.ResponseWriter, r *http.Request) {
	f, ok := a.byHashed[r.PathValue("file")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(f.name)))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, f.name, time.Time{}, bytes.NewReader(f.data))
}
