package symposium

import "time"

// FindConflicts returns why a scheduled contribution c cannot be where it
// is: it falls outside the event's dates, its room holds another entry at
// the same time, or one of its speakers is in another entry at the same
// time. others are the event's other scheduled entries; names gives the
// speakers' names for the conflicts. An unscheduled contribution has none.
func FindConflicts(e *Event, c *Contribution, others []Contribution, names map[string]LocalizedText) []Conflict {
	if c.StartsAt == nil {
		return nil
	}
	start, end := *c.StartsAt, *c.EndsAt()
	var out []Conflict
	if start.Before(e.StartsAt) || end.After(e.EndsAt) {
		out = append(out, Conflict{Kind: ConflictOutsideEvent})
	}
	speakers := map[string]bool{}
	for _, id := range c.SpeakerIDs {
		speakers[id] = true
	}
	for i := range others {
		o := &others[i]
		if o.ID == c.ID || o.StartsAt == nil || !overlaps(start, end, *o.StartsAt, *o.EndsAt()) {
			continue
		}
		with := &ConflictEntry{ID: o.ID, Title: o.Title, StartsAt: *o.StartsAt, EndsAt: *o.EndsAt(), RoomID: o.RoomID}
		if c.RoomID != "" && o.RoomID == c.RoomID {
			out = append(out, Conflict{Kind: ConflictRoom, With: with, RoomID: c.RoomID})
		}
		for _, id := range o.SpeakerIDs {
			if speakers[id] {
				out = append(out, Conflict{Kind: ConflictSpeaker, With: with, PersonID: id, PersonName: names[id]})
			}
		}
	}
	return out
}

// overlaps reports whether [a1, a2) and [b1, b2) share a moment.
func overlaps(a1, a2, b1, b2 time.Time) bool {
	return a1.Before(b2) && b1.Before(a2)
}
