package api

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/httperror"
	"symposium/internal/i18n"
)

// Problem is an error answer in the RFC 9457 form, served as
// application/problem+json. Detail and the field messages are in the
// caller's language; Title is the HTTP status text, stable for programs.
type Problem struct {
	Type      string         `json:"type,omitempty" doc:"A URI naming the kind of problem."`
	Title     string         `json:"title" doc:"The HTTP status text."`
	Status    int            `json:"status" doc:"The HTTP status code."`
	Detail    string         `json:"detail,omitempty" doc:"What went wrong, in the caller's language."`
	Errors    []FieldProblem `json:"errors,omitempty" doc:"For invalid input: each invalid field."`
	Conflicts any            `json:"conflicts,omitempty" doc:"For conflicts: what the input collides with."`
	Reason    string         `json:"reason,omitempty" doc:"For refusals: the reason, in the caller's language."`
}

// FieldProblem names one invalid field of the input and says why.
type FieldProblem struct {
	Field   string `json:"field" doc:"The field's JSON path, such as title.en."`
	Message string `json:"message" doc:"Why the value is refused, in the caller's language."`
}

// Error implements error.
func (p *Problem) Error() string { return p.Title + ": " + p.Detail }

// GetStatus implements huma.StatusError.
func (p *Problem) GetStatus() int { return p.Status }

// ContentType implements huma.ContentTypeFilter.
func (p *Problem) ContentType(string) string { return "application/problem+json" }

// keyOfStatus gives the message for errors that arise in the HTTP layer
// itself, such as unreadable JSON or an oversized body.
var keyOfStatus = map[int]string{
	http.StatusBadRequest:            "error.bad_request",
	http.StatusUnauthorized:          "error.unauthorized",
	http.StatusForbidden:             "error.forbidden",
	http.StatusNotFound:              "error.not_found",
	http.StatusMethodNotAllowed:      "error.not_found",
	http.StatusConflict:              "error.conflict",
	http.StatusRequestEntityTooLarge: "error.too_large",
	http.StatusUnsupportedMediaType:  "error.json_content_type",
	http.StatusUnprocessableEntity:   "error.invalid_input",
	http.StatusTooManyRequests:       "error.too_many_requests",
}

// problemFrom turns any error into a Problem in the caller's language.
// Errors that are not domain errors are internal: logged, never shown.
func problemFrom(ctx context.Context, log *slog.Logger, err error) *Problem {
	l := bundle.For(symposium.LanguageFromContext(ctx))
	e := symposium.AsError(err)
	if e == nil || e.Code == symposium.EINTERNAL {
		log.ErrorContext(ctx, "api: internal error", "err", err)
		return newProblem(http.StatusInternalServerError, l.T("error.internal"))
	}
	p := newProblem(httperror.Status(e), l.TMap(e.Key, e.Args))
	for _, f := range e.Fields {
		p.Errors = append(p.Errors, FieldProblem{Field: f.Field, Message: l.TMap(f.Key, f.Args)})
	}
	if c, ok := e.Detail["conflicts"]; ok {
		p.Conflicts = c
	}
	if r, ok := e.Detail["reason"].(string); ok {
		p.Reason = l.T(r)
	}
	return p
}

func newProblem(status int, detail string) *Problem {
	return &Problem{Title: http.StatusText(status), Status: status, Detail: detail}
}

// hugaError localizes the errors huma raises itself while reading a request:
// unreadable JSON, schema violations, oversized bodies.
func humaError(hctx huma.Context, status int, msg string, errs ...error) huma.StatusError {
	lang := symposium.DefaultLanguage
	if hctx != nil {
		lang = symposium.LanguageFromContext(hctx.Context())
	}
	l := bundle.For(lang)
	key, ok := keyOfStatus[status]
	if !ok {
		key = "error.internal"
	}
	p := newProblem(status, l.T(key))
	for _, err := range errs {
		if d, ok := err.(huma.ErrorDetailer); ok {
			p.Errors = append(p.Errors, fieldProblem(l, d.ErrorDetail()))
		}
	}
	return p
}

// fieldProblem turns huma's validation detail, located like "body.venue.name",
// into a field problem named like "venue.name".
func fieldProblem(l *i18n.Localizer, d *huma.ErrorDetail) FieldProblem {
	field := strings.TrimPrefix(strings.TrimPrefix(d.Location, "body"), ".")
	key := "error.field.invalid"
	if rest, ok := strings.CutPrefix(d.Message, "expected required property "); ok {
		name, _, _ := strings.Cut(rest, " ")
		field = strings.TrimPrefix(field+"."+name, ".")
		key = "error.field.required"
	}
	if field == "" {
		field = d.Location
	}
	return FieldProblem{Field: field, Message: l.T(key)}
}

// WriteError answers a request that huma does not handle, such as one
// refused before routing, with a Problem.
func WriteError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	writeProblem(w, problemFrom(r.Context(), log, err))
}

func writeProblem(w http.ResponseWriter, p *Problem) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}
