package matchmaking

import (
	"context"
	"crypto/ed25519"
	"slices"
	"strconv"
	"strings"
	"time"

	"symposium"
	"symposium/internal/ticket"
)

// Scan is what a participant scanned to find a meeting: a table's QR
// code (its number, and the slot when the code is the slot's), or the
// ticket on the other party's badge.
type Scan struct {
	Table  string
	SlotID string
	Ticket string
}

// Scanned returns the caller's meeting a scan leads to, for them to
// confirm "we met": at the table — in the slot named, else the one
// nearest now — or with the holder of the badge, the one nearest now.
// A scan naming neither, an unreadable ticket or one of another event,
// or no meeting of the caller's there is refused naming the field.
func (s *Service) Scanned(ctx context.Context, u *symposium.User, slug string, sc Scan) (*Page, *AgendaItem, error) {
	p, err := s.member(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	field, match, err := s.scanMatch(ctx, p, sc)
	if err != nil {
		return nil, nil, err
	}
	all, err := s.store.Meetings(ctx, p.Event.ID)
	if err != nil {
		return nil, nil, err
	}
	a, err := s.agenda(ctx, p, p.Parties(), all)
	if err != nil {
		return nil, nil, err
	}
	var best *AgendaItem
	for i := range a.Items {
		it := &a.Items[i]
		if match(it) && (best == nil || nearer(s.now(), it.Meeting, best.Meeting)) {
			best = it
		}
	}
	if best == nil {
		var probs symposium.Problems
		probs.Add(field, "error.matchmaking.scan_no_meeting")
		return nil, nil, probs.Err()
	}
	return p, best, nil
}

// scanMatch reads a scan into the field it names and a test of the
// agenda's meetings.
func (s *Service) scanMatch(ctx context.Context, p *Page, sc Scan) (string, func(*AgendaItem) bool, error) {
	var probs symposium.Problems
	if tk := strings.TrimSpace(sc.Ticket); tk != "" {
		person, err := s.badgeHolder(ctx, p.Event, tk)
		if err != nil {
			return "", nil, err
		}
		if person == "" {
			probs.Add("ticket", "error.matchmaking.scan_ticket")
			return "", nil, probs.Err()
		}
		return "ticket", func(it *AgendaItem) bool {
			return it.Other == person || (p.Matchmaking.Delegation(it.Other) != nil && slices.Contains(p.Matchmaking.Delegation(it.Other).Members, person))
		}, nil
	}
	if strings.TrimSpace(sc.Table) == "" {
		probs.Add("table", "error.field.required")
		return "", nil, probs.Err()
	}
	table, err := strconv.Atoi(strings.TrimSpace(sc.Table))
	if err != nil || table < 1 {
		probs.Add("table", "error.field.between", "Min", 1, "Max", MaxTableNumber)
		return "", nil, probs.Err()
	}
	return "table", func(it *AgendaItem) bool {
		return it.Meeting.Table == table && (sc.SlotID == "" || it.Meeting.SlotID == sc.SlotID)
	}, nil
}

// MaxTableNumber bounds a table number: the shared tables, then the
// reserved ones above them.
const MaxTableNumber = symposium.MaxTablesPerSlot * 2

// badgeHolder returns the person of the confirmed registration a badge's
// ticket stands for at the event, or "" when the ticket is not one.
func (s *Service) badgeHolder(ctx context.Context, e *symposium.Event, tk string) (string, error) {
	key, err := s.store.EventKey(ctx, e.ID)
	if err != nil {
		return "", err
	}
	eventID, regID, err := ticket.Verify(key.Public().(ed25519.PublicKey), tk)
	if err != nil || eventID != e.ID {
		return "", nil
	}
	r, err := s.store.Registration(ctx, regID)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return r.PersonID, nil
}

// nearer reports whether meeting a is nearer now than b.
func nearer(now time.Time, a, b *symposium.Meeting) bool {
	return absDuration(a.StartsAt.Sub(now)) < absDuration(b.StartsAt.Sub(now))
}

// absDuration is the absolute value of a duration.
func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
