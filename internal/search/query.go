package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"symposium"
)

// The types of things found.
const (
	TypePerson       = "person"
	TypeOrganization = "organization"
	TypeEvent        = "event"
	TypeContribution = "contribution"
)

// Types lists the types of things found, in the order results of equal
// score are shown.
var Types = []string{TypePerson, TypeOrganization, TypeEvent, TypeContribution}

// Parts a person may take at an event, for filtering.
var Parts = []string{"speaker", "registrant"}

// Limits of a search.
const (
	DefaultLimit = 10
	MaxLimit     = 100
	// maxQueryRunes is how much of a query is read; the rest is ignored.
	maxQueryRunes = 200
	// filteredDepth is how many people a name search looks at when
	// filters may drop some of them.
	filteredDepth = 1000
)

// Query is a search. Text is what was typed; the filters narrow people
// (Country also organizations, EventID also contributions).
type Query struct {
	Text           string
	Type           string // one of Types, or "" for all
	Limit          int
	Country        string // ISO 3166-1 alpha-2
	OrganizationID string
	Topic          string // a field of science or an area, as in symposium.Topics
	EventID        string
	Part           string // one of Parts, or "" for any part at EventID
	Viewer         *symposium.User
}

// Result is one thing found.
type Result struct {
	Type           string                  `json:"type"`
	ID             string                  `json:"id"`
	Name           symposium.LocalizedText `json:"name,omitempty"`
	Aliases        []string                `json:"aliases,omitempty"`
	Matched        string                  `json:"matched,omitempty" doc:"The spelling of the name that matched the query."`
	Title          symposium.LocalizedText `json:"title,omitempty"`
	Country        string                  `json:"country,omitempty"`
	OrganizationID string                  `json:"organization_id,omitempty"`
	Organization   symposium.LocalizedText `json:"organization,omitempty"`
	Event          string                  `json:"event,omitempty" doc:"The slug of the event, for events and contributions."`
	EventTitle     symposium.LocalizedText `json:"event_title,omitempty" doc:"The title of a contribution's event."`
	URL            string                  `json:"url"`
	Score          float64                 `json:"score"`
}

// Validate records problems with the query and cleans its text: control
// characters become spaces and only the first 200 characters count.
func (q *Query) Validate(p *symposium.Problems) {
	q.Text = cleanText(q.Text)
	switch {
	case q.Limit == 0:
		q.Limit = DefaultLimit
	case q.Limit < 0 || q.Limit > MaxLimit:
		p.Add("limit", "error.field.limit", "Max", MaxLimit)
	}
	if q.Type != "" && !slices.Contains(Types, q.Type) {
		p.Add("type", "error.field.one_of", "Allowed", strings.Join(Types, ", "))
	}
	if q.Part != "" && !slices.Contains(Parts, q.Part) {
		p.Add("role", "error.field.one_of", "Allowed", strings.Join(Parts, ", "))
	}
	q.Country = strings.ToUpper(strings.TrimSpace(q.Country))
	if q.Country != "" && (len(q.Country) != 2 || strings.ContainsFunc(q.Country, func(r rune) bool { return r < 'A' || r > 'Z' })) {
		p.Add("country", "error.field.country")
	}
	if q.Topic != "" && !symposium.IsTopic(q.Topic) {
		p.Add("topic", "error.field.topic")
	}
	if q.OrganizationID != "" && !symposium.IsID(q.OrganizationID) {
		p.Add("organization", "error.field.unknown_reference")
	}
}

// cleanText turns control characters into spaces, cuts the text after
// maxQueryRunes characters and trims it.
func cleanText(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n++; n > maxQueryRunes {
			break
		}
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// filtered reports whether the query narrows people by anything but text.
func (q *Query) filtered() bool {
	return q.Country != "" || q.OrganizationID != "" || q.Topic != "" || q.EventID != ""
}

// wants reports whether the query asks for things of a type.
func (q *Query) wants(typ string) bool { return q.Type == "" || q.Type == typ }

// Search answers a validated query, best first. A query with neither text
// nor filters finds nothing.
func (s *Service) Search(ctx context.Context, q Query) ([]Result, error) {
	if q.Text == "" && !q.filtered() {
		return []Result{}, nil
	}
	var out []Result
	if q.wants(TypePerson) {
		rs, err := s.searchPeople(ctx, &q)
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	if q.Text != "" && (q.wants(TypeOrganization) || q.wants(TypeEvent) || q.wants(TypeContribution)) {
		rs, err := s.searchTexts(ctx, &q)
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	slices.SortStableFunc(out, func(a, b Result) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(slices.Index(Types, a.Type), slices.Index(Types, b.Type))
	})
	if len(out) > q.Limit {
		out = out[:q.Limit]
	}
	if out == nil {
		out = []Result{}
	}
	return out, nil
}

// searchTexts finds organizations, events and contributions by their words.
func (s *Service) searchTexts(ctx context.Context, q *Query) ([]Result, error) {
	visible := map[string]bool{}
	if q.wants(TypeEvent) || q.wants(TypeContribution) {
		var err error
		if visible, err = s.store.VisibleEventIDs(ctx, q.Viewer); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	keep := func(doc string) bool {
		typ, id, _ := strings.Cut(doc, ":")
		if !q.wants(typ) {
			return false
		}
		switch typ {
		case TypeOrganization:
			return q.Country == "" || s.orgs[id] != nil && s.orgs[id].Country == q.Country
		case TypeEvent:
			return visible[id] && (q.EventID == "" || q.EventID == id)
		case TypeContribution:
			c, ok := s.contribs[id]
			return ok && visible[c.eventID] && (q.EventID == "" || q.EventID == c.eventID)
		}
		return false
	}
	var out []Result
	for doc, score := range s.text.search(q.Text, keep) {
		typ, id, _ := strings.Cut(doc, ":")
		if r, ok := s.textResult(typ, id); ok {
			r.Score = score
			out = append(out, r)
		}
	}
	return out, nil
}

// textResult describes an organization, event or contribution found.
func (s *Service) textResult(typ, id string) (Result, bool) {
	r := Result{Type: typ, ID: id}
	switch typ {
	case TypeOrganization:
		o := s.orgs[id]
		if o == nil {
			return r, false
		}
		r.Name, r.Country, r.URL = o.Name, o.Country, "/organizations/"+id
	case TypeEvent:
		e := s.events[id]
		if e == nil {
			return r, false
		}
		r.Title, r.Event, r.URL = e.Title, e.Slug, "/events/"+e.Slug
	case TypeContribution:
		c, ok := s.contribs[id]
		e := s.events[c.eventID]
		if !ok || e == nil {
			return r, false
		}
		r.Title, r.Event, r.URL = c.title, e.Slug, "/events/"+e.Slug+"/contributions/"+id
		r.EventTitle = e.Title
	}
	return r, true
}
