package names

import (
	"cmp"
	"slices"
)

// Limits of gathering candidates for a search.
const (
	// candidates is how many entries, those sharing the most rare
	// trigrams with the query, are ranked by similarity.
	candidates = 256
	// rareGrams is how many of a query's rarest trigrams gather entries
	// however common they are; after them, a trigram held by more than
	// gatherCap entries only adds weight to entries already gathered.
	rareGrams = 3
	gatherCap = 4096
	// scanBudget bounds the trigram postings a search reads: the most
	// common trigrams, which tell names apart least, are left out past
	// it, so that no search reads the whole index.
	scanBudget = 32768
	// nearCandidates is how many more entries, the best of the rest once
	// the tokens at one edit from the query's have added their weight,
	// are ranked. nearBudget bounds the postings of such tokens that a
	// search reads, and nearWeight is the share of a token's trigram
	// weight that such a token earns.
	nearCandidates = 32
	nearBudget     = 16384
	nearWeight     = 0.75
)

// scratch is the working memory of one search: a score per entry, the
// entries scored, and the similarities of the query's tokens with the
// name tokens compared.
type scratch struct {
	score   []float32
	touched []int32
	memo    map[string]int // name token → its row in rows
	rows    []simRow
}

// gather returns the entries that share the most trigrams with the
// query's readings, each trigram weighted by its rarity, and then the
// best of the others once short tokens at one edit from the query's have
// added their weight (see gatherNear), in no particular order. The slice
// is the scratch's, valid until it is put back.
func (x *Index) gather(q *query, s *scratch) []int32 {
	x.gatherGrams(q, s)
	n := len(topEntries(s.touched, s.score, candidates))
	x.gatherNear(q, s)
	more := topEntries(s.touched[n:], s.score, nearCandidates)
	return s.touched[:n+len(more)]
}

// gatherGrams weights the entries by the trigrams they share with the
// query's readings, rarest first, within the limits above.
func (x *Index) gatherGrams(q *query, s *scratch) {
	var grams []int32
	for _, t := range q.toks {
		grams = tokenGrams(t, grams)
	}
	slices.Sort(grams)
	grams = slices.Compact(grams)
	slices.SortFunc(grams, func(a, b int32) int { return cmp.Compare(len(x.grams[a]), len(x.grams[b])) })

	scanned, used := 0, 0
	for _, g := range grams {
		post := x.grams[g]
		if len(post) == 0 {
			continue
		}
		if used > 0 && scanned+len(post) > scanBudget {
			break
		}
		post = post[:min(len(post), scanBudget)]
		w := idf(len(x.entries), len(x.grams[g]))
		gathers := used < rareGrams || len(post) <= gatherCap
		for _, e := range post {
			if s.score[e] == 0 {
				if !gathers || x.isDead(e) {
					continue
				}
				s.touched = append(s.touched, e)
			}
			s.score[e] += w
		}
		scanned += len(post)
		used++
	}
}

// isDead reports whether entry e belongs to a person deleted or replaced
// since the last compaction. Dead entries are never gathered: they would
// take the places of live ones among the candidates, so that a person put
// again and again under one name (each change of their record replaces
// their entries) could no longer be found by that very name.
func (x *Index) isDead(e int32) bool {
	return x.dead > 0 && x.people[x.entries[e].slot].id == ""
}

// getScratch takes working memory for a search from the pool.
func (x *Index) getScratch() *scratch {
	s, _ := x.scratch.Get().(*scratch)
	if s == nil {
		s = &scratch{memo: map[string]int{}}
	}
	if len(s.score) < len(x.entries) {
		s.score = make([]float32, len(x.entries)+len(x.entries)/4)
	}
	return s
}

// putScratch clears working memory and returns it to the pool.
func (x *Index) putScratch(s *scratch) {
	for _, e := range s.touched {
		s.score[e] = 0
	}
	s.touched = s.touched[:0]
	clear(s.memo)
	s.rows = s.rows[:0]
	x.scratch.Put(s)
}

// topEntries reorders es so that its first k entries have the highest
// scores, in no particular order, and returns them: a quickselect.
func topEntries(es []int32, score []float32, k int) []int32 {
	if len(es) <= k {
		return es
	}
	lo, hi := 0, len(es)-1
	for lo < hi {
		pivot := score[es[lo+(hi-lo)/2]]
		i, j := lo, hi
		for i <= j {
			for score[es[i]] > pivot {
				i++
			}
			for score[es[j]] < pivot {
				j--
			}
			if i <= j {
				es[i], es[j] = es[j], es[i]
				i++
				j--
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return es[:k]
		}
	}
	return es[:k]
}

// gatherNear adds weight to the entries holding a short token at one edit
// from a token of the query, as much as nearWeight of the weight of the
// query token's trigrams: a typo in a short token leaves it too few
// trigrams to be gathered by.
func (x *Index) gatherNear(q *query, s *scratch) {
	var ids []int32
	var grams []int32
	scanned := 0
	for _, t := range q.toks {
		ids = x.near.near(t, ids[:0])
		if len(ids) == 0 {
			continue
		}
		w := float32(0)
		grams = tokenGrams(t, grams[:0])
		for _, g := range grams {
			w += idf(len(x.entries), max(len(x.grams[g]), 1))
		}
		w *= nearWeight
		for _, id := range ids {
			post := x.near.posts[id]
			if scanned+len(post) > nearBudget {
				return
			}
			scanned += len(post)
			for _, e := range post {
				if s.score[e] == 0 {
					if x.isDead(e) {
						continue
					}
					s.touched = append(s.touched, e)
				}
				s.score[e] += w
			}
		}
	}
}
