package search

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"symposium/internal/names"
)

// textIndex finds documents — events, contributions, organizations — by
// the words of their texts in any language. Words of alphabetic scripts
// are found by their beginnings, also across scripts through their name
// skeletons ("Astana" finds "Астана"); Chinese, written without spaces, is
// indexed by single characters and pairs of neighbouring characters, so
// that a word of two or more characters is found wherever it stands.
type textIndex struct {
	mu       sync.RWMutex
	docs     map[string][]string  // document → its terms, to remove them
	postings map[string][]posting // term → documents holding it
	sorted   []string             // every term, sorted; nil when stale
}

// posting is a document holding a term, with the weight of the field it
// stands in.
type posting struct {
	doc    string
	weight float32
}

// Weights of the fields a term may stand in.
const (
	weightTitle = 3
	weightBody  = 1
)

// skeletonMark starts the terms that are name skeletons of words, keeping
// them apart from the words themselves.
const skeletonMark = "~"

func newTextIndex() *textIndex {
	return &textIndex{docs: map[string][]string{}, postings: map[string][]posting{}}
}

// put indexes a document's title and body texts, replacing what the index
// held for it.
func (x *textIndex) put(doc string, titles, bodies []string) {
	weights := map[string]float32{}
	add := func(texts []string, w float32) {
		for _, t := range texts {
			for _, term := range documentTerms(t) {
				weights[term] = max(weights[term], w)
			}
		}
	}
	add(bodies, weightBody)
	add(titles, weightTitle)
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(doc)
	terms := make([]string, 0, len(weights))
	for term, w := range weights {
		if _, ok := x.postings[term]; !ok {
			x.sorted = nil
		}
		x.postings[term] = append(x.postings[term], posting{doc: doc, weight: w})
		terms = append(terms, term)
	}
	x.docs[doc] = terms
}

// remove forgets a document.
func (x *textIndex) remove(doc string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(doc)
}

func (x *textIndex) removeLocked(doc string) {
	for _, term := range x.docs[doc] {
		list := slices.DeleteFunc(x.postings[term], func(q posting) bool { return q.doc == doc })
		if len(list) == 0 {
			delete(x.postings, term)
			x.sorted = nil
		} else {
			x.postings[term] = list
		}
	}
	delete(x.docs, doc)
}

// search returns the documents holding every word of the query, each with
// a score in (0, 1]: how many of the words stand in titles, and whole
// rather than begun.
func (x *textIndex) search(query string, keep func(doc string) bool) map[string]float64 {
	words := queryWords(query)
	if len(words) == 0 {
		return nil
	}
	for {
		x.mu.RLock()
		if x.sorted != nil {
			break
		}
		x.mu.RUnlock()
		x.sortTerms()
	}
	defer x.mu.RUnlock()
	var total map[string]float64
	for _, w := range words {
		found := x.match(w, keep)
		if total == nil {
			total = found
		} else {
			for d, s := range total {
				if f, ok := found[d]; ok {
					total[d] = s + f
				} else {
					delete(total, d)
				}
			}
		}
		if len(total) == 0 {
			return nil
		}
	}
	for d := range total {
		total[d] /= float64(len(words)) * weightTitle
	}
	return total
}

// sortTerms lists the terms in order, for finding those a word begins.
func (x *textIndex) sortTerms() {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.sorted != nil {
		return
	}
	x.sorted = make([]string, 0, len(x.postings))
	for t := range x.postings {
		x.sorted = append(x.sorted, t)
	}
	sort.Strings(x.sorted)
}

// maxExpansions bounds the terms one word of a query expands to, so that a
// query of one common letter reads a bounded part of the index.
const maxExpansions = 200

// match scores the documents holding one query word: a whole term counts
// its weight, a term begun by the word 0.8 of it, a skeleton 0.7.
func (x *textIndex) match(w queryWord, keep func(string) bool) map[string]float64 {
	out := map[string]float64{}
	credit := func(term string, factor float64) {
		for _, p := range x.postings[term] {
			if keep(p.doc) {
				out[p.doc] = max(out[p.doc], float64(p.weight)*factor)
			}
		}
	}
	if w.exact {
		for _, t := range w.terms {
			credit(t, 1)
		}
		return out
	}
	for i, prefix := range w.terms {
		factor := 1.0
		if i > 0 {
			factor = 0.7
		}
		start := sort.SearchStrings(x.sorted, prefix)
		for n, t := range x.sorted[start:] {
			if !strings.HasPrefix(t, prefix) || n == maxExpansions {
				break
			}
			f := factor
			if t != prefix {
				f *= 0.8
			}
			credit(t, f)
		}
	}
	return out
}

// queryWord is one word of a query: for Chinese, the characters or pairs
// that must all be present (exact); otherwise the beginnings of terms, the
// word itself and then its skeleton.
type queryWord struct {
	terms []string
	exact bool
}

// minPrefix is the shortest word found by the words it begins, and the
// shortest skeleton compared: shorter ones must match whole.
const minPrefix = 3

// maxQueryWords bounds the words of a query that count.
const maxQueryWords = 8

// queryWords cuts a query into words as documentTerms cuts texts.
func queryWords(query string) []queryWord {
	var out []queryWord
	for _, w := range words(query) {
		if len(out) == maxQueryWords {
			break
		}
		if w.han {
			out = append(out, queryWord{terms: hanTerms(w.text, true), exact: true})
			continue
		}
		qw := queryWord{terms: []string{w.text}, exact: utf8.RuneCountInString(w.text) < minPrefix}
		if sk := names.Skeleton(w.text); len(sk) >= minPrefix && !strings.Contains(sk, " ") {
			qw.terms = append(qw.terms, skeletonMark+sk)
		}
		out = append(out, qw)
	}
	return out
}

// documentTerms returns the terms a text is indexed by.
func documentTerms(text string) []string {
	var out []string
	for _, w := range words(text) {
		if w.han {
			out = append(out, hanTerms(w.text, false)...)
			continue
		}
		out = append(out, w.text)
		if sk := names.Skeleton(w.text); sk != "" && !strings.Contains(sk, " ") {
			out = append(out, skeletonMark+sk)
		}
	}
	return out
}

// hanTerms returns the terms of a run of Chinese characters: in a document
// each character and each pair; in a query the pairs, or the character
// alone.
func hanTerms(run string, query bool) []string {
	rs := []rune(run)
	var out []string
	if !query || len(rs) == 1 {
		for _, r := range rs {
			out = append(out, string(r))
		}
	}
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

// word is a run of letters and digits, lowercased and folded, or a run of
// Chinese characters.
type word struct {
	text string
	han  bool
}

// maxTextRunes bounds how much of a text is read.
const maxTextRunes = 20000

// words cuts a text into words: NFKC-normalized, lowercased, Latin letters
// without their marks, ё as е, and the Kazakh letters as the Russian ones
// they are typed as on a Russian keyboard.
func words(text string) []word {
	var out []word
	var cur []rune
	curHan := false
	flush := func() {
		if len(cur) > 0 {
			out = append(out, word{text: string(cur), han: curHan})
			cur = cur[:0]
		}
	}
	n := 0
	for _, r := range norm.NFKC.String(text) {
		if n++; n > maxTextRunes {
			break
		}
		han := unicode.Is(unicode.Han, r)
		if !han && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if len(cur) > 0 && han != curHan {
			flush()
		}
		curHan = han
		cur = append(cur, foldRune(r)...)
	}
	flush()
	return out
}

// foldRune lowercases a rune and folds it as words describes.
func foldRune(r rune) []rune {
	r = unicode.ToLower(r)
	if f, ok := cyrillicFolds[r]; ok {
		return []rune{f}
	}
	if r < 0x80 || !unicode.Is(unicode.Latin, r) {
		return []rune{r}
	}
	var out []rune
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			out = append(out, d)
		}
	}
	return out
}

// cyrillicFolds maps ё and the Kazakh letters to the Russian letters typed
// in their place.
var cyrillicFolds = map[rune]rune{
	'ё': 'е', 'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и',
}
