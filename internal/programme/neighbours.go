package programme

import (
	"cmp"
	"context"
	"slices"

	"symposium"
)

// surroundings adds to an entry's page its session and the session's
// chairs, the entries before and after it in the timetable, and how many
// of its materials the caller may see.
func (s *Service) surroundings(ctx context.Context, u *symposium.User, v *Page) error {
	c := v.Contribution
	if c.SessionID != "" {
		sessions, err := s.store.ProgrammeSessions(ctx, v.Event.ID)
		if err != nil {
			return err
		}
		for i := range sessions {
			if sessions[i].ID == c.SessionID {
				v.Session = &sessions[i]
			}
		}
	}
	if v.Session != nil && len(v.Session.ConvenerIDs) > 0 {
		people, err := s.store.People(ctx, v.Session.ConvenerIDs)
		if err != nil {
			return err
		}
		for _, id := range v.Session.ConvenerIDs {
			if p := people[id]; p != nil {
				v.Chairs = append(v.Chairs, p)
			}
		}
		v.Chairs = redact(u, v.Chairs)
	}
	if err := s.neighbours(ctx, v); err != nil {
		return err
	}
	materials, err := s.store.Materials(ctx, v.Event.ID)
	if err != nil {
		return err
	}
	for _, m := range materials {
		if m.ContributionID == c.ID && v.Access.CanSeeMaterial(m.Visibility, false) {
			v.Materials++
		}
	}
	return nil
}

// neighbours finds the scheduled entries just before and after a
// scheduled entry, in the timetable's order: by start, then room.
func (s *Service) neighbours(ctx context.Context, v *Page) error {
	if v.Contribution.StartsAt == nil {
		return nil
	}
	all, err := s.store.Contributions(ctx, v.Event.ID)
	if err != nil {
		return err
	}
	var timed []symposium.Contribution
	for _, c := range all {
		if c.StartsAt != nil {
			timed = append(timed, c)
		}
	}
	slices.SortStableFunc(timed, func(a, b symposium.Contribution) int {
		return cmp.Or(a.StartsAt.Compare(*b.StartsAt), cmp.Compare(a.RoomID, b.RoomID), cmp.Compare(a.ID, b.ID))
	})
	i := slices.IndexFunc(timed, func(c symposium.Contribution) bool { return c.ID == v.Contribution.ID })
	if i > 0 {
		v.Prev = &timed[i-1]
	}
	if i >= 0 && i+1 < len(timed) {
		v.Next = &timed[i+1]
	}
	return nil
}
