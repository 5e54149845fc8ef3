// Package httperror maps the domain's error codes to HTTP statuses, once,
// for both the web pages and the JSON API.
package httperror

import (
	"net/http"

	"symposium"
)

var statusOf = map[string]int{
	symposium.EBADREQUEST:   http.StatusBadRequest,
	symposium.EINVALID:      http.StatusUnprocessableEntity,
	symposium.EUNAUTHORIZED: http.StatusUnauthorized,
	symposium.EFORBIDDEN:    http.StatusForbidden,
	symposium.ENOTFOUND:     http.StatusNotFound,
	symposium.ECONFLICT:     http.StatusConflict,
	symposium.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	symposium.ETOOMANY:      http.StatusTooManyRequests,
	symposium.EINTERNAL:     http.StatusInternalServerError,
	symposium.EPRECONDITION: http.StatusPreconditionFailed,
}

// Status returns the HTTP status for err: the status of its code for a
// domain error, 500 for anything else.
func Status(err error) int {
	if s, ok := statusOf[symposium.ErrorCode(err)]; ok {
		return s
	}
	return http.StatusInternalServerError
}
