package web

import (
	"errors"
	"mime/multipart"
	"net/http"
	"sort"
	"strings"

	"symposium"
	"symposium/internal/httperror"
	"symposium/internal/i18n"
)

// form carries a submitted form back to its page: the values to show again
// and, per field, the message saying what is wrong.
type form struct {
	Values  map[string]string
	Errors  map[string]string
	Summary string
}

// readForm parses a submitted form of bounded size and returns its trimmed
// values for the given fields.
func readForm(w http.ResponseWriter, r *http.Request, fields ...string) (*form, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return nil, bodyError(err)
	}
	f := &form{Values: map[string]string{}, Errors: map[string]string{}}
	for _, name := range fields {
		f.Values[name] = strings.TrimSpace(r.PostForm.Get(name))
	}
	return f, nil
}

// bodyError turns a failure to read a request's body into the error to
// answer: 413 when the body is over its limit, 400 when it cannot be read
// (bad percent-encoding, a broken multipart body).
func bodyError(err error) error {
	if tooLarge := new(http.MaxBytesError); errors.As(err, &tooLarge) {
		return symposium.Errorf(symposium.ETOOLARGE, "error.too_large")
	}
	return &symposium.Error{Code: symposium.EBADREQUEST, Key: "error.bad_request", Err: err}
}

// readFile returns the file uploaded in field of a multipart form of at
// most limit bytes: 422 naming the field when there is none, 413 when the
// body is too large, 400 when it cannot be read.
func readFile(w http.ResponseWriter, r *http.Request, field string, limit int64) (multipart.File, error) {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	file, _, err := r.FormFile(field)
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		var p symposium.Problems
		p.Add(field, "error.field.required")
		return nil, p.Err()
	}
	if err != nil {
		return nil, bodyError(err)
	}
	return file, nil
}

// Value returns a submitted value; templates call it as .Form.Value "email".
func (f *form) Value(name string) string {
	if f == nil {
		return ""
	}
	return f.Values[name]
}

// Error returns the message for a field, or "".
func (f *form) Error(name string) string {
	if f == nil {
		return ""
	}
	return f.Errors[name]
}

// fail records a domain error on the form in the reader's language and
// returns the status to answer with. Errors that are not about the input
// go into the summary.
func (f *form) fail(l *i18n.Localizer, err error) int {
	e := symposium.AsError(err)
	if e == nil {
		return http.StatusInternalServerError
	}
	f.Summary = l.TMap(e.Key, e.Args)
	for _, fe := range e.Fields {
		if _, seen := f.Errors[fe.Field]; !seen {
			f.Errors[fe.Field] = l.TMap(fe.Key, fe.Args)
		}
	}
	return httperror.Status(err)
}

// collapse moves the errors on items of lists, such as "aliases.2", to the
// list's own field, for forms that take a whole list in one input; one
// error per list is shown.
func (f *form) collapse(lists ...string) {
	for field, msg := range f.Errors {
		for _, list := range lists {
			if strings.HasPrefix(field, list+".") {
				if _, seen := f.Errors[list]; !seen {
					f.Errors[list] = msg
				}
			}
		}
	}
}

// fieldError is one field's message, for the error summary.
type fieldError struct {
	Field, Message string
}

// Fields returns the fields in error, in the order of their names, for
// the summary above a form that links to each; the page's script puts
// them in the order of the form and prefixes each with its label.
func (f *form) Fields() []fieldError {
	if f == nil {
		return nil
	}
	out := make([]fieldError, 0, len(f.Errors))
	for field, msg := range f.Errors {
		out = append(out, fieldError{Field: field, Message: msg})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}
