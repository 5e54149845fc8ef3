package api

import (
	"mime"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"symposium"
)

// requireJSON refuses a request that carries a body in anything but JSON
// with 415 and a problem saying what to send, before huma reads the body.
// A request without a body passes whatever its content type.
func (a *API) requireJSON(ctx huma.Context, next func(huma.Context)) {
	r, w := humago.Unwrap(ctx)
	if r == nil || !hasBody(r) || isJSON(r.Header.Get("Content-Type")) {
		next(ctx)
		return
	}
	l := bundle.For(symposium.LanguageFromContext(r.Context()))
	writeProblem(w, newProblem(http.StatusUnsupportedMediaType, l.T("error.json_content_type")))
}

// hasBody reports whether a request carries a body: one of known length
// above zero, or of unknown length (chunked).
func hasBody(r *http.Request) bool {
	return r.Body != nil && r.Body != http.NoBody && r.ContentLength != 0
}

// isJSON reports whether a content type is JSON: application/json or a
// JSON-based type such as application/merge-patch+json.
func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mt == "application/json" || (strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"))
}
