package names

// maxNearLen bounds the tokens that nearIndex holds. A typo leaves a
// short token few or no trigrams in common with the right one (cehn and
// chen share none), so such tokens are also found by their neighbours at
// one edit; longer tokens keep enough trigrams.
const maxNearLen = 6

// nearIndex finds the short tokens of the entries at one edit from a
// query token, as a deletion neighbourhood does: two tokens at one edit
// are equal, or equal once one letter is deleted from one or both.
type nearIndex struct {
	ids   map[string]int32   // token → its number
	words []string           // token number → token
	posts [][]int32          // token number → entries holding it, ascending
	dels  map[string][]int32 // a token less one letter → token numbers
}

// add records that entry e holds token t, if t is short.
func (n *nearIndex) add(t string, e int32) {
	if len(t) > maxNearLen {
		return
	}
	id, ok := n.ids[t]
	if !ok {
		if n.ids == nil {
			n.ids, n.dels = map[string]int32{}, map[string][]int32{}
		}
		id = int32(len(n.posts))
		n.ids[t] = id
		n.words = append(n.words, t)
		n.posts = append(n.posts, nil)
		for _, d := range deletions(t) {
			n.dels[d] = append(n.dels[d], id)
		}
	}
	if post := n.posts[id]; len(post) == 0 || post[len(post)-1] != e {
		n.posts[id] = append(post, e)
	}
}

// near appends to out the numbers of the tokens at exactly one edit from
// t: one letter inserted, deleted or replaced, or two neighbours swapped.
// A token of one letter has no neighbours worth finding.
func (n *nearIndex) near(t string, out []int32) []int32 {
	if len(t) < 2 || len(t) > maxNearLen+1 || n.ids == nil {
		return out
	}
	start := len(out)
	consider := func(id int32) {
		for _, o := range out[start:] {
			if o == id {
				return
			}
		}
		out = append(out, id)
	}
	for _, id := range n.dels[t] { // t lacks a letter
		consider(id)
	}
	for _, d := range deletions(t) {
		if id, ok := n.ids[d]; ok { // t has a letter too many
			consider(id)
		}
		for _, id := range n.dels[d] { // a letter replaced, or swapped
			consider(id)
		}
	}
	return out[:start+keepNear(out[start:], t, n)]
}

// keepNear moves to the front of ids the tokens at one edit from t, and
// returns how many there are: a shared deletion may be two edits apart.
func keepNear(ids []int32, t string, n *nearIndex) int {
	kept := 0
	for _, id := range ids {
		if damerauLevenshtein(t, n.words[id]) == 1 {
			ids[kept] = id
			kept++
		}
	}
	return kept
}

// deletions returns the distinct strings made by deleting one letter of t.
func deletions(t string) []string {
	out := make([]string, 0, len(t))
	for i := range len(t) {
		if i > 0 && t[i] == t[i-1] {
			continue // deleting either of two equal letters gives one string
		}
		out = append(out, t[:i]+t[i+1:])
	}
	return out
}
