package outcomes

import (
	"context"
	"slices"
	"strconv"

	"symposium"
	"symposium/internal/store"
)

// Subject names what minutes are about: a contribution, or with Session
// set a session, of an event.
type Subject struct {
	Slug    string
	ID      string
	Session bool
}

// MinutesPage is the minutes of one subject as the caller may see them:
// nil Minutes when none are written or the caller may not see the draft.
type MinutesPage struct {
	Event        *symposium.Event
	Access       symposium.Access
	Contribution *symposium.Contribution
	Session      *symposium.Session
	Minutes      *symposium.Minutes
	Revisions    []symposium.MinutesRevision // the team's only
	// Questions are a contribution's live questions the audience saw,
	// most votes first, with their answered marks and written answers,
	// as the audience sees them (anonymous askers unnamed).
	Questions []symposium.LiveQuestion
}

// ETag returns the entity tag of minutes at a revision, as If-Match names
// it.
func ETag(revision int) string { return `"` + strconv.Itoa(revision) + `"` }

// RevisionOf reads an entity tag (or a bare number) back into a revision;
// ok is false when it names none.
func RevisionOf(tag string) (int, bool) {
	if len(tag) > 2 && tag[0] == '"' && tag[len(tag)-1] == '"' {
		tag = tag[1 : len(tag)-1]
	}
	n, err := strconv.Atoi(tag)
	return n, err == nil && n >= 0
}

// subject returns the event, the caller's access, and the contribution or
// session, when the caller may see the event.
func (s *Service) subject(ctx context.Context, u *symposium.User, sub Subject, allowed func(symposium.Access) bool) (*MinutesPage, error) {
	e, access, err := s.require(ctx, u, sub.Slug, allowed)
	if err != nil {
		return nil, err
	}
	pg := &MinutesPage{Event: e, Access: access}
	if sub.Session {
		pg.Session, err = s.session(ctx, e, sub.ID)
	} else {
		pg.Contribution, err = s.contribution(ctx, e, sub.ID)
	}
	return pg, err
}

// Minutes returns the minutes of a contribution or session as the caller
// may see them: drafts and the revisions only to the event's team.
func (s *Service) Minutes(ctx context.Context, u *symposium.User, sub Subject) (*MinutesPage, error) {
	pg, err := s.subject(ctx, u, sub, func(symposium.Access) bool { return true })
	if err != nil {
		return nil, err
	}
	if err := s.questions(ctx, pg); err != nil {
		return nil, err
	}
	m, err := s.store.Minutes(ctx, pg.Event.ID, sub.ID, sub.Session)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		return pg, nil
	}
	if err != nil {
		return nil, err
	}
	if pg.Access.CanSeeMinutes(m.Status) {
		pg.Minutes = m
	}
	if pg.Access.CanWriteMinutes() {
		if pg.Revisions, err = s.store.MinutesRevisions(ctx, m.ID); err != nil {
			return nil, err
		}
	}
	return pg, nil
}

// SaveMinutes stores the minutes of a contribution or session as their
// next revision, for the event's team. base is the revision the writer
// started from (0 for none): when someone saved since, the save is refused
// and nothing is lost — with stale (412) when the writer named it in
// If-Match, with a conflict (409) otherwise. Locked minutes refuse every
// save.
func (s *Service) SaveMinutes(ctx context.Context, u *symposium.User, sub Subject, m *symposium.Minutes, base int, ifMatch bool) (*MinutesPage, error) {
	pg, err := s.subject(ctx, u, sub, symposium.Access.CanWriteMinutes)
	if err != nil {
		return nil, err
	}
	var p symposium.Problems
	m.Validate(&p, pg.Event)
	if err := p.Err(); err != nil {
		return nil, err
	}
	m.EventID, m.ContributionID, m.SessionID = pg.Event.ID, "", ""
	if sub.Session {
		m.SessionID = sub.ID
	} else {
		m.ContributionID = sub.ID
	}
	m.UpdatedBy, m.UpdatedByName = u.ID, u.Name
	stale := symposium.Errorf(symposium.ECONFLICT, "error.minutes_changed")
	if ifMatch {
		stale = symposium.Errorf(symposium.EPRECONDITION, "error.minutes_changed")
	}
	entry := symposium.NewAuditEntry(u, pg.Event.ID, symposium.AuditMinutesSave, sub.ID, nil, map[string]any{"status": m.Status, "base": base})
	if err := s.store.SaveMinutes(store.WithAudit(ctx, entry), m, base, stale); err != nil {
		return nil, err
	}
	return s.Minutes(ctx, u, sub)
}

// CompiledEntry is one contribution of the programme with its minutes.
type CompiledEntry struct {
	Contribution symposium.Contribution
	Minutes      *symposium.Minutes
}

// Compiled is the whole event's minutes in programme order: the
// scheduled contributions by time, then room, then the unscheduled ones;
// the sessions' own minutes follow.
type Compiled struct {
	Event    *symposium.Event
	Access   symposium.Access
	Entries  []CompiledEntry
	Sessions []SessionMinutes
}

// SessionMinutes is a session with its minutes.
type SessionMinutes struct {
	Session symposium.Session
	Minutes *symposium.Minutes
}

// CompiledMinutes returns the event's minutes that the caller may see, in
// programme order; entries without minutes are left out.
func (s *Service) CompiledMinutes(ctx context.Context, u *symposium.User, slug string) (*Compiled, error) {
	e, access, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	all, err := s.store.EventMinutes(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	byContribution, bySession := map[string]*symposium.Minutes{}, map[string]*symposium.Minutes{}
	for _, m := range all {
		if !access.CanSeeMinutes(m.Status) {
			continue
		}
		if m.SessionID != "" {
			bySession[m.SessionID] = m
		} else {
			byContribution[m.ContributionID] = m
		}
	}
	out := &Compiled{Event: e, Access: access}
	contributions, err := s.store.Contributions(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	sortProgramme(contributions)
	for _, c := range contributions {
		if m := byContribution[c.ID]; m != nil {
			out.Entries = append(out.Entries, CompiledEntry{Contribution: c, Minutes: m})
		}
	}
	sessions, err := s.store.ProgrammeSessions(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	for _, ps := range sessions {
		if m := bySession[ps.ID]; m != nil {
			out.Sessions = append(out.Sessions, SessionMinutes{Session: ps, Minutes: m})
		}
	}
	return out, nil
}

// sortProgramme orders contributions as the programme runs: scheduled by
// start, then room, then ID; unscheduled ones last, by creation.
func sortProgramme(list []symposium.Contribution) {
	slices.SortStableFunc(list, func(a, b symposium.Contribution) int {
		switch {
		case a.StartsAt == nil && b.StartsAt == nil:
			return a.CreatedAt.Compare(b.CreatedAt)
		case a.StartsAt == nil:
			return 1
		case b.StartsAt == nil:
			return -1
		}
		if c := a.StartsAt.Compare(*b.StartsAt); c != 0 {
			return c
		}
		if a.RoomID != b.RoomID {
			return compareStrings(a.RoomID, b.RoomID)
		}
		return compareStrings(a.ID, b.ID)
	})
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// questions adds a contribution's visible live questions to its minutes'
// page, as the audience saw them.
func (s *Service) questions(ctx context.Context, pg *MinutesPage) error {
	if pg.Contribution == nil {
		return nil
	}
	list, err := s.store.LiveQuestions(ctx, pg.Contribution.ID, "", false)
	if err != nil {
		return err
	}
	for i := range list {
		list[i] = list[i].ForAudience()
	}
	symposium.SortLiveQuestions(list, "votes")
	pg.Questions = list
	return nil
}
