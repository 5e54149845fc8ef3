package search

import (
	"context"
	"sync"
	"time"
)

// namePairs holds the pairs of people whose names look alike enough to be
// one person's, kept current person by person: each change to a person
// compares them again with the most similar names, so that the queue of
// duplicates never needs a pass over everyone while the server runs.
type namePairs struct {
	mu sync.Mutex
	by map[string]map[string]float64 // person → alike person → score, both ways
}

func newNamePairs() *namePairs { return &namePairs{by: map[string]map[string]float64{}} }

// set replaces the pairs of a person with those found now.
func (n *namePairs) set(id string, alike map[string]float64) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.removeLocked(id)
	for other, score := range alike {
		n.link(id, other, score)
		n.link(other, id, score)
	}
}

func (n *namePairs) link(a, b string, score float64) {
	if n.by[a] == nil {
		n.by[a] = map[string]float64{}
	}
	n.by[a][b] = score
}

// remove forgets a person's pairs.
func (n *namePairs) remove(id string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.removeLocked(id)
}

func (n *namePairs) removeLocked(id string) {
	for other := range n.by[id] {
		delete(n.by[other], id)
		if len(n.by[other]) == 0 {
			delete(n.by, other)
		}
	}
	delete(n.by, id)
}

// load replaces every pair with the stored ones.
func (n *namePairs) load(pairs map[[2]string]float64) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.by = map[string]map[string]float64{}
	for k, score := range pairs {
		n.link(k[0], k[1], score)
		n.link(k[1], k[0], score)
	}
}

// of returns a person's pairs: the other person and the score.
func (n *namePairs) of(id string) map[string]float64 {
	n.mu.Lock()
	defer n.mu.Unlock()
	out := make(map[string]float64, len(n.by[id]))
	for other, score := range n.by[id] {
		out[other] = score
	}
	return out
}

// snapshot returns every pair once, with its score.
func (n *namePairs) snapshot() map[[2]string]float64 {
	n.mu.Lock()
	defer n.mu.Unlock()
	out := map[[2]string]float64{}
	for a, others := range n.by {
		for b, score := range others {
			out[pairKey(a, b)] = score
		}
	}
	return out
}

// alike finds the people whose names look like one person's.
func (s *Service) alike(id string) map[string]float64 {
	out := map[string]float64{}
	for _, m := range s.people.Similar(id, similarPerPerson) {
		if m.Score >= likelyScore {
			out[m.ID] = m.Score
		}
	}
	return out
}

// comparePerson finds a person's likely duplicates by name again.
func (s *Service) comparePerson(id string) {
	s.compares.Add(1)
	s.pairs.set(id, s.alike(id))
}

// keepPairs stores a person's pairs as they now are (none for a person
// gone), so that an instance starting later finds them. Every instance
// following the change feed stores the same.
func (s *Service) keepPairs(id string) {
	if err := s.store.SetDuplicateCandidates(context.Background(), id, s.pairs.of(id)); err != nil {
		s.log.Error("search: keeping a person's duplicate pairs failed", "person", id, "err", err)
	}
}

// compareAll compares every person, as the duplicates queue needs after
// loading when the database kept no queue, and stores the pairs found;
// changes meanwhile are compared as they come.
func (s *Service) compareAll(ctx context.Context) {
	s.mu.RLock()
	ids := make([]string, 0, len(s.persons))
	for id := range s.persons {
		ids = append(ids, id)
	}
	s.mu.RUnlock()
	for _, id := range ids {
		if ctx.Err() != nil {
			return
		}
		s.comparePerson(id)
	}
	if err := s.store.ReplaceDuplicateCandidates(ctx, s.pairs.snapshot(), time.Now()); err != nil {
		s.log.Error("search: keeping the duplicate pairs failed", "err", err)
	}
	s.mu.Lock()
	s.version++
	s.mu.Unlock()
}
