package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
)

// InvitationInput invites someone to an event.
type InvitationInput struct {
	Email      string                  `json:"email" maxLength:"254"`
	Name       symposium.LocalizedText `json:"name,omitempty"`
	CategoryID string                  `json:"category_id" maxLength:"64"`
	Language   string                  `json:"language,omitempty" enum:"en,zh,kk,ru" doc:"The language of the invitation mail."`
}

func (a *API) invitationRoutes() {
	huma.Register(a.huma, a.authed(created(op("invite", http.MethodPost, "/events/{slug}/invitations",
		"Invite someone with a personal link that registers them past capacity and approval", "Registration"))), a.invite)
	huma.Register(a.huma, a.authed(op("list-invitations", http.MethodGet, "/events/{slug}/invitations",
		"The event's invitations: sent, opened, accepted, declined or revoked", "Registration")), a.listInvitations)
	huma.Register(a.huma, a.authed(op("revoke-invitation", http.MethodPost, "/events/{slug}/invitations/{id}/revoke",
		"Withdraw an invitation not yet answered", "Registration")), a.revokeInvitation)
}

func (a *API) invite(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body InvitationInput
}) (*struct{ Body *symposium.Invitation }, error) {
	inv := &symposium.Invitation{Email: in.Body.Email, Name: in.Body.Name, CategoryID: in.Body.CategoryID, Language: in.Body.Language}
	if err := a.Registration.Invite(ctx, symposium.UserFromContext(ctx), in.Slug, inv); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Invitation }{Body: inv}, nil
}

func (a *API) listInvitations(ctx context.Context, in *slugPath) (*struct{ Body List[symposium.Invitation] }, error) {
	v, err := a.Registration.Invitations(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[symposium.Invitation] }{Body: List[symposium.Invitation]{Items: v.Invitations}}, nil
}

func (a *API) revokeInvitation(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
}) (*struct{}, error) {
	if err := a.Registration.RevokeInvitation(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{}{}, nil
}
