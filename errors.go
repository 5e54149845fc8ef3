package symposium

import (
	"errors"
	"fmt"
)

// Error codes say what kind of failure an Error is. Each maps to one HTTP
// status in the web and API layers.
const (
	EBADREQUEST   = "bad_request"
	ECONFLICT     = "conflict"
	EFORBIDDEN    = "forbidden"
	EINTERNAL     = "internal"
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	ETOOLARGE     = "too_large"
	ETOOMANY      = "too_many_requests"
	EUNAUTHORIZED = "unauthorized"
	// EPRECONDITION refuses a change made against a version that is no
	// longer current (a stale If-Match).
	EPRECONDITION = "precondition_failed"
)

// Error is a failure meant to be explained to a person. Key names the message
// in the language catalogs and Args fill its placeholders; Fields lists the
// invalid fields of the input; Detail carries structured data for API
// clients, such as the list of conflicts. The internal cause, if any, is in
// Err and is never shown.
type Error struct {
	Code   string
	Key    string
	Args   map[string]any
	Fields []FieldError
	Detail map[string]any
	Err    error
}

// FieldError names one invalid field of an input by its JSON path, such as
// "title.en" or "venue.name", and the catalog key of the message to show.
type FieldError struct {
	Field string
	Key   string
	Args  map[string]any
}

// Error returns a developer-facing description of the error.
func (e *Error) Error() string {
	s := e.Code + ": " + e.Key
	for _, f := range e.Fields {
		s += fmt.Sprintf(" [%s: %s]", f.Field, f.Key)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the internal cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an Error with the given code and message key. Args are
// alternating names and values for the message's placeholders.
func Errorf(code, key string, args ...any) *Error {
	return &Error{Code: code, Key: key, Args: pairs(args)}
}

// NotFound returns the error given for anything absent or not visible to the
// caller; the two are deliberately indistinguishable.
func NotFound() *Error { return Errorf(ENOTFOUND, "error.not_found") }

// ErrorCode returns the code of err, EINTERNAL for errors that are not an
// *Error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// AsError returns the *Error in err's chain, or nil.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// Problems collects the field errors found while validating an input.
type Problems []FieldError

// Add records that field is invalid, with the message key and its arguments
// given as alternating names and values.
func (p *Problems) Add(field, key string, args ...any) {
	*p = append(*p, FieldError{Field: field, Key: key, Args: pairs(args)})
}

// Err returns nil when no problem was found, and otherwise an EINVALID Error
// listing every field.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Key: "error.invalid_input", Fields: p}
}

// pairs turns alternating names and values into a map.
func pairs(args []any) map[string]any {
	if len(args) == 0 {
		return nil
	}
	m := make(map[string]any, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		m[fmt.Sprint(args[i])] = args[i+1]
	}
	return m
}

// fieldIndex names an element of a list field, such as "organizers.2.role".
func fieldIndex(list string, i int, field string) string {
	s := fmt.Sprintf("%s.%d", list, i)
	if field != "" {
		s += "." + field
	}
	return s
}
