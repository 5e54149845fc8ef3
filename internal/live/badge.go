package live

import (
	"context"
	"crypto/ed25519"
	"strings"

	"symposium"
	"symposium/internal/ticket"
)

// BadgeCookie names the cookie that keeps, on a phone, the ticket of the
// badge its owner scanned to join the live questions.
const BadgeCookie = "symposium_badge"

// badgeOf checks the caller's badge, if any, against the event: a ticket
// the event signed whose registration is checked in makes the caller that
// participant, Registered at the event. A badge of another event, or not
// (or no longer) checked in, is ignored.
func (s *Service) badgeOf(ctx context.Context, c *Caller, e *symposium.Event, access *symposium.Access) error {
	c.badge = nil
	if c.Badge == "" {
		return nil
	}
	b, err := s.checkBadge(ctx, e, c.Badge)
	if err != nil || b == nil {
		return err
	}
	c.badge, access.Registered = b, true
	return nil
}

// checkBadge returns the participant a badge's ticket stands for at the
// event, or nil when the ticket is not one of the event's or its
// registration may not join (see symposium.BadgeJoinsLive).
func (s *Service) checkBadge(ctx context.Context, e *symposium.Event, token string) (*symposium.LiveBadge, error) {
	key, err := s.store.EventKey(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	eventID, regID, err := ticket.Verify(key.Public().(ed25519.PublicKey), strings.TrimSpace(token))
	if err != nil || eventID != e.ID {
		return nil, nil
	}
	r, err := s.store.Registration(ctx, regID)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if r.EventID != e.ID || !symposium.BadgeJoinsLive(r) {
		return nil, nil
	}
	name, _ := r.Name.Pick(r.Language, "")
	return &symposium.LiveBadge{RegistrationID: r.ID, Name: name}, nil
}

// JoinByBadge checks the ticket of a badge scanned on a phone to join a
// contribution's live questions, and returns the participant it stands
// for; the caller keeps the ticket and sends it with every later request
// (Caller.Badge). A ticket that is not the event's, or whose registration
// is not checked in, is invalid input on "ticket"; where the event is not
// visible to the caller without the badge, it is not found instead.
func (s *Service) JoinByBadge(ctx context.Context, c Caller, contributionID, token string) (*symposium.LiveBadge, error) {
	c.Badge = strings.TrimSpace(token)
	var p symposium.Problems
	if c.Badge == "" {
		p.Add("ticket", "error.field.required")
		return nil, p.Err()
	}
	if _, err := s.targetOf(ctx, &c, contributionID); err != nil {
		return nil, err
	}
	if c.badge == nil {
		p.Add("ticket", "error.live.badge_invalid")
		return nil, p.Err()
	}
	return c.badge, nil
}
