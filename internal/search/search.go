// Package search finds people, organizations, events and contributions by
// what a person types: names in any script or romanization, with typos,
// through internal/names; titles and texts by their words in any of the
// four languages. Its indexes live in memory, are loaded from the store at
// start and follow every change the store announces, including, on
// PostgreSQL, the changes other instances make.
package search

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/names"
	"symposium/internal/store"
)

// Service holds the indexes and answers searches. It is safe for concurrent
// use.
type Service struct {
	store *store.Store
	log   *slog.Logger
	// access finds the events a search is narrowed to, and what the
	// caller may see of them.
	access *events.Service

	people *names.Index
	text   *textIndex
	pairs  *namePairs // people alike by name, for the duplicates queue
	loaded bool       // whether Load has run: from then on changes are compared at once
	// compareOnce starts, on the first request for the duplicates queue,
	// the comparison of every person loaded; compared is closed when it
	// is done.
	compareOnce *sync.Once
	compared    chan struct{}

	mu       sync.RWMutex
	persons  map[string]*symposium.Person       // not merged
	orgs     map[string]*symposium.Organization // by ID
	events   map[string]*symposium.Event        // by ID, without organizers
	contribs map[string]contribution            // by ID
	version  uint64                             // counts changes, for caches
	dupCache duplicateCache

	applied  atomic.Uint64 // changes of the feed applied, for metrics
	compares atomic.Uint64 // people compared for the duplicates queue, for metrics
}

// contribution is what search keeps of a contribution.
type contribution struct {
	eventID string
	title   symposium.LocalizedText
}

// New returns a Service with empty indexes that follows the store's
// changes from now on; Load fills it. It finds the events a search is
// narrowed to, and the caller's access to them, through ev.
func New(st *store.Store, ev *events.Service, log *slog.Logger) *Service {
	s := &Service{
		store: st, log: log, access: ev, people: names.NewIndex(), text: newTextIndex(), pairs: newNamePairs(),
		compareOnce: &sync.Once{}, compared: make(chan struct{}),
		persons: map[string]*symposium.Person{}, orgs: map[string]*symposium.Organization{},
		events: map[string]*symposium.Event{}, contribs: map[string]contribution{},
	}
	// Changes heard before the index existed are in what Load reads.
	s.applied.Store(st.ChangesHeard())
	st.Subscribe(s.apply)
	return s
}

// Load reads every person, organization, event and contribution into the
// indexes. Comparing every person's name with the others, for the
// duplicates queue, waits for the queue's first request.
func (s *Service) Load(ctx context.Context) error {
	s.mu.Lock()
	s.loaded = false
	s.mu.Unlock()
	if err := s.store.EachPerson(ctx, s.putPerson); err != nil {
		return fmt.Errorf("search: load: %w", err)
	}
	if err := s.store.EachOrganization(ctx, s.putOrganization); err != nil {
		return fmt.Errorf("search: load: %w", err)
	}
	if err := s.store.EachEvent(ctx, s.putEvent); err != nil {
		return fmt.Errorf("search: load: %w", err)
	}
	if err := s.store.EachContribution(ctx, s.putContribution); err != nil {
		return fmt.Errorf("search: load: %w", err)
	}
	stored, complete, err := s.store.DuplicateCandidates(ctx)
	if err != nil {
		return fmt.Errorf("search: load: %w", err)
	}
	s.pairs.load(stored)
	s.mu.Lock()
	s.loaded = true
	s.compareOnce, s.compared = &sync.Once{}, make(chan struct{})
	if complete {
		// The queue was kept in the database: nobody needs comparing again.
		s.compareOnce.Do(func() {})
		close(s.compared)
		s.version++
	}
	s.mu.Unlock()
	return nil
}

// apply brings the indexes up to date with one change, reading the record
// again from the store.
func (s *Service) apply(c store.Change) {
	ctx := context.Background()
	var err error
	switch c.Kind {
	case store.ChangePerson:
		err = s.reload(ctx, c.ID, s.reloadPerson)
	case store.ChangeOrganization:
		err = s.reload(ctx, c.ID, s.reloadOrganization)
	case store.ChangeEvent:
		err = s.reload(ctx, c.ID, s.reloadEvent)
	case store.ChangeContribution:
		err = s.reload(ctx, c.ID, s.reloadContribution)
	case store.ChangeAll:
		err = s.Load(ctx)
	}
	if err != nil {
		s.log.Error("search: applying a change failed", "kind", c.Kind, "id", c.ID, "err", err)
	}
	s.applied.Add(1)
}

// reload runs one reload, counting the change.
func (s *Service) reload(ctx context.Context, id string, fn func(context.Context, string) error) error {
	err := fn(ctx, id)
	s.mu.Lock()
	s.version++
	s.mu.Unlock()
	return err
}

func (s *Service) reloadPerson(ctx context.Context, id string) error {
	p, err := s.store.Person(ctx, id)
	switch {
	case symposium.ErrorCode(err) == symposium.ENOTFOUND:
		s.deletePerson(id)
		return nil
	case err != nil:
		return err
	case p.MergedInto != "":
		s.deletePerson(id)
		return nil
	}
	s.putPerson(p)
	return nil
}

func (s *Service) reloadOrganization(ctx context.Context, id string) error {
	o, err := s.store.Organization(ctx, id)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		s.mu.Lock()
		delete(s.orgs, id)
		s.mu.Unlock()
		s.text.remove(docKey(TypeOrganization, id))
		return nil
	}
	if err != nil {
		return err
	}
	s.putOrganization(o)
	return nil
}

func (s *Service) reloadEvent(ctx context.Context, id string) error {
	e, err := s.store.EventByID(ctx, id)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		s.mu.Lock()
		delete(s.events, id)
		s.mu.Unlock()
		s.text.remove(docKey(TypeEvent, id))
		return nil
	}
	if err != nil {
		return err
	}
	s.putEvent(e)
	return nil
}

func (s *Service) reloadContribution(ctx context.Context, id string) error {
	c, err := s.store.ContributionByID(ctx, id)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		s.mu.Lock()
		delete(s.contribs, id)
		s.mu.Unlock()
		s.text.remove(docKey(TypeContribution, id))
		return nil
	}
	if err != nil {
		return err
	}
	s.putContribution(c)
	return nil
}

func (s *Service) putPerson(p *symposium.Person) {
	s.people.Put(p.ID, p.Spellings()...)
	s.mu.Lock()
	s.persons[p.ID] = p
	loaded := s.loaded
	s.mu.Unlock()
	if loaded {
		s.comparePerson(p.ID)
		s.keepPairs(p.ID)
	}
}

func (s *Service) deletePerson(id string) {
	s.people.Delete(id)
	s.pairs.remove(id)
	s.mu.Lock()
	delete(s.persons, id)
	s.mu.Unlock()
	s.keepPairs(id)
}

func (s *Service) putOrganization(o *symposium.Organization) {
	s.mu.Lock()
	s.orgs[o.ID] = o
	s.mu.Unlock()
	s.text.put(docKey(TypeOrganization, o.ID), texts(o.Name), nil)
}

func (s *Service) putEvent(e *symposium.Event) {
	s.mu.Lock()
	s.events[e.ID] = e
	s.mu.Unlock()
	s.text.put(docKey(TypeEvent, e.ID), append(texts(e.Title), texts(e.Series)...), append(texts(e.Summary), texts(e.Venue.City)...))
}

func (s *Service) putContribution(c *symposium.Contribution) {
	s.mu.Lock()
	s.contribs[c.ID] = contribution{eventID: c.EventID, title: c.Title}
	s.mu.Unlock()
	s.text.put(docKey(TypeContribution, c.ID), texts(c.Title), texts(c.Description))
}

// texts lists a localized text's values.
func texts(t symposium.LocalizedText) []string {
	out := make([]string, 0, len(t))
	for _, l := range symposium.Languages {
		if v := t[l]; v != "" {
			out = append(out, v)
		}
	}
	return out
}

// docKey names a document of the text index.
func docKey(typ, id string) string { return typ + ":" + id }
