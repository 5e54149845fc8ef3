package matchmaking

import (
	"context"
	"slices"
	"strings"

	"symposium"
	"symposium/internal/names"
)

// Filter selects profiles of the catalogue: a name in any script or
// romanization, or a word of what they offer or seek (Q), a topic (a
// field matches its area too), a country, an organization kind and a
// meeting language.
type Filter struct {
	Q, Topic, Country, Kind, Language string
}

// Catalogue returns the profiles of the event's matchmaking that pass the
// filter, for participants and managers: by name match first when a name
// is asked for, otherwise in the order they were made.
func (s *Service) Catalogue(ctx context.Context, u *symposium.User, slug string, f Filter) (*Page, []*Card, error) {
	p, err := s.member(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	profiles, err := s.store.Profiles(ctx, p.Event.ID)
	if err != nil {
		return nil, nil, err
	}
	cards, err := s.cards(ctx, profiles)
	if err != nil {
		return nil, nil, err
	}
	out := make([]*Card, 0, len(cards))
	for _, c := range cards {
		if f.passes(c) {
			out = append(out, c)
		}
	}
	return p, search(out, strings.TrimSpace(f.Q)), nil
}

// passes reports whether a card passes the filter's fields other than Q.
func (f Filter) passes(c *Card) bool {
	pr := c.Profile
	switch {
	case f.Topic != "" && !slices.ContainsFunc(pr.Topics, func(t string) bool { return t == f.Topic || strings.HasPrefix(t, f.Topic+".") }):
		return false
	case f.Country != "" && !strings.EqualFold(c.Country, f.Country):
		return false
	case f.Kind != "" && c.OrgKind != f.Kind:
		return false
	case f.Language != "" && !slices.Contains(pr.Languages, f.Language):
		return false
	}
	return true
}

// search keeps the cards whose names look like q in any script, best
// first, followed by those whose offers or seeks hold q's words.
func search(cards []*Card, q string) []*Card {
	if q == "" {
		return cards
	}
	x := names.NewIndex()
	byID := map[string]*Card{}
	for _, c := range cards {
		x.Put(c.ID, c.Person.Spellings()...)
		byID[c.ID] = c
	}
	var out []*Card
	seen := map[string]bool{}
	for _, m := range x.Search(q, len(cards)) {
		out = append(out, byID[m.ID])
		seen[m.ID] = true
	}
	want := words(symposium.LocalizedText{"en": q})
	var byText []*Card
	for _, c := range cards {
		if seen[c.ID] {
			continue
		}
		have := words(c.Profile.Offers)
		for k, v := range words(c.Profile.Seeks) {
			have[k] = v
		}
		if len(want) > 0 && len(overlap(have, want, len(want))) == len(want) {
			byText = append(byText, c)
		}
	}
	return append(out, byText...)
}
