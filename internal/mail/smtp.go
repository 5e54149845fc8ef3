package mail

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"

	"symposium"
)

// SMTP delivers mail through an SMTP server named by a URL:
// smtp://user:pass@host:587 uses STARTTLS when the server offers it,
// smtps://user:pass@host:465 connects over TLS.
type SMTP struct {
	opts []gomail.Option
	host string
	from string
}

// NewSMTP parses the server URL; from is the sender address, such as
// "Symposium <noreply@example.org>".
func NewSMTP(rawURL, from string) (*SMTP, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("mail: smtp url: %w", err)
	}
	opts := []gomail.Option{gomail.WithTimeout(30 * time.Second)}
	switch u.Scheme {
	case "smtp":
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	case "smtps":
		opts = append(opts, gomail.WithSSL())
	default:
		return nil, fmt.Errorf("mail: smtp url: scheme %q, want smtp or smtps", u.Scheme)
	}
	if p := u.Port(); p != "" {
		port, err := strconv.Atoi(p)
		if err != nil {
			return nil, fmt.Errorf("mail: smtp url: port %q: %w", p, err)
		}
		opts = append(opts, gomail.WithPort(port))
	}
	if u.User != nil {
		pass, _ := u.User.Password()
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(u.User.Username()), gomail.WithPassword(pass))
	}
	return &SMTP{opts: opts, host: u.Hostname(), from: from}, nil
}

// Send delivers one message.
func (s *SMTP) Send(ctx context.Context, m symposium.Mail) error {
	msg := gomail.NewMsg()
	if err := msg.From(s.from); err != nil {
		return fmt.Errorf("mail: from %q: %w", s.from, err)
	}
	if err := msg.AddToFormat(m.ToName, m.To); err != nil {
		return fmt.Errorf("mail: to %q: %w", m.To, err)
	}
	msg.Subject(m.Subject)
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	for _, a := range m.Attachments {
		typ := gomail.WithFileContentType(gomail.ContentType(a.ContentType))
		if a.ContentID != "" {
			if err := msg.EmbedReader(a.Name, bytes.NewReader(a.Data), typ, gomail.WithFileContentID("<"+a.ContentID+">")); err != nil {
				return fmt.Errorf("mail: embed %s: %w", a.Name, err)
			}
			continue
		}
		if err := msg.AttachReader(a.Name, bytes.NewReader(a.Data), typ); err != nil {
			return fmt.Errorf("mail: attach %s: %w", a.Name, err)
		}
	}
	c, err := gomail.NewClient(s.host, s.opts...)
	if err != nil {
		return fmt.Errorf("mail: client: %w", err)
	}
	if err := c.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("mail: send to %s: %w", m.To, err)
	}
	return nil
}
