package names

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Match is a person found by a search.
type Match struct {
	ID      string  // the person's ID, as given to Put
	Score   float64 // how alike the names are, in (0, 1]; 1 is the very spelling
	Variant string  // the person's spelling that matched best
}

// Scores of the kinds of match. A spelling equal to the query, ignoring
// case, scores 1; an equal skeleton exactSkeleton; any other match is
// scaled to at most fuzzyCeiling, so that it ranks below both; below
// minScore a name is not a match at all.
const (
	exactSkeleton = 0.98
	fuzzyCeiling  = 0.96
	minScore      = 0.5
)

// Search returns up to limit people whose names look most like query, best
// first (ties by ID). Query may be written in any script or romanization
// that Skeleton reads, in any order, with typos; a three-part query such as
// "Xing Fang Fang" is also read with two neighbouring parts joined. A query
// with nothing to read, such as whitespace, finds no one; a query longer
// than 200 characters is cut.
func (x *Index) Search(query string, limit int) []Match {
	query = clip(query)
	if limit <= 0 || !strings.ContainsFunc(query, inWord) {
		return nil
	}
	toks := skeletonTokens(query)
	if len(toks) == 0 {
		return nil
	}
	q := newQuery(toks, true, []string{strings.Join(strings.Fields(query), " ")})
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.search(q, limit, -1)
}

// Similar returns up to limit other people whose names look like one of
// the spellings of the person id, best first: candidates for a queue of
// possible duplicates. It returns nil for an unknown id.
func (x *Index) Similar(id string, limit int) []Match {
	x.mu.RLock()
	defer x.mu.RUnlock()
	slot, ok := x.slots[id]
	if !ok || limit <= 0 {
		return nil
	}
	p := x.people[slot]
	best := map[string]Match{}
	for _, en := range x.entries[p.first : p.first+p.n] {
		q := newQuery(strings.Fields(en.skel), false, p.variants)
		for _, m := range x.search(q, limit, slot) {
			if b, ok := best[m.ID]; !ok || m.Score > b.Score {
				best[m.ID] = m
			}
		}
	}
	out := make([]Match, 0, len(best))
	for _, m := range best {
		out = append(out, m)
	}
	return sortMatches(out, limit)
}

// query is a search prepared: its readings, each a list of tokens, drawn
// from a pool of distinct tokens so that a name's tokens are compared with
// each only once.
type query struct {
	toks      []string // distinct tokens of all readings
	readings  [][]int  // each reading's tokens, as indexes into toks
	skels     []string // each reading's skeleton
	originals []string // spellings that earn the exact-spelling bonus
}

// maxReadTokens bounds the tokens a query is read with: up to maxTokens,
// and the joins of neighbours.
const maxReadTokens = 2 * maxTokens

// newQuery prepares the tokens of a query, in the order written. With
// joins, each two neighbouring tokens of a query of two to four are also
// read as one, as a Chinese given name written in two parts ("Fang Fang")
// or a double surname written apart is; a join is folded again, so that
// "Xin Na" reads as Xinna does.
func newQuery(toks []string, joins bool, originals []string) *query {
	toks = toks[:min(len(toks), maxTokens)]
	q := &query{originals: originals}
	q.addReading(toks)
	if joins && len(toks) >= 2 && len(toks) <= 4 {
		for i := 0; i+1 < len(toks); i++ {
			r := append(slices.Clone(toks[:i]), fold(toks[i]+toks[i+1]))
			q.addReading(append(r, toks[i+2:]...))
		}
	}
	return q
}

// addReading adds a reading of the query, unless it has it already.
func (q *query) addReading(toks []string) {
	sorted := slices.Sorted(slices.Values(toks))
	skel := strings.Join(sorted, " ")
	if slices.Contains(q.skels, skel) {
		return
	}
	var idx []int
	for _, t := range sorted {
		i := slices.Index(q.toks, t)
		if i < 0 {
			i = len(q.toks)
			q.toks = append(q.toks, t)
		}
		idx = append(idx, i)
	}
	q.skels = append(q.skels, skel)
	q.readings = append(q.readings, idx)
}

// search gathers candidates for a query and ranks them, leaving out the
// person in slot skip.
func (x *Index) search(q *query, limit int, skip int32) []Match {
	s := x.getScratch()
	defer x.putScratch(s)
	cands := x.gather(q, s)
	slices.Sort(cands) // a person's entries are neighbours
	var out []Match
	var sims simTable
	var dbuf [maxTokens]string
	last := int32(-1)
	for _, e := range cands {
		en := &x.entries[e]
		p := &x.people[en.slot]
		if p.id == "" || en.slot == skip {
			continue
		}
		score, variant := x.score(q, en, p, s, &sims, splitSkeleton(en.skel, &dbuf))
		switch {
		case en.slot != last:
			out = append(out, Match{ID: p.id, Score: score, Variant: variant})
			last = en.slot
		case score > out[len(out)-1].Score:
			out[len(out)-1] = Match{ID: p.id, Score: score, Variant: variant}
		}
	}
	out = slices.DeleteFunc(out, func(m Match) bool { return m.Score < minScore })
	return sortMatches(out, limit)
}

// score rates one entry of a person against a query, and names the
// spelling of the person that matched.
func (x *Index) score(q *query, en *entry, p *person, s *scratch, sims *simTable, d []string) (float64, string) {
	variant := p.variants[en.variant]
	if slices.Contains(q.skels, en.skel) {
		// A spelling equal to the query has the query's skeleton.
		for _, v := range p.variants {
			for _, o := range q.originals {
				if strings.EqualFold(v, o) {
					return 1, v
				}
			}
		}
		return exactSkeleton, variant
	}
	sims.fill(q, s, d)
	best := 0.0
	for _, r := range q.readings {
		best = max(best, sims.readingScore(r, q.toks, len(d)))
	}
	return best * fuzzyCeiling, variant
}

// splitSkeleton cuts a skeleton into its first maxTokens tokens, without
// allocating.
func splitSkeleton(skel string, buf *[maxTokens]string) []string {
	n := 0
	for skel != "" && n < maxTokens {
		t, rest, _ := strings.Cut(skel, " ")
		buf[n], skel = t, rest
		n++
	}
	return buf[:n]
}

// sortMatches orders matches best first, ties by ID, and keeps limit.
func sortMatches(ms []Match, limit int) []Match {
	slices.SortFunc(ms, func(a, b Match) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	if len(ms) > limit {
		ms = ms[:limit]
	}
	if len(ms) == 0 {
		return nil
	}
	return ms
}

// idf is the weight of a trigram held by df of n entries: rarer trigrams
// tell names apart better.
func idf(n, df int) float32 {
	return float32(math.Log(1 + float64(n)/float64(df)))
}
