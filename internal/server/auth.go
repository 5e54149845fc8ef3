package server

import (
	"net"
	"net/http"
	"strings"

	"symposium"
	"symposium/internal/api"
	"symposium/internal/i18n"
	"symposium/internal/web"
)

// authenticate finds who is calling — from a bearer token or a session
// cookie —, which language they read and the address they call from, and
// puts them in the request's context. A bad bearer token is refused with 401; a stale session cookie
// just leaves the caller anonymous.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == metricsPath {
			next.ServeHTTP(w, r) // its bearer token is the metrics token, checked there
			return
		}
		ctx := r.Context()
		var cookieLang string
		if c, err := r.Cookie(web.LangCookie); err == nil {
			cookieLang = c.Value
		}
		lang := i18n.Negotiate(r.URL.Query().Get("lang"), cookieLang, r.Header.Get("Accept-Language"))
		ctx = symposium.NewContextWithLanguage(ctx, lang)
		ctx = symposium.NewContextWithClient(ctx, clientAddr(r, s.cfg.TrustProxy))
		r = r.WithContext(ctx)
		if h := r.Header.Get("Authorization"); h != "" {
			token, ok := strings.CutPrefix(h, "Bearer ")
			u, err := s.accounts.TokenUser(ctx, strings.TrimSpace(token))
			if !ok || err != nil {
				if err == nil || symposium.ErrorCode(err) == symposium.EUNAUTHORIZED {
					err = symposium.Errorf(symposium.EUNAUTHORIZED, "error.unauthorized")
				}
				api.WriteError(w, r, s.log, err)
				return
			}
			ctx = symposium.NewContextWithUser(ctx, u)
		} else if c, err := r.Cookie(web.SessionCookie); err == nil {
			u, err := s.accounts.SessionUser(ctx, c.Value)
			switch {
			case err == nil:
				ctx = symposium.NewContextWithUser(ctx, u)
			case symposium.ErrorCode(err) != symposium.EUNAUTHORIZED:
				s.log.ErrorContext(ctx, "session lookup failed", "err", err)
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// clientAddr returns the address a request came from, for the limits on
// what strangers may ask: the connection's peer or, behind a trusted
// proxy, the last address the proxy added to X-Forwarded-For.
func clientAddr(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
