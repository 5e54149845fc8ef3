package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
)

// ManagedConsentInput answers photo consent with a registration's manage
// token, no account needed.
type ManagedConsentInput struct {
	Token   string `json:"token" maxLength:"100" doc:"The secret of the registration's manage link."`
	Consent string `json:"consent" enum:"yes,no," doc:"yes or no; empty withdraws consent, recorded as no."`
}

// manageConsentRoute lets the holder of a manage link answer photo
// consent through the API, as the manage page does.
func (a *API) manageConsentRoute() {
	huma.Register(a.huma, op("put-managed-photo-consent", http.MethodPut, "/registrations/manage/photo-consent",
		"Answer or withdraw photo consent with a registration's manage token; withdrawing takes the registrant's photos off public pages at once", "Registration"), a.putManagedConsent)
}

func (a *API) putManagedConsent(ctx context.Context, in *struct{ Body ManagedConsentInput }) (*struct{ Body ConsentInput }, error) {
	m, err := a.Registration.SetOwnPhotoConsent(ctx, symposium.UserFromContext(ctx), in.Body.Token, in.Body.Consent, symposium.LanguageFromContext(ctx))
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body ConsentInput }{Body: ConsentInput{Consent: m.Registration.PhotoConsent}}, nil
}
