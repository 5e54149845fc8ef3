package symposium

import "context"

type contextKey int

const (
	userKey contextKey = iota
	languageKey
	clientKey
)

// NewContextWithUser returns a copy of ctx that carries the signed-in
// account.
func NewContextWithUser(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, userKey, u)
}

// UserFromContext returns the signed-in account, or nil for an anonymous
// caller.
func UserFromContext(ctx context.Context) *User {
	u, _ := ctx.Value(userKey).(*User)
	return u
}

// NewContextWithLanguage returns a copy of ctx that carries the language
// the caller reads, one of Languages.
func NewContextWithLanguage(ctx context.Context, lang string) context.Context {
	return context.WithValue(ctx, languageKey, lang)
}

// LanguageFromContext returns the caller's language, English when none was
// negotiated.
func LanguageFromContext(ctx context.Context) string {
	if l, ok := ctx.Value(languageKey).(string); ok {
		return l
	}
	return DefaultLanguage
}

// NewContextWithClient returns a copy of ctx that carries the network
// address the request came from, which limits on strangers' requests
// count by.
func NewContextWithClient(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientKey, addr)
}

// ClientFromContext returns the address the request came from, or "" when
// none is known.
func ClientFromContext(ctx context.Context) string {
	a, _ := ctx.Value(clientKey).(string)
	return a
}
