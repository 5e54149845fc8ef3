package api

import (
	"context"

	"symposium"
)

// meOutput is the signed-in account.
type meOutput struct {
	Body *symposium.User
}

// me answers who the caller is.
func (a *API) me(ctx context.Context, _ *struct{}) (*meOutput, error) {
	u, err := signedIn(ctx)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &meOutput{Body: u}, nil
}
