package search

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"symposium"
)

// searchPeople finds people by name, then keeps those the filters allow. A
// query with filters and no text lists the people the filters allow, by
// name.
func (s *Service) searchPeople(ctx context.Context, q *Query) ([]Result, error) {
	var atEvent map[string]bool
	if q.EventID != "" {
		var err error
		if atEvent, err = s.peopleAtEvent(ctx, q.EventID, q.Part); err != nil {
			return nil, err
		}
	}
	allow := func(p *symposium.Person) bool {
		return (q.Country == "" || p.Country == q.Country) &&
			(q.OrganizationID == "" || p.OrganizationID == q.OrganizationID) &&
			(q.Topic == "" || hasTopic(p.Topics, q.Topic)) &&
			(atEvent == nil || atEvent[p.ID])
	}
	if q.Text == "" {
		return s.listPeople(allow, q.Limit), nil
	}
	depth := q.Limit
	if q.filtered() {
		depth = filteredDepth
	}
	matches := s.people.Search(q.Text, depth)
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []Result
	for _, m := range matches {
		p := s.persons[m.ID]
		if p == nil || !allow(p) {
			continue
		}
		r := s.personResult(p)
		r.Matched, r.Score = m.Variant, m.Score
		out = append(out, r)
		if len(out) == q.Limit {
			break
		}
	}
	return out, nil
}

// peopleAtEvent returns the people taking a part at an event: any part
// when part is "".
func (s *Service) peopleAtEvent(ctx context.Context, eventID, part string) (map[string]bool, error) {
	parts := Parts
	if part != "" {
		parts = []string{part}
	}
	out := map[string]bool{}
	for _, pt := range parts {
		ids, err := s.store.EventPersonIDs(ctx, eventID, pt)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		for id := range ids {
			out[id] = true
		}
	}
	return out, nil
}

// listPeople returns up to limit people the filter allows, ordered by
// their first spelling.
func (s *Service) listPeople(allow func(*symposium.Person) bool, limit int) []Result {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var ps []*symposium.Person
	for _, p := range s.persons {
		if allow(p) {
			ps = append(ps, p)
		}
	}
	slices.SortFunc(ps, func(a, b *symposium.Person) int {
		if c := strings.Compare(firstSpelling(a), firstSpelling(b)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	out := []Result{}
	for _, p := range ps[:min(len(ps), limit)] {
		r := s.personResult(p)
		r.Score = 1
		out = append(out, r)
	}
	return out
}

// personResult describes a person found; the caller holds s.mu.
func (s *Service) personResult(p *symposium.Person) Result {
	r := Result{Type: TypePerson, ID: p.ID, Name: p.Name, Aliases: p.Aliases, Country: p.Country,
		OrganizationID: p.OrganizationID, URL: "/people/" + p.ID}
	if o := s.orgs[p.OrganizationID]; o != nil {
		r.Organization = o.Name
	}
	return r
}

// hasTopic reports whether topics hold a field of science, or a field of
// an area.
func hasTopic(topics []string, topic string) bool {
	for _, t := range topics {
		if t == topic || strings.HasPrefix(t, topic+".") {
			return true
		}
	}
	return false
}

// firstSpelling is the spelling a person is listed by.
func firstSpelling(p *symposium.Person) string {
	if s := p.Spellings(); len(s) > 0 {
		return s[0]
	}
	return ""
}

// Person returns the person the index holds, or nil.
func (s *Service) Person(id string) *symposium.Person {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.persons[id]
}

// Likely returns the people who are likely the one about to be created
// under the given spellings or email, best first: for a form that offers
// existing people before making a new one.
func (s *Service) Likely(spellings []string, email string, limit int) []Result {
	best := map[string]Result{}
	for _, v := range spellings {
		for _, m := range s.people.Search(v, limit) {
			if m.Score >= likelyScore && m.Score > best[m.ID].Score {
				best[m.ID] = Result{ID: m.ID, Matched: m.Variant, Score: m.Score}
			}
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if email != "" {
		for _, p := range s.persons {
			if strings.EqualFold(p.Email, email) {
				best[p.ID] = Result{ID: p.ID, Score: 1, Matched: best[p.ID].Matched}
			}
		}
	}
	var out []Result
	for id, m := range best {
		p := s.persons[id]
		if p == nil {
			continue
		}
		r := s.personResult(p)
		r.Matched, r.Score = m.Matched, m.Score
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Result) int {
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out[:min(len(out), limit)]
}

// likelyScore is the name similarity above which two names are likely one
// person's.
const likelyScore = 0.85

// samePersonScore is the name similarity above which two names are taken
// for one person's under different spellings, for conflicts of interest.
const samePersonScore = 0.93

// SamePerson returns the people whose names are one of the given
// spellings under another spelling or romanization.
func (s *Service) SamePerson(spellings []string) map[string]bool {
	out := map[string]bool{}
	for _, v := range spellings {
		for _, m := range s.people.Search(v, 20) {
			if m.Score >= samePersonScore {
				out[m.ID] = true
			}
		}
	}
	return out
}
