package names

// maxLetters bounds the letters of a token that similarity looks at, so
// that comparing two tokens costs at most a fixed amount.
const maxLetters = 32

// maxTokens bounds the tokens of a name that similarity looks at.
const maxTokens = 8

// jaroWinkler returns the Jaro-Winkler similarity of two ASCII strings of
// at most maxLetters bytes, in [0, 1]: the share of letters found in
// about the same place, corrected for transpositions, raised for a shared
// beginning of up to four letters.
func jaroWinkler(a, b string) float64 {
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	window := max(max(la, lb)/2-1, 0)
	var usedA, usedB [maxLetters]bool
	matches := 0
	for i := 0; i < la; i++ {
		for j := max(0, i-window); j < min(lb, i+window+1); j++ {
			if !usedB[j] && a[i] == b[j] {
				usedA[i], usedB[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	half, j := 0, 0
	for i := 0; i < la; i++ {
		if !usedA[i] {
			continue
		}
		for !usedB[j] {
			j++
		}
		if a[i] != b[j] {
			half++
		}
		j++
	}
	m := float64(matches)
	jaro := (m/float64(la) + m/float64(lb) + (m-float64(half)/2)/m) / 3
	prefix := 0
	for prefix < min(4, la, lb) && a[prefix] == b[prefix] {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}

// damerauLevenshtein returns the optimal-string-alignment distance of two
// ASCII strings of at most maxLetters bytes: the fewest insertions,
// deletions, substitutions and transpositions of neighbours that turn one
// into the other.
func damerauLevenshtein(a, b string) int {
	la, lb := len(a), len(b)
	var rows [3][maxLetters + 1]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= lb; j++ {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}

// tokenSimilarity compares two skeleton tokens, in [0, 1]: the mean of
// Jaro-Winkler, which rewards a shared beginning, and one less the edit
// distance over the longer length, which counts typos.
func tokenSimilarity(a, b string) float64 {
	if a == b {
		return 1
	}
	a, b = a[:min(len(a), maxLetters)], b[:min(len(b), maxLetters)]
	edit := 1 - float64(damerauLevenshtein(a, b))/float64(max(len(a), len(b)))
	return (jaroWinkler(a, b) + edit) / 2
}

// extraTokenPenalty is what each token of a name that no query token
// matches costs: a query may leave out a patronymic or middle name, but a
// name without the extra token fits it better.
const extraTokenPenalty = 0.03

// simTable holds the similarities of a query's tokens with a name's.
type simTable [maxReadTokens][maxTokens]float64

// fill compares each of the query's tokens with each name token.
func (t *simTable) fill(q *query, s *scratch, d []string) {
	for j, dt := range d {
		row := s.similarities(q, dt)
		for i := range q.toks {
			t[i][j] = row[i]
		}
	}
}

// simRow holds the similarities of a query's tokens with one name token.
type simRow [maxReadTokens]float64

// similarities compares each of the query's tokens with a name token,
// remembering the result for the other names holding the token: the
// candidates of a search share many tokens, such as a common surname.
func (s *scratch) similarities(q *query, t string) simRow {
	if i, ok := s.memo[t]; ok {
		return s.rows[i]
	}
	var row simRow
	for i, qt := range q.toks {
		row[i] = tokenSimilarity(qt, t)
	}
	s.memo[t] = len(s.rows)
	s.rows = append(s.rows, row)
	return row
}

// tokenWeight is how much a query token counts: longer tokens more, but an
// initial or a short Chinese syllable still counts.
func tokenWeight(t string) float64 {
	return float64(min(len(t), maxLetters) + 2)
}

// readingScore compares a reading of the query, a list of indexes into its
// tokens q, with a name of nd tokens, in any order, in [0, 1]. Query and
// name tokens are paired greedily, most alike first; the score is the
// pairs' similarity averaged over the query's tokens, longer tokens
// counting more, less extraTokenPenalty per name token left over.
func (t *simTable) readingScore(reading []int, q []string, nd int) float64 {
	var qUsed [maxReadTokens]bool
	var dUsed [maxTokens]bool
	total, weight := 0.0, 0.0
	for _, i := range reading {
		weight += tokenWeight(q[i])
	}
	for range min(len(reading), nd) {
		bi, bj, best := -1, -1, -1.0
		for k, i := range reading {
			for j := range nd {
				if !qUsed[k] && !dUsed[j] && t[i][j] > best {
					bi, bj, best = k, j, t[i][j]
				}
			}
		}
		qUsed[bi], dUsed[bj] = true, true
		total += best * tokenWeight(q[reading[bi]])
	}
	extra := max(nd-len(reading), 0)
	return max(total/weight-extraTokenPenalty*float64(extra), 0)
}
