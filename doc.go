// Package symposium holds the domain of Symposium, the platform for
// international science and technology symposia: the types, their validation,
// the errors with codes, and the interfaces the capabilities implement.
//
// This package imports neither SQL nor HTTP. Storage lives in internal/store,
// the web pages in internal/web and the JSON API in internal/api.
package symposium
