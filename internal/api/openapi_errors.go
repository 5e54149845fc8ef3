package api

import (
	"net/http"
	"reflect"
	"strconv"

	"github.com/danielgtaylor/huma/v2"
)

// errorStatuses are the problem answers an operation may give besides
// its own: every operation may need a sign-in (401), be refused (403),
// find nothing the caller may see (404) or be limited (429); one that
// reads a body may also find it malformed (400), invalid (422), too large
// (413), not JSON (415) or in conflict with what is stored (409).
func errorStatuses(method string) []int {
	codes := []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusTooManyRequests}
	switch method {
	case http.MethodPost, http.MethodPut, http.MethodPatch:
		codes = append(codes, http.StatusBadRequest, http.StatusConflict, http.StatusRequestEntityTooLarge,
			http.StatusUnsupportedMediaType, http.StatusUnprocessableEntity)
	case http.MethodDelete:
		codes = append(codes, http.StatusConflict)
	default:
		codes = append(codes, http.StatusUnprocessableEntity) // an invalid query parameter
	}
	return codes
}

// documentErrors declares, on every operation of the document, the problem
// details it may answer with, so that generated clients get typed errors,
// and names the server the paths are relative to.
func documentErrors(oapi *huma.OpenAPI, baseURL string) {
	problem := oapi.Components.Schemas.Schema(reflect.TypeOf(Problem{}), true, "Problem")
	if baseURL == "" {
		baseURL = "/"
	}
	oapi.Servers = []*huma.Server{{URL: baseURL, Description: "This installation of Symposium."}}
	for _, item := range oapi.Paths {
		for method, o := range map[string]*huma.Operation{http.MethodGet: item.Get, http.MethodPost: item.Post,
			http.MethodPut: item.Put, http.MethodPatch: item.Patch, http.MethodDelete: item.Delete} {
			if o == nil {
				continue
			}
			if o.Responses == nil {
				o.Responses = map[string]*huma.Response{}
			}
			for _, code := range errorStatuses(method) {
				key := strconv.Itoa(code)
				if _, ok := o.Responses[key]; ok {
					continue
				}
				o.Responses[key] = &huma.Response{Description: http.StatusText(code),
					Content: map[string]*huma.MediaType{"application/problem+json": {Schema: problem}}}
			}
		}
	}
}
