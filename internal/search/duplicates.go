package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"symposium"
)

// duplicateCache keeps the queue of likely duplicates until the people
// change.
type duplicateCache struct {
	version uint64
	valid   bool
	pairs   []symposium.DuplicatePair
}

// firstPassWait is how long the first request for the queue waits for
// everyone to be compared before it shows the pairs found so far; on a
// directory of thousands the comparison is done well before.
const firstPassWait = 2 * time.Second

// similarPerPerson is how many similar names each person is compared with.
const similarPerPerson = 5

// Duplicates returns pairs of people who are likely one person, most likely
// first, with the evidence: names alike across scripts, the same email,
// and, as support, the same organization and country. Pairs a manager
// dismissed are left out. The first request after Load starts comparing
// every person with the most similar names and waits for it, up to
// firstPassWait; changes are compared as they come. When allow is not nil,
// only the pairs it allows count towards the limit.
func (s *Service) Duplicates(ctx context.Context, allow func(a, b *symposium.Person) bool, limit int) ([]symposium.DuplicatePair, error) {
	s.mu.RLock()
	once, compared := s.compareOnce, s.compared
	s.mu.RUnlock()
	once.Do(func() {
		go func() {
			defer close(compared)
			s.compareAll(context.WithoutCancel(ctx))
		}()
	})
	complete := true
	select {
	case <-compared: // the first comparison of everyone is done
	case <-time.After(firstPassWait): // a large directory: show what is found so far
		complete = false
	case <-ctx.Done():
		return nil, fmt.Errorf("search: duplicates: %w", ctx.Err())
	}
	s.mu.RLock()
	c := s.dupCache
	version := s.version
	s.mu.RUnlock()
	if !c.valid || c.version != version {
		dismissed, err := s.store.DismissedDuplicates(ctx)
		if err != nil {
			return nil, fmt.Errorf("search: duplicates: %w", err)
		}
		c = duplicateCache{version: version, valid: true, pairs: s.findDuplicates(dismissed)}
		s.mu.Lock()
		if s.version == version && complete {
			s.dupCache = c
		}
		s.mu.Unlock()
	}
	if allow == nil {
		return c.pairs[:min(len(c.pairs), limit)], nil
	}
	var out []symposium.DuplicatePair
	for _, d := range c.pairs {
		if len(out) == limit {
			break
		}
		if allow(d.A, d.B) {
			out = append(out, d)
		}
	}
	return out, nil
}

// Dismiss records that two people are not one.
func (s *Service) Dismiss(ctx context.Context, a, b, byUserID string) error {
	if err := s.store.DismissDuplicate(ctx, a, b, byUserID); err != nil {
		return err
	}
	s.mu.Lock()
	s.version++
	s.mu.Unlock()
	return nil
}

// findDuplicates gathers the pairs alike by name and those sharing an
// email.
func (s *Service) findDuplicates(dismissed map[[2]string]bool) []symposium.DuplicatePair {
	scores := s.pairs.snapshot() // by name similarity; 0 for an email shared
	s.mu.RLock()
	byEmail := map[string][]string{}
	for id, p := range s.persons {
		if p.Email != "" {
			byEmail[p.Email] = append(byEmail[p.Email], id)
		}
	}
	s.mu.RUnlock()
	for _, group := range byEmail {
		for i, a := range group {
			for _, b := range group[i+1:] {
				if k := pairKey(a, b); !hasKey(scores, k) {
					scores[k] = 0
				}
			}
		}
	}
	return s.describePairs(scores, dismissed)
}

func hasKey(m map[[2]string]float64, k [2]string) bool {
	_, ok := m[k]
	return ok
}

// describePairs turns scored pairs into DuplicatePairs with evidence,
// dropping dismissed pairs and people gone meanwhile.
func (s *Service) describePairs(pairs map[[2]string]float64, dismissed map[[2]string]bool) []symposium.DuplicatePair {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []symposium.DuplicatePair
	for k, nameScore := range pairs {
		a, b := s.persons[k[0]], s.persons[k[1]]
		if dismissed[k] || a == nil || b == nil {
			continue
		}
		out = append(out, evidence(a, b, nameScore))
	}
	slices.SortFunc(out, func(x, y symposium.DuplicatePair) int {
		if x.Score != y.Score {
			if x.Score > y.Score {
				return -1
			}
			return 1
		}
		return strings.Compare(x.A.ID+x.B.ID, y.A.ID+y.B.ID)
	})
	return out
}

// evidence weighs what two people share.
func evidence(a, b *symposium.Person, nameScore float64) symposium.DuplicatePair {
	d := symposium.DuplicatePair{A: a, B: b, Score: nameScore}
	if nameScore > 0 {
		d.Evidence = append(d.Evidence, symposium.EvidenceName)
	}
	if a.Email != "" && strings.EqualFold(a.Email, b.Email) {
		d.Evidence = append(d.Evidence, symposium.EvidenceEmail)
		d.Score = max(d.Score, 0.95)
	}
	if a.OrganizationID != "" && a.OrganizationID == b.OrganizationID {
		d.Evidence = append(d.Evidence, symposium.EvidenceOrganization)
		d.Score += 0.02
	}
	if a.Country != "" && a.Country == b.Country {
		d.Evidence = append(d.Evidence, symposium.EvidenceCountry)
		d.Score += 0.01
	}
	d.Score = min(d.Score, 1)
	return d
}

// pairKey orders two IDs.
func pairKey(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}
