package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
)

// TokenInput asks for a new API token for the caller.
type TokenInput struct {
	Name      string    `json:"name,omitempty" maxLength:"100" doc:"A name to recognize the token by, such as the machine it is for."`
	ExpiresAt time.Time `json:"expires_at,omitzero" doc:"When the token stops working; without it, it works until revoked."`
}

// NewToken is a token just made: the token itself, shown this once, and
// what the token list shows of it.
type NewToken struct {
	symposium.APIToken
	Token string `json:"token" doc:"The token, for Authorization: Bearer TOKEN. It is shown this once and cannot be read again."`
}

func (a *API) tokenRoutes() {
	huma.Register(a.huma, a.authed(op("list-my-tokens", http.MethodGet, "/me/tokens", "The caller's API tokens, without their secrets", "Accounts")), a.listTokens)
	huma.Register(a.huma, a.authed(created(op("create-my-token", http.MethodPost, "/me/tokens", "Make an API token for the caller, shown once", "Accounts"))), a.createToken)
	huma.Register(a.huma, a.authed(op("revoke-my-token", http.MethodDelete, "/me/tokens/{id}", "Revoke one of the caller's API tokens", "Accounts")), a.revokeToken)
}

func (a *API) listTokens(ctx context.Context, _ *struct{}) (*struct{ Body List[symposium.APIToken] }, error) {
	list, err := a.Accounts.Tokens(ctx, symposium.UserFromContext(ctx))
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[symposium.APIToken] }{Body: List[symposium.APIToken]{Items: list}}, nil
}

func (a *API) createToken(ctx context.Context, in *struct{ Body TokenInput }) (*struct{ Body NewToken }, error) {
	token, k, err := a.Accounts.IssueToken(ctx, symposium.UserFromContext(ctx), in.Body.Name, in.Body.ExpiresAt)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body NewToken }{Body: NewToken{APIToken: *k, Token: token}}, nil
}

func (a *API) revokeToken(ctx context.Context, in *struct {
	ID string `path:"id" maxLength:"64"`
}) (*struct{}, error) {
	if err := a.Accounts.RevokeToken(ctx, symposium.UserFromContext(ctx), in.ID); err != nil {
		return nil, a.fail(ctx, err)
	}
	return nil, nil
}
