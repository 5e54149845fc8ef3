package registration

import (
	"context"
	"net/url"

	"symposium"
	"symposium/internal/secret"
	"symposium/internal/ticket"
)

// Invite stores an invitation to an event and mails its personal link in
// the invited person's language. Too many invitations from the caller's
// client address, or mails to the invited address, are refused with
// ETOOMANY.
func (s *Service) Invite(ctx context.Context, e *symposium.Event, inv *symposium.Invitation) error {
	inv.EventID = e.ID
	var p symposium.Problems
	inv.Validate(&p)
	if err := p.Err(); err != nil {
		return err
	}
	if s.Limits != nil {
		if err := s.Limits.Invitation(ctx, symposium.ClientFromContext(ctx), inv.Email); err != nil {
			return err
		}
	}
	token := secret.New("")
	l := s.i18n.For(inv.Language)
	title := e.Title.Get(inv.Language, e.DefaultLanguage)
	name := inv.Name.Get(inv.Language, e.DefaultLanguage)
	link := s.baseURL + "/invitations/" + url.PathEscape(token) + "?lang=" + inv.Language
	m := symposium.Mail{To: inv.Email, ToName: name, Subject: l.T("mail.invitation.subject", "Event", title),
		Text: l.T("mail.invitation.body", "Name", name, "Event", title,
			"When", l.DateRange(e.StartsAt.In(e.Location()), e.EndsAt.In(e.Location())), "Link", link)}
	return s.store.CreateInvitation(ctx, inv, secret.Hash(token), m)
}

// Invitation returns the invitation a link opens, marking it opened.
func (s *Service) Invitation(ctx context.Context, token string) (*symposium.Invitation, error) {
	return s.store.InvitationByToken(ctx, secret.Hash(token), s.Now())
}

// Accept registers the invited person with the details they give,
// confirmed whatever the category's capacity and approval, and returns the
// secret of their manage link.
func (s *Service) Accept(ctx context.Context, e *symposium.Event, token string, r *symposium.Registration) (string, error) {
	inv, err := s.Invitation(ctx, token)
	if err != nil {
		return "", err
	}
	r.Email, r.CategoryID, r.EventID = inv.Email, inv.CategoryID, e.ID
	if r.Name.IsEmpty() {
		r.Name = inv.Name
	}
	var p symposium.Problems
	r.Validate(&p)
	if err := p.Err(); err != nil {
		return "", err
	}
	key, err := s.store.EventKey(ctx, e.ID)
	if err != nil {
		return "", err
	}
	manage := secret.New("")
	r.ID, r.ManageToken = symposium.NewID(), manage
	r.EmailConfirmed = true // the invitation's link was mailed to this address
	if r.Ticket, err = ticket.Sign(key, e.ID, r.ID); err != nil {
		return "", err
	}
	return manage, s.store.AcceptInvitation(ctx, secret.Hash(token), r, secret.Hash(manage), s.Now(), s.mailer(e, key))
}

// Decline records that the invited person said no.
func (s *Service) Decline(ctx context.Context, token string) error {
	return s.store.DeclineInvitation(ctx, secret.Hash(token), s.Now())
}
