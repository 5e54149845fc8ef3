package names

import (
	"slices"
	"strings"
	"sync"
)

// Index is an in-memory index of people by the spellings of their names,
// safe for concurrent use. Search finds people by any spelling of a name,
// in another script or romanization and with typos.
//
// Each distinct skeleton of a person's spellings is an entry; the index
// maps each trigram of the entries' tokens (padded: ^ab, abc, bc$) to the
// entries holding it, and each short token to the entries holding it. A
// search gathers the entries sharing the rarest of its trigrams, weighted
// by rarity, and some more holding short tokens at one edit from its own
// (a typo leaves a short token few trigrams), and ranks them by string
// similarity.
type Index struct {
	mu      sync.RWMutex
	people  []person         // by slot; a deleted person has no id
	slots   map[string]int32 // id → slot
	entries []entry
	grams   [][]int32 // trigram code → entries holding it, ascending
	near    nearIndex // short tokens, to find them despite a typo
	dead    int       // entries of deleted people
	scratch sync.Pool // *scratch
}

// person is one person's ID and spellings.
type person struct {
	id       string
	variants []string // trimmed, spaces collapsed, distinct
	first    int32    // first entry
	n        int32    // entries: entries[first : first+n]
}

// entry is one distinct skeleton of a person's spellings.
type entry struct {
	skel    string // tokens, sorted, joined by spaces
	slot    int32  // the person
	variant int32  // the first of the person's variants with this skeleton
}

// NewIndex returns an empty Index.
func NewIndex() *Index {
	return &Index{slots: map[string]int32{}, grams: make([][]int32, gramCodes)}
}

// Len returns how many people the index holds.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.slots)
}

// Put sets the spellings of a person's name, such as "Гүлнар Шаймергенова"
// and "Gulnar Shaimergenova", replacing any the index held for id. A
// person none of whose spellings has a letter Skeleton can read is not
// held: Put then acts as Delete.
func (x *Index) Put(id string, variants ...string) {
	p := person{id: id}
	var skels []string
	for _, v := range variants {
		v = strings.Join(strings.Fields(clip(v)), " ")
		if v == "" || slices.Contains(p.variants, v) {
			continue
		}
		p.variants = append(p.variants, v)
		skels = append(skels, Skeleton(v))
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.deleteLocked(id)
	slot := int32(len(x.people))
	p.first = int32(len(x.entries))
	for i, s := range skels {
		if s != "" && !slices.Contains(skels[:i], s) {
			x.addEntry(entry{skel: s, slot: slot, variant: int32(i)})
		}
	}
	p.n = int32(len(x.entries)) - p.first
	if p.n == 0 {
		return
	}
	x.people = append(x.people, p)
	x.slots[id] = slot
}

// Delete removes a person from the index.
func (x *Index) Delete(id string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.deleteLocked(id)
}

// deleteLocked forgets a person, leaving their entries in place as dead
// until there are enough dead entries to compact.
func (x *Index) deleteLocked(id string) {
	slot, ok := x.slots[id]
	if !ok {
		return
	}
	delete(x.slots, id)
	p := &x.people[slot]
	x.dead += int(p.n)
	*p = person{}
	if x.dead >= 1024 && x.dead*2 > len(x.entries) {
		x.compact()
	}
}

// compact rebuilds the index without the dead entries.
func (x *Index) compact() {
	people, entries := x.people, x.entries
	x.people, x.entries, x.dead = nil, nil, 0
	x.grams = make([][]int32, gramCodes)
	x.near = nearIndex{}
	for _, p := range people {
		if p.id == "" {
			continue
		}
		slot := int32(len(x.people))
		first := int32(len(x.entries))
		for _, en := range entries[p.first : p.first+p.n] {
			x.addEntry(entry{skel: en.skel, slot: slot, variant: en.variant})
		}
		p.first = first
		x.people = append(x.people, p)
		x.slots[p.id] = slot
	}
}

// addEntry appends an entry and indexes its trigrams and short tokens.
func (x *Index) addEntry(en entry) {
	e := int32(len(x.entries))
	x.entries = append(x.entries, en)
	for _, g := range skeletonGrams(en.skel, nil) {
		x.grams[g] = append(x.grams[g], e)
	}
	for _, t := range strings.Fields(en.skel) {
		x.near.add(t, e)
	}
}

// gramCodes is the number of trigram codes: three places of 28 symbols,
// the letters a–z and the padding ^ and $.
const gramCodes = 28 * 28 * 28

// gramSymbol numbers the symbols of a padded token.
func gramSymbol(c byte) int32 {
	switch c {
	case '^':
		return 26
	case '$':
		return 27
	}
	return int32(c - 'a')
}

// tokenGrams appends the codes of the trigrams of a token padded as
// ^token$: ^ab, abc, bc$; a token of one letter has the one trigram ^a$.
func tokenGrams(t string, out []int32) []int32 {
	at := func(i int) int32 { // the i-th symbol of ^token$
		switch i {
		case 0:
			return gramSymbol('^')
		case len(t) + 1:
			return gramSymbol('$')
		}
		return gramSymbol(t[i-1])
	}
	for i := 0; i+2 <= len(t)+1; i++ {
		out = append(out, (at(i)*28+at(i+1))*28+at(i+2))
	}
	return out
}

// skeletonGrams appends the distinct trigram codes of a skeleton's tokens,
// sorted.
func skeletonGrams(skel string, out []int32) []int32 {
	start := len(out)
	for _, t := range strings.Fields(skel) {
		out = tokenGrams(t, out)
	}
	slices.Sort(out[start:])
	return slices.Compact(out)
}
