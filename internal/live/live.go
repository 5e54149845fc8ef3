// Package live runs the questions and polls of the programme's
// contributions while they take place: the audience asks and votes, the
// event's moderators approve, hide, pin, mark answered and merge, polls
// are opened and closed, and every open page learns of each change through
// a stream of server-sent events that a reconnecting client replays from
// the database. Every method takes the caller and checks the rules of
// access.go: a contribution of an event the caller may not see is "not
// found", and so is a question the audience may not see.
package live

import (
	"context"
	"log/slog"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/limits"
	"symposium/internal/names"
	"symposium/internal/store"
)

// Service runs live questions and polls.
type Service struct {
	store  *store.Store
	events *events.Service
	limits *limits.Limiter
	hub    *Hub
	cache  *accessCache
	// Now tells the time; tests move it.
	Now func() time.Time
}

// New returns a Service that finds events through ev and refuses storms
// of votes through lim.
func New(st *store.Store, ev *events.Service, lim *limits.Limiter, log *slog.Logger) *Service {
	return &Service{store: st, events: ev, limits: lim, hub: newHub(st, log), cache: newAccessCache(st), Now: time.Now}
}

// Hub returns the service's hub of open streams.
func (s *Service) Hub() *Hub { return s.hub }

// Caller is who acts on live questions: a signed-in account, or a guest
// known by the ID of their device (a cookie), from a client address; and,
// on a phone that scanned its owner's badge, the badge's ticket.
type Caller struct {
	User   *symposium.User
	Guest  string
	Badge  string
	Client string

	// badge is the participant Badge stands for at the event acted on,
	// once checked (see targetOf).
	badge *symposium.LiveBadge
}

// CallerFrom returns the caller of a request: the account and address the
// context carries, and the guest's device ID (ignored when malformed).
func CallerFrom(ctx context.Context, guest string) Caller {
	if !symposium.IsID(guest) {
		guest = ""
	}
	return Caller{User: symposium.UserFromContext(ctx), Guest: guest, Client: symposium.ClientFromContext(ctx)}
}

// voter names the caller as one person: "b:" and the registration of the
// badge they joined with, "u:" and the account's ID, or "g:" and the
// guest's device ID; "" for nobody.
func (c Caller) voter() string {
	switch {
	case c.badge != nil:
		return c.badge.Voter()
	case c.User != nil:
		return "u:" + c.User.ID
	case c.Guest != "":
		return "g:" + c.Guest
	}
	return ""
}

// target is a contribution with what deciding about it needs.
type target struct {
	event        *symposium.Event
	access       symposium.Access
	contribution *symposium.Contribution
	settings     symposium.LiveSettings
}

// target returns the contribution with the ID, when the caller may see
// its event.
func (s *Service) target(ctx context.Context, u *symposium.User, contributionID string) (*target, error) {
	return s.targetOf(ctx, &Caller{User: u}, contributionID)
}

// targetOf is target for a caller who may carry a badge: a badge of the
// contribution's event, checked in, makes the caller that participant
// (see badgeOf).
func (s *Service) targetOf(ctx context.Context, c *Caller, contributionID string) (*target, error) {
	eventID, err := s.store.ContributionEvent(ctx, contributionID)
	if err != nil {
		return nil, err
	}
	e, access, err := s.events.Lookup(ctx, c.User, eventID)
	if err != nil {
		return nil, err
	}
	if err := s.badgeOf(ctx, c, e, &access); err != nil {
		return nil, err
	}
	if err := access.See(e); err != nil {
		return nil, err
	}
	ct, err := s.store.Contribution(ctx, e.ID, contributionID)
	if err != nil {
		return nil, err
	}
	ls, err := s.store.LiveSettings(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	return &target{event: e, access: access, contribution: ct, settings: ls}, nil
}

// participant checks that the caller may ask and vote on the target and
// is someone: anonymous callers need the event to take guests and a
// device ID.
func (t *target) participant(c Caller) error {
	if err := t.access.Require(t.event, t.access.MayAskLive(t.settings)); err != nil {
		return err
	}
	if c.voter() == "" {
		return symposium.Unauthorized()
	}
	return nil
}

// open refuses what comes outside the contribution's time and window.
func (s *Service) open(t *target) error {
	if !symposium.LiveOpen(t.contribution, t.settings, s.Now()) {
		return symposium.Errorf(symposium.ECONFLICT, "error.live.closed")
	}
	return nil
}

// question returns a question and its contribution, when the caller may
// see both: hidden, pending and merged questions only to moderators.
func (s *Service) question(ctx context.Context, u *symposium.User, id string) (*symposium.LiveQuestion, *target, error) {
	return s.questionOf(ctx, &Caller{User: u}, id)
}

// questionOf is question for a caller who may carry a badge.
func (s *Service) questionOf(ctx context.Context, c *Caller, id string) (*symposium.LiveQuestion, *target, error) {
	q, err := s.store.LiveQuestion(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	t, err := s.targetOf(ctx, c, q.ContributionID)
	if err != nil {
		return nil, nil, err
	}
	if q.Status != symposium.LiveVisible && !t.access.CanModerate() {
		return nil, nil, symposium.NotFound()
	}
	return q, t, nil
}

// latinName returns a name in Latin letters when it is written in another
// script, and "" when it already is Latin.
func latinName(name string) string {
	if l := names.Latin(name); l != name {
		return l
	}
	return ""
}
