package registration

import (
	"context"
	"net/url"

	"symposium"
	"symposium/internal/secret"
	"symposium/internal/store"
	"symposium/internal/ticket"
)

// Invite stores an invitation to the event with the slug, for its
// managers, and mails its personal link in the invited person's language.
// Too many invitations from the caller's client address, or mails to the
// invited address, are refused with ETOOMANY.
func (s *Service) Invite(ctx context.Context, u *symposium.User, slug string, inv *symposium.Invitation) error {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return err
	}
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
	inv.ID = symposium.NewID()
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditInvite, inv.ID, nil, inv)
	if err := s.store.CreateInvitation(store.WithAudit(ctx, entry), inv, secret.Hash(token), m); err != nil {
		inv.ID = ""
		return err
	}
	return nil
}

// Invitations is what the managers' page of invitations shows.
type Invitations struct {
	Page
	Invitations []symposium.Invitation
	Categories  []symposium.Category
}

// Invitations lists the invitations of the event with the slug, newest
// first, with its categories, for its managers.
func (s *Service) Invitations(ctx context.Context, u *symposium.User, slug string) (*Invitations, error) {
	e, access, err := s.managed(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	v := &Invitations{Page: Page{Event: e, Access: access}}
	if v.Invitations, err = s.store.Invitations(ctx, e.ID); err != nil {
		return nil, err
	}
	if v.Categories, err = s.store.Categories(ctx, e.ID); err != nil {
		return nil, err
	}
	return v, nil
}

// RevokeInvitation withdraws an invitation to the event with the slug not
// yet answered, for its managers.
func (s *Service) RevokeInvitation(ctx context.Context, u *symposium.User, slug, id string) error {
	e, _, err := s.managed(ctx, u, slug)
	if err != nil {
		return err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditInviteRevoke, id, nil, nil)
	return s.store.RevokeInvitation(store.WithAudit(ctx, entry), e.ID, id, s.Now())
}

// Invited is what an invitation's link opens: the invitation, its event
// and category. The link itself is what lets its holder see the event,
// restricted or not.
type Invited struct {
	Invitation *symposium.Invitation
	Event      *symposium.Event
	Category   *symposium.Category
}

// Invitation returns what an invitation's link opens, marking it opened.
func (s *Service) Invitation(ctx context.Context, token string) (*Invited, error) {
	inv, err := s.store.InvitationByToken(ctx, secret.Hash(token), s.Now())
	if err != nil {
		return nil, err
	}
	v := &Invited{Invitation: inv}
	if v.Event, err = s.store.EventByID(ctx, inv.EventID); err != nil {
		return nil, err
	}
	cats, err := s.store.Categories(ctx, inv.EventID)
	if err != nil {
		return nil, err
	}
	for i := range cats {
		if cats[i].ID == inv.CategoryID {
			v.Category = &cats[i]
		}
	}
	return v, nil
}

// Accept registers the person an invitation's link invites with the
// details they give, confirmed whatever the category's capacity and
// approval, and returns the secret of their manage link.
func (s *Service) Accept(ctx context.Context, token string, r *symposium.Registration) (string, error) {
	v, err := s.Invitation(ctx, token)
	if err != nil {
		return "", err
	}
	inv, e := v.Invitation, v.Event
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
	r.ID, r.ManageToken, r.ConsentText = symposium.NewID(), manage, s.consentWords(r.Language)
	r.EmailConfirmed = true // the invitation's link was mailed to this address
	if r.Ticket, err = ticket.Sign(key, e.ID, r.ID); err != nil {
		return "", err
	}
	return manage, s.store.AcceptInvitation(ctx, secret.Hash(token), r, secret.Hash(manage), s.Now(), s.mailer(e, key))
}

// Decline records that the person an invitation's link invites said no.
func (s *Service) Decline(ctx context.Context, token string) error {
	return s.store.DeclineInvitation(ctx, secret.Hash(token), s.Now())
}
