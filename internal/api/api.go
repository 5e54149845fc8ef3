// Package api serves Symposium's JSON API under /api/v1, described by an
// OpenAPI 3.1 document generated from the Go types, with errors as RFC 9457
// problem details in the caller's language.
package api

import (
	"context"
	"log/slog"
	"net/http"
	"reflect"
	"slices"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"symposium"
	"symposium/internal/accounts"
	"symposium/internal/audit"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/live"
	"symposium/internal/matchmaking"
	"symposium/internal/outcomes"
	"symposium/internal/overview"
	"symposium/internal/people"
	"symposium/internal/privacy"
	"symposium/internal/programme"
	"symposium/internal/registration"
	"symposium/internal/review"
	"symposium/internal/search"
	"symposium/internal/webhooks"
)

// Prefix is where the API lives.
const Prefix = "/api/v1"

// MaxBodyBytes bounds a request body; a larger one is refused with 413.
const MaxBodyBytes = 1 << 20

// bundle localizes error messages. Huma's error hook is package-wide, so the
// catalogs it uses are too; they are embedded and the same for every API.
var bundle = i18n.Must(i18n.New())

func init() {
	huma.NewErrorWithContext = humaError
	huma.NewError = func(status int, msg string, errs ...error) huma.StatusError {
		return humaError(nil, status, msg, errs...)
	}
}

// localizedText documents symposium.LocalizedText in the OpenAPI document:
// an object from language tag to text.
type localizedText struct {
	_  struct{} `additionalProperties:"true" minProperties:"1"`
	En string   `json:"en,omitempty" doc:"English"`
	Zh string   `json:"zh,omitempty" doc:"Chinese (Simplified)"`
	Kk string   `json:"kk,omitempty" doc:"Kazakh (Cyrillic)"`
	Ru string   `json:"ru,omitempty" doc:"Russian"`
}

// Deps are what the API needs.
type Deps struct {
	Accounts     *accounts.Service
	Registration *registration.Service
	Search       *search.Service
	Review       *review.Service
	Events       *events.Service
	People       *people.Service
	Audit        *audit.Service
	Programme    *programme.Service
	Privacy      *privacy.Service
	Overview     *overview.Service
	Matchmaking  *matchmaking.Service
	Live         *live.Service
	Outcomes     *outcomes.Service
	Webhooks     *webhooks.Service
	Log          *slog.Logger
	// BaseURL starts the links the API gives, such as calendar feeds.
	BaseURL string
	Version string
}

// API holds the operations' dependencies.
type API struct {
	Deps
	huma huma.API
}

// Register adds every API route to mux.
func Register(mux *http.ServeMux, d Deps) *API {
	cfg := huma.DefaultConfig("Symposium API", d.Version)
	cfg.Info.Description = "The JSON API of Symposium: events, programme, registration, abstracts and review, search."
	cfg.OpenAPIPath = Prefix + "/openapi"
	cfg.DocsPath = ""
	cfg.SchemasPath = Prefix + "/schemas"
	cfg.CreateHooks = nil
	cfg.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		"bearer": {Type: "http", Scheme: "bearer", Description: "An API token from `symposium token create`."},
	}
	cfg.Components.Schemas.RegisterTypeAlias(reflect.TypeOf(symposium.LocalizedText{}), reflect.TypeOf(localizedText{}))
	a := &API{Deps: d, huma: humago.New(mux, cfg)}
	a.huma.UseMiddleware(a.requireJSON)
	a.routes()
	documentErrors(a.huma.OpenAPI(), d.BaseURL)
	mux.HandleFunc(Prefix+"/", func(w http.ResponseWriter, r *http.Request) {
		WriteError(w, r, d.Log, symposium.NotFound())
	})
	return a
}

// op describes an operation with the defaults every operation shares.
func op(id, method, path, summary string, tags ...string) huma.Operation {
	return huma.Operation{
		OperationID:  id,
		Method:       method,
		Path:         Prefix + path,
		Summary:      summary,
		Tags:         tags,
		MaxBodyBytes: MaxBodyBytes,
		Security:     []map[string][]string{{"bearer": {}}, {}},
	}
}

// authed marks an operation as open to signed-in callers only: anyone else
// gets 401 before the body is even read.
func (a *API) authed(o huma.Operation) huma.Operation {
	o.Security = []map[string][]string{{"bearer": {}}}
	o.Middlewares = append(o.Middlewares, func(ctx huma.Context, next func(huma.Context)) {
		if symposium.UserFromContext(ctx.Context()) == nil {
			_ = huma.WriteErr(a.huma, ctx, http.StatusUnauthorized, "")
			return
		}
		next(ctx)
	})
	return o
}

// created sets an operation's success status to 201.
func created(o huma.Operation) huma.Operation {
	o.DefaultStatus = http.StatusCreated
	return o
}

// noContent sets an operation's success status to 204.
func noContent(o huma.Operation) huma.Operation {
	o.DefaultStatus = http.StatusNoContent
	return o
}

// fail turns an error from the domain into the Problem huma answers with.
func (a *API) fail(ctx context.Context, err error) error {
	return problemFrom(ctx, a.Log, err)
}

// signedIn returns the caller's account, or an error answering 401.
func signedIn(ctx context.Context) (*symposium.User, error) {
	u := symposium.UserFromContext(ctx)
	if u == nil {
		return nil, symposium.Errorf(symposium.EUNAUTHORIZED, "error.unauthorized")
	}
	return u, nil
}

// Operations lists every operation of the API as "METHOD /api/v1/path",
// sorted.
func (a *API) Operations() []string {
	var out []string
	for path, item := range a.huma.OpenAPI().Paths {
		for method, o := range map[string]*huma.Operation{http.MethodGet: item.Get, http.MethodPost: item.Post,
			http.MethodPut: item.Put, http.MethodPatch: item.Patch, http.MethodDelete: item.Delete} {
			if o != nil {
				out = append(out, method+" "+path)
			}
		}
	}
	slices.Sort(out)
	return out
}
