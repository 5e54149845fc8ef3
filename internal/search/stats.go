package search

// Stats is the size of the indexes and how far they follow the store's
// change feed.
type Stats struct {
	People, Organizations, Events, Contributions int
	// ChangesApplied counts the changes of the feed the indexes have taken
	// in (those before the index existed included, since Load read them);
	// the store's ChangesHeard minus it is how far they lag.
	ChangesApplied uint64
	// Compared counts the people compared with the most similar names for
	// the duplicates queue since the service was made: once per change,
	// and everyone once only when the database kept no queue.
	Compared uint64
}

// Stats returns the indexes' figures.
func (s *Service) Stats() Stats {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return Stats{People: len(s.persons), Organizations: len(s.orgs), Events: len(s.events), Contributions: len(s.contribs),
		ChangesApplied: s.applied.Load(), Compared: s.compares.Load()}
}
