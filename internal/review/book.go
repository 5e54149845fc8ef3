package review

import (
	"context"
	"slices"
	"strings"
	"time"

	"symposium"
	"symposium/internal/book"
	"symposium/internal/i18n"
)

// Book gathers the book of abstracts of the event with the slug in l's
// language: the accepted abstracts, released, by track in the call's
// order, each track in programme order (scheduled ones by time, then the
// others), with their authors and affiliations. It is for the event's
// managers always, and for whoever may see the event once decisions were
// released; until then it is not found.
func (s *Service) Book(ctx context.Context, u *symposium.User, slug string, l *i18n.Localizer) (*symposium.Event, book.Book, error) {
	e, access, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return nil, book.Book{}, err
	}
	if !access.CanManage() {
		released, err := s.anyReleased(ctx, e.ID)
		if err != nil {
			return nil, book.Book{}, err
		}
		if !released {
			return nil, book.Book{}, symposium.NotFound()
		}
	}
	b, err := s.book(ctx, e, l)
	return e, b, err
}

// anyReleased reports whether an event's decisions were released.
func (s *Service) anyReleased(ctx context.Context, eventID string) (bool, error) {
	all, err := s.store.EventAbstractsBrief(ctx, eventID)
	if err != nil {
		return false, err
	}
	for _, a := range all {
		if a.Decision != nil && a.Decision.Released {
			return true, nil
		}
	}
	return false, nil
}

// book gathers an event's book of abstracts in a language.
func (s *Service) book(ctx context.Context, e *symposium.Event, l *i18n.Localizer) (book.Book, error) {
	lang := l.Lang
	b := book.Book{Title: e.Title.Get(lang, e.DefaultLanguage),
		Subtitle: subtitle(l.DateRange(e.StartsAt.In(e.Location()), e.EndsAt.In(e.Location())), e.Venue.City.Get(lang, e.DefaultLanguage)),
		Labels:   book.Labels{Contents: l.T("book.contents"), Authors: l.T("book.authors"), Index: l.T("book.index"), Page: l.T("book.page")}}
	c, err := s.call(ctx, e.ID)
	if err != nil {
		return b, err
	}
	abstracts, err := s.store.EventAbstracts(ctx, e.ID)
	if err != nil {
		return b, err
	}
	schedule, err := s.schedule(ctx, e)
	if err != nil {
		return b, err
	}
	for _, tr := range c.Tracks {
		var list []*symposium.Abstract
		for _, a := range abstracts {
			if a.TrackID == tr.ID && a.Status == symposium.AbstractAccepted {
				list = append(list, a)
			}
		}
		if len(list) == 0 {
			continue
		}
		sortByProgramme(list, schedule)
		t := book.Track{Name: tr.Name.Get(lang, e.DefaultLanguage)}
		for _, a := range list {
			t.Abstracts = append(t.Abstracts, bookAbstract(a, schedule[a.ContributionID], l, e))
		}
		b.Tracks = append(b.Tracks, t)
	}
	return b, nil
}

// slot is when and where a contribution is scheduled.
type slot struct {
	start *time.Time
	room  symposium.LocalizedText
}

// schedule returns the slots of an event's contributions by ID.
func (s *Service) schedule(ctx context.Context, e *symposium.Event) (map[string]slot, error) {
	cs, err := s.store.Contributions(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	rooms, err := s.store.Rooms(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	names := map[string]symposium.LocalizedText{}
	for _, r := range rooms {
		names[r.ID] = r.Name
	}
	out := map[string]slot{}
	for _, c := range cs {
		out[c.ID] = slot{start: c.StartsAt, room: names[c.RoomID]}
	}
	return out, nil
}

// sortByProgramme orders abstracts by their contributions' start, the
// unscheduled last in the order submitted.
func sortByProgramme(list []*symposium.Abstract, schedule map[string]slot) {
	slices.SortStableFunc(list, func(x, y *symposium.Abstract) int {
		sx, sy := schedule[x.ContributionID].start, schedule[y.ContributionID].start
		switch {
		case sx == nil && sy == nil:
			return 0
		case sx == nil:
			return 1
		case sy == nil:
			return -1
		}
		return sx.Compare(*sy)
	})
}

// bookAbstract writes one abstract for the book in the reader's language
// where it has one, else in its own.
func bookAbstract(a *symposium.Abstract, at slot, l *i18n.Localizer, e *symposium.Event) book.Abstract {
	lang := l.Lang
	if a.Title[lang] == "" || a.Content[lang] == "" {
		lang = a.Language
	}
	out := book.Abstract{Title: a.Title.Get(lang, a.Language), Language: lang, Text: a.Content.Get(lang, a.Language)}
	if a.Decision != nil {
		out.Kind = l.T(submissionTypeKey(a.Decision.As))
	}
	if at.start != nil {
		out.When = l.DateTime(at.start.In(e.Location()))
		if room := at.room.Get(l.Lang, e.DefaultLanguage); room != "" {
			out.When += " · " + room
		}
	}
	for _, au := range a.Authors {
		out.Authors = append(out.Authors, book.Author{Name: au.Name.Get(lang, a.Language),
			Affiliation: strings.TrimSpace(au.Organization.Get(lang, a.Language)), Presenter: au.PersonID == a.PresenterID})
	}
	return out
}

// subtitle is the book's line under its title: the dates and, where the
// event names one, the city.
func subtitle(dates, city string) string {
	if strings.TrimSpace(city) == "" {
		return dates
	}
	return dates + " · " + city
}
