package registration

import (
	"context"
	"crypto/ed25519"
	"net/url"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/ticket"
)

// mailKeys are the subject and body of each mail about a registration.
var mailKeys = map[string][2]string{
	"confirmed":  {"mail.registration.confirmed.subject", "mail.registration.confirmed.body"},
	"waitlisted": {"mail.registration.waitlisted.subject", "mail.registration.waitlisted.body"},
	"pending":    {"mail.registration.pending.subject", "mail.registration.pending.body"},
	"promoted":   {"mail.registration.promoted.subject", "mail.registration.promoted.body"},
	"approved":   {"mail.registration.approved.subject", "mail.registration.approved.body"},
	"rejected":   {"mail.registration.rejected.subject", "mail.registration.rejected.body"},
	"cancelled":  {"mail.registration.cancelled.subject", "mail.registration.cancelled.body"},
	"expired":    {"mail.registration.expired.subject", "mail.registration.expired.body"},
	"link":       {"mail.registration.link.subject", "mail.registration.link.body"},
}

// mailer writes the mails about an event's registrations in each
// registrant's language, with the manage link when the registration
// carries its secret.
func (s *Service) mailer(e *symposium.Event, key ed25519.PrivateKey) store.RegistrationMail {
	return func(r *symposium.Registration, what string) (symposium.Mail, bool) {
		keys, ok := mailKeys[what]
		if !ok {
			return symposium.Mail{}, false
		}
		l := s.i18n.For(r.Language)
		title := e.Title.Get(r.Language, e.DefaultLanguage)
		name := r.Name.Get(r.Language, e.DefaultLanguage)
		link := s.baseURL + "/events/" + e.Slug
		if r.ManageToken != "" {
			link = s.baseURL + "/registrations/manage?" + url.Values{"token": {r.ManageToken}, "lang": {r.Language}}.Encode()
		}
		when := l.DateRange(e.StartsAt.In(e.Location()), e.EndsAt.In(e.Location()))
		code := ""
		if r.Status == symposium.RegConfirmed {
			code = r.Ticket
			if code == "" {
				code, _ = ticket.Sign(key, e.ID, r.ID)
			}
		}
		text := func(tk string) string {
			t := l.T(keys[1], "Name", name, "Event", title, "When", when, "Link", link, "Ticket", tk)
			if r.HoldUntil != nil && r.Status == symposium.RegConfirmed {
				until := r.HoldUntil.In(e.Location())
				t += "\n" + l.T("mail.registration.hold", "Until", l.DateTime(until), "Link", link)
			}
			return t
		}
		m := symposium.Mail{To: r.Email, ToName: name, Subject: l.T(keys[0], "Event", title), Text: text("")}
		if code != "" {
			// The ticket is its QR code, shown inline in the HTML part
			// and attached for the plain text one, not its long text.
			m.Text = text(l.T("mail.registration.ticket_attached"))
			m.HTML = mailHTML(text(qrMarker), l.T("manage.qr_label"), e.Accent)
			m.Attachments = []symposium.Attachment{
				{Name: "ticket.png", ContentType: "image/png", QR: code, ContentID: ticketContentID},
				{Name: e.Slug + ".ics", ContentType: "text/calendar; charset=utf-8; method=PUBLISH", Event: e.ID, Lang: r.Language},
			}
		}
		return m, true
	}
}

// prewritten writes the mails a new registration may get — confirmed,
// waitlisted or pending — before the store decides which, so that the
// writing happens outside the transaction, in parallel with other
// requests, and the transaction only picks one.
func (s *Service) prewritten(r *symposium.Registration, write store.RegistrationMail) store.RegistrationMail {
	mails := map[string]symposium.Mail{}
	for _, what := range []string{symposium.RegConfirmed, symposium.RegWaitlisted, symposium.RegPending} {
		saved := r.Status
		r.Status = what
		if m, ok := write(r, what); ok {
			mails[what] = m
		}
		r.Status = saved
	}
	return func(_ *symposium.Registration, what string) (symposium.Mail, bool) {
		m, ok := mails[what]
		return m, ok
	}
}

// anyEventMailer writes mails about registrations of any event, loading
// each event and its key once.
func (s *Service) anyEventMailer(ctx context.Context) store.RegistrationMail {
	mailers := map[string]store.RegistrationMail{}
	return func(r *symposium.Registration, what string) (symposium.Mail, bool) {
		m, ok := mailers[r.EventID]
		if !ok {
			e, err := s.store.EventByID(ctx, r.EventID)
			if err != nil {
				return symposium.Mail{}, false
			}
			key, err := s.store.EventKey(ctx, r.EventID)
			if err != nil {
				return symposium.Mail{}, false
			}
			m = s.mailer(e, key)
			mailers[r.EventID] = m
		}
		return m(r, what)
	}
}
