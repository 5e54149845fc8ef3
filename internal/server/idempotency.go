package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strings"

	"symposium"
	"symposium/internal/api"
	"symposium/internal/store"
)

// idempotent lets a signed-in caller of the API repeat a write safely: a
// POST, PUT, PATCH or DELETE sent with an Idempotency-Key header is done
// once, and the same key with the same request later gets the first
// answer again (marked Idempotency-Replayed: true) for a day. The same key
// with another request is refused with 422, and while the first request
// is still under way, with 409. An answer of the server's own failure
// (5xx) is not kept, so the request may be tried again. Keys are per
// account; anonymous callers' keys are ignored.
func (s *Server) idempotent(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("Idempotency-Key")
		u := symposium.UserFromContext(r.Context())
		if key == "" || u == nil || !isWrite(r.Method) || !strings.HasPrefix(r.URL.Path, api.Prefix+"/") {
			next.ServeHTTP(w, r)
			return
		}
		if len(key) > 255 || strings.ContainsFunc(key, func(c rune) bool { return c < 0x21 || c > 0x7e }) {
			e := symposium.Errorf(symposium.EBADREQUEST, "error.idempotency_key")
			e.Fields = []symposium.FieldError{{Field: "Idempotency-Key", Key: "error.idempotency_key"}}
			api.WriteError(w, r, s.log, e)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, api.MaxBodyBytes+1))
		if err != nil {
			api.WriteError(w, r, s.log, symposium.Errorf(symposium.EBADREQUEST, "error.bad_request"))
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		sum := sha256.Sum256([]byte(r.Method + " " + r.URL.RequestURI() + "\n" + string(body)))
		hash := hex.EncodeToString(sum[:])
		ctx := context.WithoutCancel(r.Context())
		prior, err := s.store.ClaimIdempotencyKey(ctx, u.ID, key, hash)
		switch {
		case err != nil:
			api.WriteError(w, r, s.log, err)
		case prior != nil:
			s.replay(w, r, prior, hash)
		default:
			rec := &answerRecorder{ResponseWriter: w}
			next.ServeHTTP(rec, r)
			s.keep(ctx, u.ID, key, rec)
		}
	})
}

// replay answers a repeated request from what the first one was told.
func (s *Server) replay(w http.ResponseWriter, r *http.Request, prior *store.IdempotentAnswer, hash string) {
	switch {
	case prior.RequestHash != hash:
		e := symposium.Errorf(symposium.EINVALID, "error.idempotency_reused")
		e.Fields = []symposium.FieldError{{Field: "Idempotency-Key", Key: "error.idempotency_reused"}}
		api.WriteError(w, r, s.log, e)
	case prior.Status == 0:
		api.WriteError(w, r, s.log, symposium.Errorf(symposium.ECONFLICT, "error.idempotency_in_flight"))
	default:
		if prior.ContentType != "" {
			w.Header().Set("Content-Type", prior.ContentType)
		}
		if prior.Location != "" {
			w.Header().Set("Location", prior.Location)
		}
		w.Header().Set("Idempotency-Replayed", "true")
		w.WriteHeader(prior.Status)
		_, _ = w.Write(prior.Body)
	}
}

// keep stores the answer the first request got, or forgets the key when
// the server failed.
func (s *Server) keep(ctx context.Context, scope, key string, rec *answerRecorder) {
	status := rec.status
	if status == 0 {
		status = http.StatusOK
	}
	var err error
	if status >= 500 {
		err = s.store.ReleaseIdempotencyKey(ctx, scope, key)
	} else {
		err = s.store.FinishIdempotencyKey(ctx, scope, key, store.IdempotentAnswer{Status: status,
			ContentType: rec.Header().Get("Content-Type"), Location: rec.Header().Get("Location"), Body: rec.body.Bytes()})
	}
	if err != nil {
		s.log.ErrorContext(ctx, "idempotency: keep the answer", "err", err)
	}
}

func isWrite(method string) bool {
	switch method {
	case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
		return true
	}
	return false
}

// answerRecorder passes an answer on to the client and keeps a copy.
type answerRecorder struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (a *answerRecorder) WriteHeader(status int) {
	if a.status == 0 {
		a.status = status
	}
	a.ResponseWriter.WriteHeader(status)
}

func (a *answerRecorder) Write(b []byte) (int, error) {
	if a.status == 0 {
		a.status = http.StatusOK
	}
	a.body.Write(b)
	return a.ResponseWriter.Write(b)
}
